import { data, useLoaderData, type LoaderFunctionArgs, type MetaArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { requireIdParam } from "#app/lib/forms.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { openHandedThread } from "#app/modules/forum/forum-handed.server.ts";
import { PostCard } from "#app/ui/forum/post-card.tsx";
import { ThreadBadges } from "#app/ui/forum/thread-badges.tsx";
import { KeysetPager } from "#app/ui/list/pager.tsx";
import { BackLink } from "#app/ui/records/back-link.tsx";
import { ShellErrorBoundary } from "#backoffice/components/shell-error-boundary.tsx";

// /crm/forum/handed/:threadId — a forum thread, read-only, for the salesperson a member was handed to
// (转交销售, decision 053). Readable with forum rights or a lead handed over from it that the caller
// may open; anyone else gets 404, as for a thread that does not exist.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireStaffActor(request, "signedIn");
  const threadId = requireIdParam(params.threadId);
  const cursor = new URL(request.url).searchParams.get("cursor");
  const page = await openHandedThread(db, actor, threadId, { cursor });
  if (!page) throw data(null, { status: 404 });
  const { thread, opening, replies, nextCursor } = page;
  return { thread, opening, replies, nextCursor };
}

export const meta = ({ data: loaded }: MetaArgs<typeof loader>) => [{ title: loaded?.thread.title ?? "" }];

export default function HandedThreadPage() {
  const { thread, opening, replies, nextCursor } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <div className="space-y-6">
      <BackLink to="/crm/leads">{t("common.backToLeads")}</BackLink>
      <header className="space-y-3">
        <ThreadBadges thread={thread} hiddenLabel="forum.badge.hiddenStaff" />
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{thread.title}</h1>
        <p className="text-sm text-slate-600">
          {thread.classroom.name} · {t("forum.handed.readOnly")}
        </p>
      </header>
      <div className="space-y-4">
        {[opening, ...replies].map((post) => (
          <PostCard key={post.id} post={post} hiddenLabel="forum.badge.hiddenStaff" />
        ))}
      </div>
      <KeysetPager
        firstTo={null}
        prevTo={null}
        nextTo={nextCursor ? `/crm/forum/handed/${thread.id}?cursor=${nextCursor}` : null}
        nextLabel={t("forum.more")}
      />
    </div>
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary back="/crm/leads" backLabel="common.backToLeads" />;
}
