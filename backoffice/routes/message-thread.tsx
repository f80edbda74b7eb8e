import {
  ArrowLeft,
  BellOff,
  CheckCircle2,
  ExternalLink,
  IdCard,
  MailCheck,
  Send,
  UserCheck,
  UserRound,
} from "lucide-react";
import { useEffect, useRef } from "react";
import {
  data,
  Form,
  Link,
  redirect,
  useActionData,
  useLoaderData,
  useNavigation,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaArgs,
} from "react-router";
import { z } from "zod";
import { db } from "#app/lib/db.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { getLocale } from "#app/lib/i18n/locale.server.ts";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { can } from "#app/modules/auth/permissions.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { formatMessageTime } from "#app/modules/messages/message-time.ts";
import { BODY_MAX, ReplySchema } from "#app/modules/messages/message-input.ts";
import { assignThreadToMe, openThreadForStaff, replyAsStaff } from "#app/modules/messages/site-messages.server.ts";
import { Badge } from "#app/ui/badge.tsx";
import { Button } from "#app/ui/button.tsx";
import { Card, CardHeader } from "#app/ui/card.tsx";
import { cn } from "#app/ui/cn.ts";
import { pageTitle } from "#app/ui/meta.ts";

// One member conversation in the back office: read (members:browse), reply and take it over
// (members:modify). The first reply to an unassigned thread makes the replier its handler.

const ParamsSchema = z.object({ threadId: z.coerce.number().int().positive().max(2_147_483_647) });
const FLASHES = ["replied", "replied-no-mail", "assigned"] as const;
type Flash = (typeof FLASHES)[number];

function threadIdFrom(params: unknown): number {
  const parsed = ParamsSchema.safeParse(params);
  if (!parsed.success) throw data(null, { status: 404 });
  return parsed.data.threadId;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireStaffActor(request, { module: "members", action: "browse" });
  const threadId = threadIdFrom(params);
  const result = await openThreadForStaff(db, actor, threadId);
  if (result.kind === "forbidden") throw data({ module: "members", action: "browse" }, { status: 403 });
  if (result.kind === "not-found") throw data(null, { status: 404 });
  const locale = await getLocale(request);
  const flash = new URL(request.url).searchParams.get("done");
  return {
    thread: {
      ...result.thread,
      messages: result.thread.messages.map((m) => ({ ...m, when: formatMessageTime(m.createdAt, locale) })),
      startedAt: formatMessageTime(result.thread.createdAt, locale),
    },
    canModify: can(actor, "members", "modify"),
    myId: actor.staffId,
    flash: (FLASHES as readonly string[]).includes(flash ?? "") ? (flash as Flash) : null,
  };
}

type ActionResult = { status: "field-error"; error: MessageKey; body: string } | { status: "closed"; body: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireStaffActor(request, { module: "members", action: "modify" });
  const threadId = threadIdFrom(params);
  const form = await request.formData();
  const intent = form.get("intent");
  const base = `/crm/messages/${threadId}`;

  if (intent === "assign-to-me") {
    const result = await assignThreadToMe(db, actor, threadId);
    if (result.kind === "not-found") throw data(null, { status: 404 });
    if (result.kind === "forbidden") throw data({ module: "members", action: "modify" }, { status: 403 });
    return redirect(`${base}?done=assigned`);
  }

  if (intent === "reply") {
    const body = typeof form.get("body") === "string" ? String(form.get("body")) : "";
    const parsed = ReplySchema.safeParse({ body });
    if (!parsed.success) {
      const error = (parsed.error.issues[0]?.message ?? "validation.required") as MessageKey;
      return data<ActionResult>({ status: "field-error", error, body }, { status: 400 });
    }
    const result = await replyAsStaff(db, actor, threadId, parsed.data);
    if (result.kind === "not-found") throw data(null, { status: 404 });
    if (result.kind === "forbidden") throw data({ module: "members", action: "modify" }, { status: 403 });
    if (result.kind === "closed") return data<ActionResult>({ status: "closed", body }, { status: 409 });
    return redirect(`${base}?done=${result.emailed ? "replied" : "replied-no-mail"}#latest`);
  }

  throw data({ error: "unknown intent" }, { status: 400 });
}

export const meta = ({ matches }: MetaArgs) => pageTitle(matches, "messages.crm.thread.title");

