import { ArrowLeft, KeyRound, MailCheck } from "lucide-react";
import { data, Form, Link, useActionData, type ActionFunctionArgs, type MetaArgs } from "react-router";
import { z } from "zod";
import { db } from "#app/lib/db.server.ts";
import { clientIp, userAgent } from "#app/lib/http.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { getTranslator } from "#app/lib/i18n/locale.server.ts";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { requestPasswordReset } from "#app/modules/members/member-password-reset.server.ts";
import { MemberEmailLookupSchema, parseForm } from "#app/modules/members/member-registration.server.ts";
import { ButtonLink } from "#app/ui/button.tsx";
import { pageTitle } from "#app/ui/meta.ts";
import { AuthPage, FormCard, Notice, ResultCard, SubmitButton, TextField } from "#portal/components/member-auth-ui.tsx";

export const meta = ({ matches }: MetaArgs) => pageTitle(matches, "members.forgot.title");

const ForgotSchema = z.object({ email: MemberEmailLookupSchema });

type ActionResult =
  | { status: "field-errors"; fieldErrors: { email?: MessageKey }; email: string }
  | { status: "rate-limited"; retryAfterMinutes: number; email: string }
  | { status: "sent"; email: string };

export async function action({ request, context }: ActionFunctionArgs) {
  const form = Object.fromEntries(await request.formData());
  const email = typeof form.email === "string" ? form.email.slice(0, 191) : "";
  const parsed = parseForm(ForgotSchema, form, ["email"] as const);
  if (!parsed.ok)
    return data<ActionResult>({ status: "field-errors", fieldErrors: parsed.fieldErrors, email }, { status: 400 });
  const { locale } = await getTranslator(request);
  const result = await requestPasswordReset(db, parsed.data.email, {
    ipAddress: clientIp(context),
    userAgent: userAgent(request),
    locale,
  });
  if (result.kind === "rate-limited") {
    return data<ActionResult>(
      { status: "rate-limited", retryAfterMinutes: Math.ceil(result.retryAfterSeconds / 60), email },
      { status: 429, headers: { "Retry-After": String(result.retryAfterSeconds) } },
    );
  }
  // Known or unknown, active or not: the same answer, so the page tells nobody who is a member.
  return data<ActionResult>({ status: "sent", email: parsed.data.email });
}

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
