import { Headset } from "lucide-react";
import { data, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { formatMessageTime } from "#app/lib/format/dates.ts";
import { formIntent, requireIdParam } from "#app/lib/forms.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { getLocale } from "#app/lib/i18n/locale.server.ts";
import { respond } from "#app/lib/service-result.ts";
import { requireMember } from "#app/modules/members/member-guard.server.ts";
import { memberReplyForm } from "#app/modules/messages/message-actions.server.ts";
import { BODY_MAX } from "#app/modules/messages/message-input.ts";
import { openThreadForMember } from "#app/modules/messages/site-messages.server.ts";
import { MessageThread } from "#app/ui/messages/message-thread.tsx";
import { ReplyForm } from "#app/ui/messages/reply-form.tsx";
import { titleMeta } from "#app/ui/meta.ts";
import { BackLink } from "#app/ui/records/back-link.tsx";
import { ShellErrorBoundary } from "#portal/components/shell-error-boundary.tsx";

// One conversation with customer service. Opening it marks the staff replies as read. A malformed
// id, a missing thread and someone else's thread all answer the same 404.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const principal = await requireMember(request);
  const thread = await openThreadForMember(db, principal.member.id, requireIdParam(params.threadId));
  if (!thread) throw data(null, { status: 404 });
  const locale = await getLocale(request);
  return {
    thread: {
      ...thread,
      messages: thread.messages.map((m) => ({ ...m, when: formatMessageTime(m.createdAt, locale) })),
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const principal = await requireMember(request);
  const threadId = requireIdParam(params.threadId);
  const form = await request.formData();
  if (formIntent(form) !== "reply") throw data(null, { status: 400 });
  return respond(await memberReplyForm(db, principal.member.id, threadId, form), {
    successTo: `/account/messages/${threadId}#latest`,
    flash: "flash.messages.sent",
  });
}

export const meta = titleMeta("messages.portal.thread.title");

export default function MessageThreadPage() {
  const { thread } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <div className="space-y-6">
      <div>
        <BackLink to="/account/messages">{t("messages.portal.backToList")}</BackLink>
        <h1 className="mt-3 text-2xl font-semibold tracking-tight break-words text-slate-900">{thread.subject}</h1>
        <p className="mt-1.5 inline-flex items-center gap-1.5 text-sm text-slate-500">
          <Headset aria-hidden className="size-4 text-slate-400" />
          {thread.assigneeName
            ? t("messages.portal.handledBy", { name: thread.assigneeName })
            : t("messages.portal.notYetHandled")}
        </p>
      </div>
      <MessageThread messages={thread.messages} reader="member" />
      <ReplyForm
        label={t("messages.reply.label")}
        result={result}
        resetKey={thread.messages.length}
        maxLength={BODY_MAX}
      />
    </div>
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary back="/account/messages" backLabel="messages.portal.backToList" />;
}
