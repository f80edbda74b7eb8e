import { EyeOff, Inbox, Settings } from "lucide-react";
import {
  Link,
  useActionData,
  useLoaderData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaArgs,
} from "react-router";
import { db } from "#app/lib/db.server.ts";
import { runIntent } from "#app/lib/forms.server.ts";
import { formatCompactDate } from "#app/lib/format/dates.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { respond } from "#app/lib/service-result.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { QUEUE_INTENTS } from "#app/modules/forum/forum-mod-intents.server.ts";
import { hiddenPostQueue } from "#app/modules/forum/forum-moderation.server.ts";
import { moderationQueue } from "#app/modules/forum/forum-reports.server.ts";
import { ButtonLink } from "#app/ui/button.tsx";
import { Card } from "#app/ui/card.tsx";
import { EmptyCard } from "#app/ui/empty-card.tsx";
import { FailureNotice } from "#app/ui/form/index.ts";
import { ModerationQueue } from "#app/ui/forum/moderation-queue.tsx";
import { KeysetPager } from "#app/ui/list/pager.tsx";
import { pageTitle } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { BackLink } from "#app/ui/records/back-link.tsx";
import { ShellErrorBoundary } from "#backoffice/components/shell-error-boundary.tsx";

// /crm/forum/queue — the moderation queue (decision 041): reported posts grouped per post (dismiss,
// hide, delete with a reason), posts held for review (approve, approve and trust, reject), and the
// hidden posts waiting for the private follow-up (opened on their thread page).

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireStaffActor(request, { module: "forum", action: "browse" });
  const before = Number(new URL(request.url).searchParams.get("before"));
  const [queue, hidden] = await Promise.all([
    moderationQueue(db, { kind: "staff", staffId: actor.staffId }),
    hiddenPostQueue(db, { beforeId: Number.isSafeInteger(before) && before > 0 ? before : null }),
  ]);
  return { reported: queue?.reported ?? [], held: queue?.held ?? [], hidden };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireStaffActor(request, { module: "forum", action: "modify" });
  const formData = await request.formData();
  const viewer = { kind: "staff" as const, staffId: actor.staffId };
  const result = await runIntent(formData, QUEUE_INTENTS, { db, viewer, formData });
  return respond(result, { successTo: "/crm/forum/queue", flash: "flash.saved" });
}

export const meta = ({ matches }: MetaArgs) => pageTitle(matches, "forum.mod.queue");

export default function ModerationQueuePage() {
  const { reported, held, hidden } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t, locale } = useI18n();
  return (
    <div className="space-y-6">
      <BackLink to="/crm/forum">{t("forum.admin.title")}</BackLink>
      <PageHeader
        title={t("forum.mod.queue")}
        description={t("forumMod.queue.description")}
        icon={<Inbox className="size-6" aria-hidden />}
        actions={
          <ButtonLink to="/crm/forum/settings" variant="secondary" icon={Settings}>
            {t("forumMod.settings.title")}
          </ButtonLink>
        }
      />
      <FailureNotice result={result} />
      <ModerationQueue
        reported={reported}
        held={held}
        threadHref={(post) => `/crm/forum/threads/${post.threadId}#post-${post.id}`}
      />
      <section className="space-y-3">
        <h2 className="text-base font-semibold text-slate-900">{t("forum.mod.hiddenPosts")}</h2>
        {hidden.rows.length === 0 ? (
          <EmptyCard icon={EyeOff} title={t("forum.mod.hiddenPosts")} />
        ) : (
          <Card>
            <ul className="divide-y divide-slate-100">
              {hidden.rows.map((row) => (
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
              nextTo={hidden.nextBeforeId ? `/crm/forum/queue?before=${hidden.nextBeforeId}` : null}
            />
          </Card>
        )}
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary back="/crm/forum" backLabel="forum.admin.title" />;
}
