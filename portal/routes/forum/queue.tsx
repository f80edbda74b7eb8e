import { data, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { runIntent } from "#app/lib/forms.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { respond } from "#app/lib/service-result.ts";
import { QUEUE_INTENTS } from "#app/modules/forum/forum-mod-intents.server.ts";
import { moderationQueue } from "#app/modules/forum/forum-reports.server.ts";
import { portalForumViewer } from "#app/modules/forum/forum-viewer.server.ts";
import { requireMember } from "#app/modules/members/member-guard.server.ts";
import { FailureNotice } from "#app/ui/form/index.ts";
import { ModerationQueue } from "#app/ui/forum/moderation-queue.tsx";
import { titleMeta } from "#app/ui/meta.ts";
import { BackLink } from "#app/ui/records/back-link.tsx";
import { ShellErrorBoundary } from "#portal/components/shell-error-boundary.tsx";

// /forum/queue — the moderation queue of a member moderator (版主, decision 041): reports and held
// posts of the classrooms they moderate only. Anyone else gets a 404, as for a page that is not there.

async function moderatorViewer(request: Request) {
  await requireMember(request);
  return portalForumViewer(request);
}

export async function loader({ request }: LoaderFunctionArgs) {
  const queue = await moderationQueue(db, await moderatorViewer(request));
  if (!queue) throw data(null, { status: 404 });
  return queue;
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await moderatorViewer(request);
  const formData = await request.formData();
  const result = await runIntent(formData, QUEUE_INTENTS, { db, viewer, formData });
  return respond(result, { successTo: "/forum/queue", flash: "flash.saved" });
}

export const meta = titleMeta("forumMod.queue.title");

export default function MemberModerationQueue() {
  const { reported, held } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <div className="mx-auto max-w-4xl px-4 py-8 sm:px-6 lg:px-8">
      <BackLink to="/forum">{t("forum.allClassrooms")}</BackLink>
      <h1 className="mt-4 text-2xl font-semibold tracking-tight text-slate-900">{t("forumMod.queue.title")}</h1>
      <p className="mt-1 text-sm text-slate-500">{t("forumMod.queue.description")}</p>
      <FailureNotice result={result} className="mt-4" />
      <div className="mt-6">
        <ModerationQueue
          reported={reported}
          held={held}
          threadHref={(post) => `/forum/t/${post.threadId}#post-${post.id}`}
        />
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary back="/forum" backLabel="forum.allClassrooms" />;
}
