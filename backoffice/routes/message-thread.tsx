import { BellOff, ExternalLink, IdCard, MailCheck, UserCheck, UserRound } from "lucide-react";
import {
  data,
  Form,
  Link,
  useActionData,
  useLoaderData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
} from "react-router";
import { db } from "#app/lib/db.server.ts";
import { formatMessageTime } from "#app/lib/format/dates.ts";
import { formIntent, requireIdParam } from "#app/lib/forms.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { getLocale } from "#app/lib/i18n/locale.server.ts";
import { respond } from "#app/lib/service-result.ts";
import { can } from "#app/modules/auth/permissions.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { assignThreadForm, staffReplyForm } from "#app/modules/messages/message-actions.server.ts";
import { BODY_MAX } from "#app/modules/messages/message-input.ts";
import { openThreadForStaff } from "#app/modules/messages/site-messages.server.ts";
import { Badge } from "#app/ui/badge.tsx";
import { SectionCard } from "#app/ui/section-card.tsx";
import { SubmitButton } from "#app/ui/form/submit-button.tsx";
import { MessageThread } from "#app/ui/messages/message-thread.tsx";
import { ReplyForm } from "#app/ui/messages/reply-form.tsx";
import { titleMeta } from "#app/ui/meta.ts";
import { BackLink } from "#app/ui/records/back-link.tsx";
import { FactList } from "#app/ui/records/fact-list.tsx";
import { ShellErrorBoundary } from "#backoffice/components/shell-error-boundary.tsx";

// One member conversation in the back office: read and reply (members:browse, so customer service
// answers members), take it over (members:modify, checked by the service). The first reply to an
// unassigned thread makes the replier its handler.

const pathOf = (threadId: number) => `/crm/messages/${threadId}`;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireStaffActor(request, { module: "members", action: "browse" });
  const result = await openThreadForStaff(db, actor, requireIdParam(params.threadId));
  if (result.kind === "forbidden") throw data({ module: "members", action: "browse" }, { status: 403 });
  if (result.kind === "not-found") throw data(null, { status: 404 });
  const locale = await getLocale(request);
  return {
    thread: {
      ...result.thread,
      messages: result.thread.messages.map((m) => ({ ...m, when: formatMessageTime(m.createdAt, locale) })),
      startedAt: formatMessageTime(result.thread.createdAt, locale),
    },
    canModify: can(actor, "members", "modify"),
    myId: actor.staffId,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireStaffActor(request, { module: "members", action: "browse" });
  const threadId = requireIdParam(params.threadId);
  const form = await request.formData();
  switch (formIntent(form)) {
    case "assign-to-me":
      return respond(await assignThreadForm(db, actor, threadId), {
        successTo: pathOf(threadId),
        flash: "flash.messages.assigned",
      });
    case "reply":
      return respond(await staffReplyForm(db, actor, threadId, form), {
        successTo: `${pathOf(threadId)}#latest`,
        flash: ({ emailed }) => (emailed ? "flash.messages.replied" : "flash.messages.repliedNoMail"),
      });
    default:
      throw data(null, { status: 400 });
  }
}

export const meta = titleMeta("messages.crm.thread.title");

type Thread = Awaited<ReturnType<typeof loader>>["thread"];

