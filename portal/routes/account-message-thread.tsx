import { ArrowLeft, CheckCircle2, Headset, Send } from "lucide-react";
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
import { useEffect, useRef } from "react";
import { z } from "zod";
import { db } from "#app/lib/db.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { getLocale } from "#app/lib/i18n/locale.server.ts";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { requireMember } from "#app/modules/members/member-guard.server.ts";
import { formatMessageTime } from "#app/modules/messages/message-time.ts";
import { BODY_MAX, ReplySchema } from "#app/modules/messages/message-input.ts";
import { openThreadForMember, replyAsMember } from "#app/modules/messages/site-messages.server.ts";
import { Button } from "#app/ui/button.tsx";
import { Card } from "#app/ui/card.tsx";
import { cn } from "#app/ui/cn.ts";
import { pageTitle } from "#app/ui/meta.ts";

// One conversation with customer service. Opening it marks the staff replies as read.

const ParamsSchema = z.object({ threadId: z.coerce.number().int().positive().max(2_147_483_647) });

function threadIdFrom(params: unknown): number {
  const parsed = ParamsSchema.safeParse(params);
  // Same answer for a malformed id, a missing thread and someone else's thread.
  if (!parsed.success) throw data(null, { status: 404 });
  return parsed.data.threadId;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const principal = await requireMember(request);
  const threadId = threadIdFrom(params);
  const thread = await openThreadForMember(db, principal.member.id, threadId);
  if (!thread) throw data(null, { status: 404 });
  const locale = await getLocale(request);
  return {
    thread: {
      ...thread,
      messages: thread.messages.map((m) => ({ ...m, when: formatMessageTime(m.createdAt, locale) })),
    },
    sent: new URL(request.url).searchParams.get("sent") === "1",
  };
}

type ActionResult =
  | { status: "field-error"; error: MessageKey; body: string }
  | { status: "rate-limited"; retryAfterMinutes: number; body: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const principal = await requireMember(request);
  const threadId = threadIdFrom(params);
  const form = await request.formData();
  if (form.get("intent") !== "reply") throw data(null, { status: 400 });
  const body = typeof form.get("body") === "string" ? String(form.get("body")) : "";
  const parsed = ReplySchema.safeParse({ body });
  if (!parsed.success) {
    const error = (parsed.error.issues[0]?.message ?? "validation.required") as MessageKey;
    return data<ActionResult>({ status: "field-error", error, body }, { status: 400 });
  }
  const result = await replyAsMember(db, principal.member.id, threadId, parsed.data);
  if (result.kind === "not-found") throw data(null, { status: 404 });
  if (result.kind === "rate-limited") {
    return data<ActionResult>(
      { status: "rate-limited", retryAfterMinutes: Math.ceil(result.retryAfterSeconds / 60), body },
      { status: 429, headers: { "Retry-After": String(result.retryAfterSeconds) } },
    );
  }
  return redirect(`/account/messages/${threadId}?sent=1#latest`);
}

export const meta = ({ matches }: MetaArgs) => pageTitle(matches, "messages.portal.thread.title");

export default function MessageThreadPage() {
  const { thread, sent } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const navigation = useNavigation();
  const sending = navigation.state === "submitting";
  const formRef = useRef<HTMLFormElement>(null);

  // After a successful reply the page reloads with the new message; clear the box for the next one.
  useEffect(() => {
    if (navigation.state === "idle" && !result) formRef.current?.reset();
  }, [navigation.state, result]);

  const lastIndex = thread.messages.length - 1;

  return (
    <div className="space-y-6">
      <div>
        <Link
          to="/account/messages"
          className="inline-flex items-center gap-1.5 text-sm font-medium text-slate-500 hover:text-slate-900"
        >
          <ArrowLeft aria-hidden className="size-4" />
          {t("messages.portal.backToList")}
        </Link>
        <h1 className="mt-3 text-2xl font-semibold tracking-tight break-words text-slate-900">{thread.subject}</h1>
        <p className="mt-1.5 inline-flex items-center gap-1.5 text-sm text-slate-500">
          <Headset aria-hidden className="size-4 text-slate-400" />
          {thread.assigneeName
            ? t("messages.portal.handledBy", { name: thread.assigneeName })
            : t("messages.portal.notYetHandled")}
        </p>
      </div>

      {sent && !result ? (
        <p
          role="status"
          className="flex items-center gap-2 rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900"
        >
          <CheckCircle2 aria-hidden className="size-4 shrink-0" />
          {t("messages.portal.sent")}
        </p>
      ) : null}

      <Card className="px-4 py-5 sm:px-6">
        <ol aria-label={t("messages.conversation")} className="space-y-5">
          {thread.messages.map((message, index) => (
            <li
              key={message.id}
              id={index === lastIndex ? "latest" : undefined}
              className={cn("flex", message.fromStaff ? "justify-start" : "justify-end")}
            >
              <div className={cn("max-w-[85%] sm:max-w-[75%]", message.fromStaff ? "" : "text-right")}>
                <p className="mb-1 flex items-center gap-2 text-xs text-slate-500">
                  {message.fromStaff ? (
                    <span className="inline-flex items-center gap-1 font-medium text-slate-700">
                      <Headset aria-hidden className="size-3.5 text-blue-600" />
                      {message.staffName
                        ? t("messages.author.staffNamed", { name: message.staffName })
                        : t("messages.author.staff")}
                    </span>
                  ) : (
                    <span className="ml-auto font-medium text-slate-700">{t("messages.author.me")}</span>
                  )}
                  <time className="tabular-nums">{message.when}</time>
                </p>
                <div
                  className={cn(
                    "rounded-2xl px-4 py-2.5 text-left text-[15px] leading-7 break-words whitespace-pre-wrap",
                    message.fromStaff
                      ? "rounded-tl-sm bg-slate-100 text-slate-900"
                      : "rounded-tr-sm bg-blue-600 text-white",
                  )}
                >
                  {message.body}
                </div>
              </div>
            </li>
          ))}
        </ol>
      </Card>

      {result?.status === "rate-limited" ? (
        <p role="alert" className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          {t("messages.rateLimited", { minutes: result.retryAfterMinutes })}
        </p>
      ) : null}

      <Card className="p-5 sm:p-6">
        <Form ref={formRef} method="post" className="space-y-3" noValidate>
          <input type="hidden" name="intent" value="reply" />
          <label htmlFor="reply-body" className="block text-sm font-medium text-slate-700">
            {t("messages.reply.label")}
          </label>
          <textarea
            id="reply-body"
            name="body"
            rows={4}
            required
            maxLength={BODY_MAX}
            defaultValue={result?.body ?? ""}
            placeholder={t("messages.reply.placeholder")}
            aria-invalid={result?.status === "field-error" ? true : undefined}
            aria-describedby={result?.status === "field-error" ? "reply-error" : undefined}
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
          <div className="flex justify-end">
            <Button type="submit" disabled={sending}>
              <Send aria-hidden className="size-4" />
              {sending ? t("messages.sending") : t("messages.reply.submit")}
            </Button>
          </div>
        </Form>
      </Card>
    </div>
  );
}
