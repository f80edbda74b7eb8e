import { Send } from "lucide-react";
import { Form, useActionData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { respond } from "#app/lib/service-result.ts";
import { requireMember } from "#app/modules/members/member-guard.server.ts";
import { startThreadForm } from "#app/modules/messages/message-actions.server.ts";
import { BODY_MAX, SUBJECT_MAX } from "#app/modules/messages/message-input.ts";
import { Card } from "#app/ui/card.tsx";
import { FailureNotice, fieldErrors, SubmitButton, TextareaField, TextField } from "#app/ui/form/index.ts";
import { titleMeta } from "#app/ui/meta.ts";
import { BackLink } from "#app/ui/records/back-link.tsx";

// 写新消息: a member opens a conversation with customer service.

export async function loader({ request }: LoaderFunctionArgs) {
  await requireMember(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const principal = await requireMember(request);
  const result = await startThreadForm(db, principal.member.id, await request.formData());
  return respond(result, {
    successTo: ({ threadId }) => `/account/messages/${threadId}`,
    flash: "flash.messages.sent",
  });
}

export const meta = titleMeta("messages.portal.new.title");

export default function NewMessage() {
  const { t } = useI18n();
  const result = useActionData<typeof action>();
  const errors = fieldErrors(result);
  return (
    <div className="space-y-6">
      <div>
        <BackLink to="/account/messages">{t("messages.portal.backToList")}</BackLink>
        <h1 className="mt-3 text-2xl font-semibold tracking-tight text-slate-900">{t("messages.portal.new.title")}</h1>
        <p className="mt-1.5 max-w-2xl text-[15px] leading-6 text-slate-500">{t("messages.portal.new.description")}</p>
      </div>

      <FailureNotice result={result?.status === "invalid" ? null : result} />

      <Card className="p-5 sm:p-6">
        <Form method="post" className="space-y-5" noValidate>
          <TextField
            name="subject"
            label={t("common.subject")}
            required
            maxLength={SUBJECT_MAX}
            placeholder={t("messages.field.subjectPlaceholder")}
            errors={errors.subject}
          />
          <TextareaField
            name="body"
            label={t("messages.field.body")}
            required
            rows={8}
            maxLength={BODY_MAX}
            placeholder={t("messages.field.bodyPlaceholder")}
            hint={t("messages.field.bodyHint", { max: BODY_MAX })}
            errors={errors.body}
          />
          <div className="flex flex-col-reverse gap-3 border-t border-slate-100 pt-5 sm:flex-row sm:items-center sm:justify-between">
            <p className="text-xs text-slate-500">{t("messages.portal.new.privacy")}</p>
            <SubmitButton pendingLabel={t("messages.sending")} icon={Send}>
              {t("messages.portal.new.submit")}
            </SubmitButton>
          </div>
        </Form>
      </Card>
    </div>
  );
}