export default function StaffMessageThread() {
  const { thread, canModify, myId } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const memberName = thread.member.anonymised ? t("messages.member.anonymised") : (thread.member.nickname ?? "");
  return (
    <div className="space-y-6">
      <div>
        <BackLink to="/crm/messages">{t("messages.crm.backToInbox")}</BackLink>
        <h1 className="mt-3 text-2xl font-semibold tracking-tight break-words text-slate-900 sm:text-[28px] sm:leading-9">
          {thread.subject}
        </h1>
        <p className="mt-1.5 text-sm text-slate-500">
          {t("messages.crm.thread.startedBy", { name: memberName, when: thread.startedAt })}
        </p>
      </div>

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <MessageThread messages={thread.messages} reader="staff" memberLabel={memberName} />
          {!thread.closed ? (
            <ReplyForm
              label={t("messages.crm.reply.label", { name: memberName })}
              rows={5}
              maxLength={BODY_MAX}
              result={result}
              resetKey={thread.messages.length}
              hint={
                <>
                  {thread.member.notifyByEmail ? t("messages.crm.reply.hintMail") : t("messages.crm.reply.hintNoMail")}
                  {thread.assignee ? null : <span className="ml-1">{t("messages.crm.reply.hintAssign")}</span>}
                </>
              }
            />
          ) : (
            <p className="rounded-lg border border-dashed border-slate-300 bg-white/60 px-4 py-3 text-sm text-slate-500">
              {t("messages.crm.closed")}
            </p>
          )}
        </div>
        <div className="space-y-6">
          <MemberCard thread={thread} memberName={memberName} />
          <AssigneeCard thread={thread} canModify={canModify} myId={myId} />
        </div>
      </div>
    </div>
  );
}

function MemberCard({ thread, memberName }: { thread: Thread; memberName: string }) {
  const { t } = useI18n();
  const m = thread.member;
  return (
    <SectionCard title={t("messages.crm.member.title")} icon={UserRound} bodyClassName="space-y-3 text-sm">
      <FactList
        layout="grid"
        stacked
        facts={[
          {
            label: t("messages.crm.member.nickname"),
            value: m.anonymised ? (
              <span className="text-slate-500 italic">{memberName}</span>
            ) : (
              <Link
                to={`/crm/members/${m.id}`}
                className="inline-flex items-center gap-1 font-medium text-blue-700 hover:underline"
              >
                {memberName}
                <ExternalLink aria-hidden className="size-3.5" />
              </Link>
            ),
          },
          { label: t("common.email"), value: m.email, hidden: !m.email },
          {
            label: t("messages.crm.member.notifications"),
            value: (
              <span className="inline-flex items-center gap-1.5 text-slate-700">
                {m.notifyByEmail ? (
                  <MailCheck aria-hidden className="size-4 text-emerald-600" />
                ) : (
                  <BellOff aria-hidden className="size-4 text-slate-400" />
                )}
                {m.notifyByEmail ? t("messages.crm.member.notifyOn") : t("messages.crm.member.notifyOff")}
              </span>
            ),
          },
        ]}
      />
      {m.anonymised ? (
        <p className="rounded-md bg-slate-50 px-3 py-2 text-xs text-slate-500">
          {t("messages.crm.member.deregisteredHint")}
        </p>
      ) : (
        <Link
          to={`/crm/members/${m.id}`}
          className="inline-flex items-center gap-1.5 text-sm font-medium text-blue-700 hover:underline"
        >
          <IdCard aria-hidden className="size-4" />
          {t("messages.crm.member.open")}
        </Link>
      )}
    </SectionCard>
  );
}

function AssigneeCard({ thread, canModify, myId }: { thread: Thread; canModify: boolean; myId: number }) {
  const { t } = useI18n();
  return (
    <SectionCard title={t("messages.crm.assignee.title")} icon={UserCheck} bodyClassName="space-y-3 text-sm">
      <p className="text-slate-700">
        {thread.assignee ? (
          thread.assignee.id === myId ? (
            <Badge tone="blue">{t("common.me")}</Badge>
          ) : (
            <span className="font-medium">{thread.assignee.name}</span>
          )
        ) : (
          <Badge tone="slate">{t("common.unassigned")}</Badge>
        )}
      </p>
      {canModify && thread.assignee?.id !== myId ? (
        <Form method="post">
          <SubmitButton intent="assign-to-me" variant="secondary" size="sm">
            <UserCheck aria-hidden className="size-4" />
            {t("messages.crm.assignToMe")}
          </SubmitButton>
        </Form>
      ) : null}
      <p className="text-xs leading-5 text-slate-500">{t("messages.crm.assignee.hint")}</p>
    </SectionCard>
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary back="/crm/messages" backLabel="messages.crm.backToInbox" />;
}