const FLASH_KEYS: Record<Flash, MessageKey> = {
  replied: "messages.crm.flash.replied",
  "replied-no-mail": "messages.crm.flash.repliedNoMail",
  assigned: "messages.crm.flash.assigned",
};

export default function StaffMessageThread() {
  const { thread, canModify, myId, flash } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const formRef = useRef<HTMLFormElement>(null);
  const memberName = thread.member.anonymised ? t("messages.member.anonymised") : (thread.member.nickname ?? "");
  const lastIndex = thread.messages.length - 1;

  useEffect(() => {
    if (navigation.state === "idle" && !result) formRef.current?.reset();
  }, [navigation.state, result]);

  return (
    <div className="space-y-6">
      <div>
        <Link
          to="/crm/messages"
          className="inline-flex items-center gap-1.5 text-sm font-medium text-slate-500 hover:text-slate-900"
        >
          <ArrowLeft aria-hidden className="size-4" />
          {t("messages.crm.backToInbox")}
        </Link>
        <h1 className="mt-3 text-2xl font-semibold tracking-tight break-words text-slate-900 sm:text-[28px] sm:leading-9">
          {thread.subject}
        </h1>
        <p className="mt-1.5 text-sm text-slate-500">
          {t("messages.crm.thread.startedBy", { name: memberName, when: thread.startedAt })}
        </p>
      </div>

      {flash && !result ? (
        <p
          role="status"
          className="flex items-center gap-2 rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900"
        >
          <CheckCircle2 aria-hidden className="size-4 shrink-0" />
          {t(FLASH_KEYS[flash])}
        </p>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card className="px-4 py-5 sm:px-6">
            <ol aria-label={t("messages.conversation")} className="space-y-5">
              {thread.messages.map((message, index) => (
                <li
                  key={message.id}
                  id={index === lastIndex ? "latest" : undefined}
                  className={cn("flex", message.fromStaff ? "justify-end" : "justify-start")}
                >
                  <div className={cn("max-w-[85%] sm:max-w-[75%]", message.fromStaff && "text-right")}>
                    <p className="mb-1 flex items-center gap-2 text-xs text-slate-500">
                      <span className={cn("font-medium text-slate-700", message.fromStaff && "ml-auto")}>
                        {message.fromStaff
                          ? message.staffName
                            ? t("messages.author.staffNamed", { name: message.staffName })
                            : t("messages.author.staff")
                          : memberName}
                      </span>
                      <time className="tabular-nums">{message.when}</time>
                    </p>
                    <div
                      className={cn(
                        "rounded-2xl px-4 py-2.5 text-left text-[15px] leading-7 break-words whitespace-pre-wrap",
                        message.fromStaff
                          ? "rounded-tr-sm bg-blue-600 text-white"
                          : "rounded-tl-sm bg-slate-100 text-slate-900",
                      )}
                    >
                      {message.body}
                    </div>
                  </div>
                </li>
              ))}
            </ol>
          </Card>

          {canModify && !thread.closed ? (
            <Card className="p-5 sm:p-6">
              {result?.status === "closed" ? (
                <p
                  role="alert"
                  className="mb-3 rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900"
                >
                  {t("messages.crm.closed")}
                </p>
              ) : null}
              <Form ref={formRef} method="post" className="space-y-3" noValidate>
                <input type="hidden" name="intent" value="reply" />
                <label htmlFor="reply-body" className="block text-sm font-medium text-slate-700">
                  {t("messages.crm.reply.label", { name: memberName })}
                </label>
                <textarea
                  id="reply-body"
                  name="body"
                  rows={5}
                  required
                  maxLength={BODY_MAX}
                  defaultValue={result?.body ?? ""}
                  placeholder={t("messages.reply.placeholder")}
                  aria-invalid={result?.status === "field-error" ? true : undefined}
                  aria-describedby={result?.status === "field-error" ? "reply-error reply-hint" : "reply-hint"}
                  className={cn(
                    "block w-full rounded-lg border bg-white px-3 py-2 text-[15px] text-slate-900 shadow-sm outline-none placeholder:text-slate-400 focus:ring-2",
                    result?.status === "field-error"
                      ? "border-red-400 focus:border-red-500 focus:ring-red-500/20"
                      : "border-slate-300 focus:border-blue-500 focus:ring-blue-500/20",
                  )}
                />
                {result?.status === "field-error" ? (
                  <p id="reply-error" className="text-sm text-red-700">
                    {t(result.error, { max: BODY_MAX })}
                  </p>
                ) : null}
                <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
                  <p id="reply-hint" className="text-xs text-slate-500">
                    {thread.member.notifyByEmail
                      ? t("messages.crm.reply.hintMail")
                      : t("messages.crm.reply.hintNoMail")}
                    {thread.assignee ? null : <span className="ml-1">{t("messages.crm.reply.hintAssign")}</span>}
                  </p>
                  <Button type="submit" disabled={busy} className="self-end sm:self-auto">
                    <Send aria-hidden className="size-4" />
                    {t("messages.crm.reply.submit")}
                  </Button>
                </div>
              </Form>
            </Card>
          ) : (
            <p className="rounded-lg border border-dashed border-slate-300 bg-white/60 px-4 py-3 text-sm text-slate-500">
              {thread.closed ? t("messages.crm.closed") : t("messages.crm.readOnly")}
            </p>
          )}
        </div>

        <div className="space-y-6">
          <Card>
            <CardHeader title={t("messages.crm.member.title")} icon={<UserRound className="size-4" aria-hidden />} />
            <dl className="space-y-3 px-5 py-4 text-sm">
              <div>
                <dt className="text-xs text-slate-500">{t("messages.crm.member.nickname")}</dt>
                <dd className="mt-0.5 font-medium text-slate-900">
                  {thread.member.anonymised ? (
                    <span className="text-slate-500 italic">{memberName}</span>
                  ) : (
                    <Link
                      to={`/crm/members/${thread.member.id}`}
                      className="inline-flex items-center gap-1 text-blue-700 hover:underline"
                    >
                      {memberName}
                      <ExternalLink aria-hidden className="size-3.5" />
                    </Link>
                  )}
                </dd>
              </div>
              {thread.member.email ? (
                <div>
                  <dt className="text-xs text-slate-500">{t("messages.crm.member.email")}</dt>
                  <dd className="mt-0.5 break-all text-slate-700">{thread.member.email}</dd>
                </div>
              ) : null}
              <div>
                <dt className="text-xs text-slate-500">{t("messages.crm.member.notifications")}</dt>
                <dd className="mt-0.5 inline-flex items-center gap-1.5 text-slate-700">
                  {thread.member.notifyByEmail ? (
                    <>
                      <MailCheck aria-hidden className="size-4 text-emerald-600" />
                      {t("messages.crm.member.notifyOn")}
                    </>
                  ) : (
                    <>
                      <BellOff aria-hidden className="size-4 text-slate-400" />
                      {t("messages.crm.member.notifyOff")}
                    </>
                  )}
                </dd>
              </div>
              {thread.member.anonymised ? (
                <p className="rounded-md bg-slate-50 px-3 py-2 text-xs text-slate-500">
                  {t("messages.crm.member.deregisteredHint")}
                </p>
              ) : (
                <Link
                  to={`/crm/members/${thread.member.id}`}
                  className="inline-flex items-center gap-1.5 text-sm font-medium text-blue-700 hover:underline"
                >
                  <IdCard aria-hidden className="size-4" />
                  {t("messages.crm.member.open")}
                </Link>
              )}
            </dl>
          </Card>

          <Card>
            <CardHeader title={t("messages.crm.assignee.title")} icon={<UserCheck className="size-4" aria-hidden />} />
            <div className="space-y-3 px-5 py-4 text-sm">
              <p className="text-slate-700">
                {thread.assignee ? (
                  thread.assignee.id === myId ? (
                    <Badge tone="blue">{t("messages.crm.assignee.me")}</Badge>
                  ) : (
                    <span className="font-medium">{thread.assignee.name}</span>
                  )
                ) : (
                  <Badge tone="slate">{t("messages.crm.assignee.none")}</Badge>
                )}
              </p>
              {canModify && thread.assignee?.id !== myId ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="assign-to-me" />
                  <Button type="submit" variant="secondary" size="sm" disabled={busy}>
                    <UserCheck aria-hidden className="size-4" />
                    {t("messages.crm.assignToMe")}
                  </Button>
                </Form>
              ) : null}
              <p className="text-xs leading-5 text-slate-500">{t("messages.crm.assignee.hint")}</p>
            </div>
          </Card>
        </div>
      </div>
    </div>
  );
}
