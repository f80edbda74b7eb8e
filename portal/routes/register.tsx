import { ArrowRight, Building2, KeyRound, MailCheck, MessagesSquare, UserPlus, type LucideIcon } from "lucide-react";
import { useState } from "react";
import { Form, Link, useActionData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { formValues, parseForm } from "#app/lib/forms.server.ts";
import { clientIp, userAgent } from "#app/lib/http.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { getTranslator } from "#app/lib/i18n/locale.server.ts";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { fail, invalid, isFailure, rateLimited, type Failure } from "#app/lib/service-result.ts";
import { requireAnonymousMember } from "#app/modules/members/member-guard.server.ts";
import { freeMailDomain } from "#app/modules/members/free-mail.ts";
import { registerMember, RegistrationFormSchema } from "#app/modules/members/member-registration.server.ts";
import { ButtonLink } from "#app/ui/button.tsx";
import { Card } from "#app/ui/card.tsx";
import { CheckboxField } from "#app/ui/form/checkbox-field.tsx";
import { FailureNotice, fieldErrors, FormNotice, submittedValues } from "#app/ui/form/index.ts";
import { titleMeta } from "#app/ui/meta.ts";
import { IconChip } from "#portal/components/icon-chip.tsx";
import {
  AuthFormActions,
  AuthPage,
  FormCard,
  HoneypotField,
  MemberEmailField,
  NewPasswordFields,
  ResultCard,
} from "#portal/components/member-auth-ui.tsx";
import { ProfileTextField } from "#portal/components/profile-text-field.tsx";

export const meta = titleMeta("members.register.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymousMember(request);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymousMember(request);
  const form = await request.formData();
  const parsed = await parseForm(form, RegistrationFormSchema);
  if (parsed.status !== "ok") return fail(parsed);
  const { locale } = await getTranslator(request);
  const result = await registerMember(db, parsed.value, {
    ipAddress: clientIp(context),
    userAgent: userAgent(request),
    locale,
  });
  if (result.kind === "rate-limited") {
    return fail(rateLimited(result.retryAfterSeconds, "members.register.rateLimited"));
  }
  if (result.kind === "nickname-taken") {
    return fail(invalid({ nickname: ["members.register.nicknameTaken"] }, [], formValues(form)));
  }
  // New address, taken address and bot get this very answer (the mail differs, not the page).
  const { email } = parsed.value;
  return { status: "accepted" as const, email, freeMailDomain: freeMailDomain(email) };
}

export default function RegisterPage() {
  const result = useActionData<typeof action>();
  if (result?.status === "accepted") return <CheckInbox email={result.email} freeMail={result.freeMailDomain} />;
  return <RegisterForm result={isFailure(result) ? result : undefined} />;
}

function RegisterForm({ result }: { result: Failure | undefined }) {
  const { t } = useI18n();
  const errors = fieldErrors(result);
  const values = submittedValues(result) ?? {};
  const [email, setEmail] = useState(values.email ?? "");
  const freeDomain = freeMailDomain(email);
  // The sticky fields: what was typed comes back after a refused submit (also without JS).
  const field = <N extends string>(name: N) => ({ name, defaultValue: values[name], errors: errors[name] });

  return (
    <AuthPage icon={UserPlus} area="register" aside={<RegisterAside />}>
      <FailureNotice result={result} className="mb-5" />
      <FormCard>
        <Form method="post" noValidate className="relative space-y-8">
          <HoneypotField />
          <fieldset className="space-y-5">
            <legend className="mb-4 text-sm font-semibold text-slate-900">
              {t("members.register.accountSection")}
            </legend>
            <MemberEmailField
              {...field("email")}
              autoComplete="email"
              onChange={(event) => setEmail(event.currentTarget.value)}
              hint={
                <div className="space-y-2">
                  <p>{t("members.register.emailHint")}</p>
                  {freeDomain ? (
                    <p className="rounded-md bg-amber-50 px-2.5 py-1.5 text-amber-900 ring-1 ring-amber-200">
                      {t("members.register.freeMailWarning", { domain: freeDomain })}
                    </p>
                  ) : null}
                </div>
              }
            />
            <ProfileTextField
              {...field("nickname")}
              label={t("members.form.nickname")}
              required
              hint={t("members.register.nicknameHint")}
            />
            <div className="grid gap-5 sm:grid-cols-2">
              <NewPasswordFields label={t("members.form.password")} errors={errors} />
            </div>
          </fieldset>

          <fieldset className="space-y-5 border-t border-slate-100 pt-6">
            <legend className="sr-only">{t("members.register.profileSection")}</legend>
            <div aria-hidden>
              <p className="text-sm font-semibold text-slate-900">{t("members.register.profileSection")}</p>
              <p className="mt-1 text-[13px] leading-5 text-slate-500">{t("members.register.profileHint")}</p>
            </div>
            <div className="grid gap-5 sm:grid-cols-2">
              <ProfileTextField {...field("realName")} label={t("members.form.realName")} optional />
              <ProfileTextField {...field("phone")} label={t("members.form.phone")} optional />
            </div>
            <ProfileTextField {...field("companyName")} label={t("members.form.companyName")} optional />
            <div className="grid gap-5 sm:grid-cols-2">
              <ProfileTextField {...field("province")} label={t("members.form.province")} optional />
              <ProfileTextField {...field("city")} label={t("members.form.city")} optional />
            </div>
          </fieldset>

          <div className="space-y-4">
            <CheckboxField
              name="consent"
              errors={errors.consent}
              label={
                <>
                  {t("members.register.consentBefore")}
                  <Link to="/policies/privacy" target="_blank" className="text-blue-700 underline underline-offset-2">
                    {t("members.policy.privacyTitle")}
                  </Link>
                  {t("members.register.consentAnd")}
                  <Link to="/policies/terms" target="_blank" className="text-blue-700 underline underline-offset-2">
                    {t("members.policy.termsTitle")}
                  </Link>
                  {t("members.register.consentAfter")}
                </>
              }
            />
            <AuthFormActions area="register" />
          </div>
        </Form>
      </FormCard>
    </AuthPage>
  );
}

const STEPS = ["members.register.step1", "members.register.step2", "members.register.step3"] as const;
const NO_MAIL_HINTS = ["members.register.noMail1", "members.register.noMail2", "members.register.noMail3"] as const;

function RegisterAside() {
  const { t } = useI18n();
  const points: ReadonlyArray<{ icon: LucideIcon; title: MessageKey; body: MessageKey }> = [
    { icon: MessagesSquare, title: "members.register.why1Title", body: "members.register.why1Body" },
    { icon: KeyRound, title: "members.register.why2Title", body: "members.register.why2Body" },
    { icon: Building2, title: "members.register.why3Title", body: "members.register.why3Body" },
  ];
  return (
    <>
      <Card className="p-6">
        <h2 className="text-sm font-semibold text-slate-900">{t("members.register.whyTitle")}</h2>
        <ul className="mt-4 space-y-4">
          {points.map((point) => (
            <li key={point.title} className="flex gap-3">
              <IconChip
                icon={point.icon}
                className="size-9 rounded-lg bg-blue-50 text-blue-600 ring-1 ring-blue-100"
                iconClassName="size-[18px]"
              />
              <div>
                <p className="text-sm font-medium text-slate-900">{t(point.title)}</p>
                <p className="mt-0.5 text-[13px] leading-5 text-slate-500">{t(point.body)}</p>
              </div>
            </li>
          ))}
        </ul>
      </Card>
      <Card className="p-6">
        <div className="flex items-start gap-3">
          <IconChip
            icon={MailCheck}
            className="size-9 rounded-lg bg-emerald-50 text-emerald-600 ring-1 ring-emerald-100"
            iconClassName="size-[18px]"
          />
          <div>
            <h2 className="text-sm font-semibold text-slate-900">{t("members.register.stepsTitle")}</h2>
            <ol className="mt-2 list-decimal space-y-1 pl-4 text-[13px] leading-5 text-slate-600">
              {STEPS.map((step) => (
                <li key={step}>{t(step)}</li>
              ))}
            </ol>
          </div>
        </div>
      </Card>
    </>
  );
}

function CheckInbox({ email, freeMail }: { email: string; freeMail: string | null }) {
  const { t } = useI18n();
  return (
    <ResultCard
      icon={MailCheck}
      tone="success"
      title={t("members.register.sentTitle")}
      actions={
        <>
          <ButtonLink to={`/activate/resend?email=${encodeURIComponent(email)}`} variant="secondary">
            {t("members.register.resend")}
          </ButtonLink>
          <ButtonLink to="/login">
            {t("members.register.goSignIn")}
            <ArrowRight aria-hidden className="size-4" />
          </ButtonLink>
        </>
      }
    >
      <p>{t("members.register.sentBody", { email })}</p>
      {freeMail ? (
        <FormNotice tone="warning" className="text-left">
          {t("members.register.sentFreeMail", { domain: freeMail })}
        </FormNotice>
      ) : null}
      <div className="rounded-lg bg-slate-50 px-4 py-3 text-left text-sm leading-6 text-slate-600 ring-1 ring-slate-100">
        <p className="font-medium text-slate-800">{t("members.register.noMailTitle")}</p>
        <ul className="mt-1 list-disc space-y-0.5 pl-5">
          {NO_MAIL_HINTS.map((hint) => (
            <li key={hint}>{t(hint)}</li>
          ))}
        </ul>
      </div>
    </ResultCard>
  );
}
