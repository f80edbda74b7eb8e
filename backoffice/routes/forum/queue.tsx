import { EyeOff, Inbox } from "lucide-react";
import { Link, useLoaderData, type LoaderFunctionArgs, type MetaArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { formatCompactDate } from "#app/lib/format/dates.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { hiddenPostQueue } from "#app/modules/forum/forum-moderation.server.ts";
import { Card } from "#app/ui/card.tsx";
import { EmptyCard } from "#app/ui/empty-card.tsx";
import { KeysetPager } from "#app/ui/list/pager.tsx";
import { pageTitle } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { BackLink } from "#app/ui/records/back-link.tsx";
import { ShellErrorBoundary } from "#backoffice/components/shell-error-boundary.tsx";

// /crm/forum/queue — the moderation queue: hidden posts waiting for the private follow-up (talk to the
// member, hand them to sales, or show the post again). Opens each post on its thread page.

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaffActor(request, { module: "forum", action: "browse" });
  const before = Number(new URL(request.url).searchParams.get("before"));
  return hiddenPostQueue(db, { beforeId: Number.isSafeInteger(before) && before > 0 ? before : null });
}

export const meta = ({ matches }: MetaArgs) => pageTitle(matches, "forum.mod.queue");

export default function ModerationQueuePage() {
  const { rows, nextBeforeId } = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();
  return (
    <div className="space-y-6">
      <BackLink to="/crm/forum">{t("forum.admin.title")}</BackLink>
      <PageHeader
        title={t("forum.mod.queue")}
        description={t("forum.mod.hiddenPosts")}
        icon={<Inbox className="size-6" aria-hidden />}
      />
      {rows.length === 0 ? (
        <EmptyCard icon={EyeOff} title={t("forum.mod.hiddenPosts")} />
      ) : (
        <Card>
          <ul className="divide-y divide-slate-100">
            {rows.map((row) => (
              <li key={row.id} className="px-5 py-3 text-sm">
                <Link
                  to={`/crm/forum/threads/${row.threadId}#post-${row.id}`}
                  className="font-medium text-blue-700 hover:underline"
                >
                  {row.thread.title}
                </Link>
                <span className="ml-2 text-xs text-slate-500">
                  {row.thread.classroom.name} · {row.authorMember?.nickname ?? row.authorStaff?.name ?? "—"} ·{" "}
                  {formatCompactDate(row.hiddenAt, locale)}
                </span>
                <p className="mt-1 line-clamp-2 text-slate-600">{row.bodyText}</p>
                {row.hiddenReason ? <p className="mt-1 text-xs text-amber-700">{row.hiddenReason}</p> : null}
              </li>
            ))}
          </ul>
          <KeysetPager
            firstTo={null}
            prevTo={null}
            nextTo={nextBeforeId ? `/crm/forum/queue?before=${nextBeforeId}` : null}
          />
        </Card>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary back="/crm/forum" backLabel="forum.admin.title" />;
}
