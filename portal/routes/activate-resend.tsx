import { ArrowLeft, MailCheck, MailPlus } from "lucide-react";
import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaArgs,
} from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { resendActivation } from "#app/modules/members/member-registration.server.ts";
import { ButtonLink } from "#app/ui/button.tsx";
import { pageTitle } from "#app/ui/meta.ts";
import { AuthPage, FormCard, Notice, ResultCard, SubmitButton, TextField } from "#portal/components/member-auth-ui.tsx";
import { handleEmailRequest } from "#portal/components/email-request-action.server.ts";

export const meta = ({ matches }: MetaArgs) => pageTitle(matches, "members.resend.title");

export function loader({ request }: LoaderFunctionArgs) {
  // Prefilled from the registration and sign-in pages; only a suggestion, never trusted.
  const email = (new URL(request.url).searchParams.get("email") ?? "").slice(0, 191);
  return { email };
}

export const action = (args: ActionFunctionArgs) => handleEmailRequest(args, resendActivation);

export default function ResendActivationPage() {
  const { t } = useI18n();
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();

  if (result?.status === "sent") {
    return (
      <ResultCard
        icon={MailCheck}
        tone="success"
        title={t("members.resend.sentTitle")}
        actions={
          <ButtonLink to="/login" size="lg">
            {t("members.resend.goSignIn")}
          </ButtonLink>
        }
      >
        <p>{t("members.resend.sentBody", { email: result.email })}</p>
        <p className="text-sm text-slate-500">{t("members.resend.sentHint")}</p>
      </ResultCard>
    );
  }

  const fieldError = result?.status === "field-errors" ? result.fieldErrors.email : undefined;
  return (
    <AuthPage
      icon={MailPlus}
      eyebrow={t("members.resend.eyebrow")}
      title={t("members.resend.title")}
      lead={t("members.resend.lead")}
    >
      {result?.status === "rate-limited" ? (
        <Notice tone="warning" className="mb-5">
          {t("members.resend.rateLimited", { minutes: result.retryAfterMinutes })}
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
            defaultValue={result?.email ?? loaded.email}
            error={fieldError ? t(fieldError) : undefined}
            hint={t("members.resend.hint")}
          />
          <SubmitButton label={t("members.resend.submit")} pendingLabel={t("members.resend.submitting")} />
        </Form>
      </FormCard>
      <Link
        to="/login"
        className="mt-6 inline-flex items-center gap-1.5 text-sm font-medium text-slate-600 hover:text-blue-700"
      >
        <ArrowLeft aria-hidden className="size-4" />
        {t("members.resend.back")}
      </Link>
    </AuthPage>
  );
}
