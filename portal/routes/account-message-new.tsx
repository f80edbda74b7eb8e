import { ArrowLeft, Send } from "lucide-react";
import {
  data,
  Form,
  Link,
  redirect,
  useActionData,
  useNavigation,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaArgs,
} from "react-router";
import { db } from "#app/lib/db.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { requireMember } from "#app/modules/members/member-guard.server.ts";
import { BODY_MAX, NewThreadSchema, SUBJECT_MAX } from "#app/modules/messages/message-input.ts";
import { startThread } from "#app/modules/messages/site-messages.server.ts";
import { Button } from "#app/ui/button.tsx";
import { Card } from "#app/ui/card.tsx";
import { cn } from "#app/ui/cn.ts";
import { pageTitle } from "#app/ui/meta.ts";

// 写新消息: a member opens a conversation with customer service.

type Field = "subject" | "body";
type ActionResult =
  | { status: "field-errors"; fieldErrors: Partial<Record<Field, MessageKey>>; values: Record<Field, string> }
  | { status: "rate-limited"; retryAfterMinutes: number; values: Record<Field, string> };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireMember(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const principal = await requireMember(request);
  const form = await request.formData();
  const values = {
    subject: typeof form.get("subject") === "string" ? String(form.get("subject")) : "",
    body: typeof form.get("body") === "string" ? String(form.get("body")) : "",
  };
  const parsed = NewThreadSchema.safeParse(values);
  if (!parsed.success) {
    const fieldErrors: Partial<Record<Field, MessageKey>> = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if ((field === "subject" || field === "body") && !fieldErrors[field])
        fieldErrors[field] = issue.message as MessageKey;
    }
    return data<ActionResult>({ status: "field-errors", fieldErrors, values }, { status: 400 });
  }
  const result = await startThread(db, principal.member.id, parsed.data);
  if (result.kind === "rate-limited") {
    return data<ActionResult>(
      { status: "rate-limited", retryAfterMinutes: Math.ceil(result.retryAfterSeconds / 60), values },
      { status: 429, headers: { "Retry-After": String(result.retryAfterSeconds) } },
    );
  }
  return redirect(`/account/messages/${result.threadId}?sent=1`);
}

export const meta = ({ matches }: MetaArgs) => pageTitle(matches, "messages.portal.new.title");

export default function NewMessage() {
  const { t } = useI18n();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const sending = navigation.state === "submitting";
  const fieldErrors = result?.status === "field-errors" ? result.fieldErrors : {};

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
        <h1 className="mt-3 text-2xl font-semibold tracking-tight text-slate-900">{t("messages.portal.new.title")}</h1>
        <p className="mt-1.5 max-w-2xl text-[15px] leading-6 text-slate-500">{t("messages.portal.new.description")}</p>
      </div>

      {result?.status === "rate-limited" ? (
        <p role="alert" className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          {t("messages.rateLimited", { minutes: result.retryAfterMinutes })}
        </p>
      ) : null}

      <Card className="p-5 sm:p-6">
        <Form method="post" className="space-y-5" noValidate>
          <div className="space-y-1.5">
            <label htmlFor="subject" className="block text-sm font-medium text-slate-700">
              {t("messages.field.subject")}
            </label>
            <input
              id="subject"
              name="subject"
              type="text"
              required
              maxLength={SUBJECT_MAX}
              defaultValue={result?.values.subject ?? ""}
              placeholder={t("messages.field.subjectPlaceholder")}
              aria-invalid={fieldErrors.subject ? true : undefined}
              aria-describedby={fieldErrors.subject ? "subject-error" : undefined}
              className={inputClass(Boolean(fieldErrors.subject))}
            />
            {fieldErrors.subject ? (
              <p id="subject-error" className="text-sm text-red-700">
                {t(fieldErrors.subject, { max: SUBJECT_MAX })}
              </p>
            ) : null}
          </div>
          <div className="space-y-1.5">
            <label htmlFor="body" className="block text-sm font-medium text-slate-700">
              {t("messages.field.body")}
            </label>
            <textarea
              id="body"
              name="body"
              required
              rows={8}
              maxLength={BODY_MAX}
              defaultValue={result?.values.body ?? ""}
              placeholder={t("messages.field.bodyPlaceholder")}
              aria-invalid={fieldErrors.body ? true : undefined}
              aria-describedby={fieldErrors.body ? "body-error body-hint" : "body-hint"}
              className={inputClass(Boolean(fieldErrors.body))}
            />
            {fieldErrors.body ? (
              <p id="body-error" className="text-sm text-red-700">
                {t(fieldErrors.body, { max: BODY_MAX })}
              </p>
            ) : null}
            <p id="body-hint" className="text-xs text-slate-500">
              {t("messages.field.bodyHint", { max: BODY_MAX })}
            </p>
          </div>
          <div className="flex flex-col-reverse gap-3 border-t border-slate-100 pt-5 sm:flex-row sm:items-center sm:justify-between">
            <p className="text-xs text-slate-500">{t("messages.portal.new.privacy")}</p>
            <Button type="submit" disabled={sending}>
              <Send aria-hidden className="size-4" />
              {sending ? t("messages.sending") : t("messages.portal.new.submit")}
            </Button>
          </div>
        </Form>
      </Card>
    </div>
  );
}

function inputClass(invalid: boolean): string {
  return cn(
    "block w-full rounded-lg border bg-white px-3 py-2 text-[15px] text-slate-900 shadow-sm outline-none placeholder:text-slate-400 focus:ring-2",
    invalid
      ? "border-red-400 focus:border-red-500 focus:ring-red-500/20"
      : "border-slate-300 focus:border-blue-500 focus:ring-blue-500/20",
  );
}
