import { ArrowLeft, KeyRound, MailCheck } from "lucide-react";
import { Form, Link, useActionData, type ActionFunctionArgs, type MetaArgs } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { requestPasswordReset } from "#app/modules/members/member-password-reset.server.ts";
import { ButtonLink } from "#app/ui/button.tsx";
import { pageTitle } from "#app/ui/meta.ts";
import { AuthPage, FormCard, Notice, ResultCard, SubmitButton, TextField } from "#portal/components/member-auth-ui.tsx";
import { handleEmailRequest } from "#portal/components/email-request-action.server.ts";

export const meta = ({ matches }: MetaArgs) => pageTitle(matches, "members.forgot.title");

export const action = (args: ActionFunctionArgs) => handleEmailRequest(args, requestPasswordReset);

export default function ForgotPasswordPage() {
  const { t } = useI18n();
  const result = useActionData<typeof action>();

  if (result?.status === "sent") {
    return (
      <ResultCard
        icon={MailCheck}
        tone="success"
        title={t("members.forgot.sentTitle")}
        actions={
          <ButtonLink to="/login" size="lg" variant="secondary">
            {t("members.forgot.back")}
          </ButtonLink>
        }
      >
        <p>{t("members.forgot.sentBody", { email: result.email })}</p>
        <p className="text-sm text-slate-500">{t("members.forgot.sentHint")}</p>
      </ResultCard>
    );
  }

  const fieldError = result?.status === "field-errors" ? result.fieldErrors.email : undefined;
  return (
    <AuthPage
      icon={KeyRound}
      eyebrow={t("members.forgot.eyebrow")}
      title={t("members.forgot.title")}
      lead={t("members.forgot.lead")}
    >
      {result?.status === "rate-limited" ? (
        <Notice tone="warning" className="mb-5">
          {t("members.forgot.rateLimited", { minutes: result.retryAfterMinutes })}
        </Notice>
      ) : null}
      <FormCard>
        <Form method="post" noValidate className="space-y-5">
          <TextField
            id="email"
            type="email"
            label={t("members.form.email")}
            autoComplete="email"
            inputMode="email"
            required
            maxLength={191}
            defaultValue={result?.email ?? ""}
            error={fieldError ? t(fieldError) : undefined}
          />
          <SubmitButton label={t("members.forgot.submit")} pendingLabel={t("members.forgot.submitting")} />
        </Form>
      </FormCard>
      <Link
        to="/login"
        className="mt-6 inline-flex items-center gap-1.5 text-sm font-medium text-slate-600 hover:text-blue-700"
      >
        <ArrowLeft aria-hidden className="size-4" />
        {t("members.forgot.back")}
      </Link>
    </AuthPage>
  );
}
