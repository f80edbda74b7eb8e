import { ArrowRight, Building2, KeyRound, MailCheck, MessagesSquare, UserPlus, type LucideIcon } from "lucide-react";
import { useState } from "react";
import {
  data,
  Form,
  Link,
  useActionData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaArgs,
} from "react-router";
import { db } from "#app/lib/db.server.ts";
import { clientIp, userAgent } from "#app/lib/http.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { getTranslator } from "#app/lib/i18n/locale.server.ts";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { requireAnonymousMember } from "#app/modules/members/member-guard.server.ts";
import {
  parseRegistration,
  registerMember,
  type RegistrationField,
} from "#app/modules/members/member-registration.server.ts";
import { ButtonLink } from "#app/ui/button.tsx";
import { Card } from "#app/ui/card.tsx";
import { pageTitle } from "#app/ui/meta.ts";
import {
  AuthPage,
  FormCard,
  HoneypotField,
  Notice,
  ResultCard,
  SubmitButton,
  TextField,
} from "#portal/components/member-auth-ui.tsx";

export const meta = ({ matches }: MetaArgs) => pageTitle(matches, "members.register.title");

// Free mailboxes that often bounce, delay or spam-folder automated mail in China. A soft warning
// only (seed 000 L202: "otherwise you won't receive the mail"): members may still use them.
const FREE_MAIL_DOMAINS = new Set([
  "qq.com",
  "vip.qq.com",
  "foxmail.com",
  "163.com",
  "126.com",
  "yeah.net",
  "vip.163.com",
  "vip.126.com",
  "188.com",
  "sina.com",
  "sina.cn",
  "vip.sina.com",
  "sohu.com",
  "139.com",
  "189.cn",
  "wo.cn",
  "aliyun.com",
  "tom.com",
  "21cn.com",
  "hotmail.com",
  "outlook.com",
  "live.com",
  "gmail.com",
  "yahoo.com",
]);

function freeMailDomain(email: string): string | null {
  const domain = email.trim().toLowerCase().split("@")[1];
  return domain && FREE_MAIL_DOMAINS.has(domain) ? domain : null;
}

const STICKY_FIELDS = ["email", "nickname", "realName", "phone", "companyName", "province", "city"] as const;
type StickyValues = Partial<Record<(typeof STICKY_FIELDS)[number], string>>;

type ActionResult =
  | { status: "field-errors"; fieldErrors: Partial<Record<RegistrationField, MessageKey>>; values: StickyValues }
  | { status: "rate-limited"; retryAfterMinutes: number; values: StickyValues }
  | { status: "accepted"; email: string; freeMailDomain: string | null };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymousMember(request);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymousMember(request);
  const form = Object.fromEntries(await request.formData());
  const values: StickyValues = {};
  for (const field of STICKY_FIELDS) {
    const value = form[field];
    if (typeof value === "string") values[field] = value.slice(0, 300);
  }
  const parsed = parseRegistration(form);
  if (!parsed.ok) {
    return data<ActionResult>({ status: "field-errors", fieldErrors: parsed.fieldErrors, values }, { status: 400 });
  }
  const { locale } = await getTranslator(request);
  const result = await registerMember(db, parsed.data, {
    ipAddress: clientIp(context),
    userAgent: userAgent(request),
    locale,
  });
  if (result.kind === "rate-limited") {
    return data<ActionResult>(
      { status: "rate-limited", retryAfterMinutes: Math.ceil(result.retryAfterSeconds / 60), values },
      { status: 429, headers: { "Retry-After": String(result.retryAfterSeconds) } },
    );
  }
  if (result.kind === "nickname-taken") {
    return data<ActionResult>(
      { status: "field-errors", fieldErrors: { nickname: "members.register.nicknameTaken" }, values },
      { status: 400 },
    );
  }
  // New address, taken address and bot get this very answer (the mail differs, not the page).
  return data<ActionResult>({
    status: "accepted",
    email: parsed.data.email,
    freeMailDomain: freeMailDomain(parsed.data.email),
  });
}

export default function RegisterPage() {
  const result = useActionData<typeof action>();
  if (result?.status === "accepted") return <CheckInbox email={result.email} freeMail={result.freeMailDomain} />;
  return <RegisterForm result={result} />;
}

function RegisterForm({ result }: { result: Exclude<ActionResult, { status: "accepted" }> | undefined }) {
  const { t } = useI18n();
  const fieldErrors = result?.status === "field-errors" ? result.fieldErrors : {};
  const values = result?.values ?? {};
  const [email, setEmail] = useState(values.email ?? "");
  const freeDomain = freeMailDomain(email);
  const error = (field: RegistrationField) => (fieldErrors[field] ? t(fieldErrors[field]) : undefined);

  return (
    <AuthPage
      icon={UserPlus}
      eyebrow={t("members.register.eyebrow")}
      title={t("members.register.title")}
      lead={t("members.register.lead")}
      aside={<RegisterAside />}
    >
      {result?.status === "rate-limited" ? (
        <Notice tone="warning" className="mb-5">
          {t("members.register.rateLimited", { minutes: result.retryAfterMinutes })}
        </Notice>
      ) : null}
      {result?.status === "field-errors" ? (
        <Notice tone="error" className="mb-5">
          {t("members.form.fixErrors")}
        </Notice>
      ) : null}
      <FormCard>
        <Form method="post" noValidate className="relative space-y-8">
          <HoneypotField />
          <fieldset className="space-y-5">
            <legend className="mb-4 text-sm font-semibold text-slate-900">
              {t("members.register.accountSection")}
            </legend>
            <TextField
              id="email"
              type="email"
              label={t("members.form.email")}
              autoComplete="email"
              inputMode="email"
              required
              maxLength={191}
              defaultValue={values.email}
              onChange={(event) => setEmail(event.currentTarget.value)}
              error={error("email")}
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
            <TextField
              id="nickname"
              label={t("members.form.nickname")}
              autoComplete="nickname"
              required
              maxLength={40}
              defaultValue={values.nickname}
              error={error("nickname")}
              hint={t("members.register.nicknameHint")}
            />
            <div className="grid gap-5 sm:grid-cols-2">
              <TextField
                id="password"
                type="password"
                label={t("members.form.password")}
                autoComplete="new-password"
                required
                maxLength={128}
                error={error("password")}
                hint={t("members.form.passwordHint")}
              />
              <TextField
                id="passwordConfirm"
                type="password"
                label={t("members.form.passwordConfirm")}
                autoComplete="new-password"
                required
                maxLength={128}
                error={error("passwordConfirm")}
              />
            </div>
          </fieldset>

          <fieldset className="space-y-5 border-t border-slate-100 pt-6">
            <legend className="sr-only">{t("members.register.profileSection")}</legend>
            <div aria-hidden>
              <p className="text-sm font-semibold text-slate-900">{t("members.register.profileSection")}</p>
              <p className="mt-1 text-[13px] leading-5 text-slate-500">{t("members.register.profileHint")}</p>
            </div>
            <div className="grid gap-5 sm:grid-cols-2">
              <TextField
                id="realName"
                label={t("members.form.realName")}
                autoComplete="name"
                optional
                maxLength={50}
                defaultValue={values.realName}
                error={error("realName")}
              />
              <TextField
                id="phone"
                type="tel"
                label={t("members.form.phone")}
                autoComplete="tel"
                optional
                maxLength={30}
                defaultValue={values.phone}
                error={error("phone")}
              />
            </div>
            <TextField
              id="companyName"
              label={t("members.form.companyName")}
              autoComplete="organization"
              optional
              maxLength={200}
              defaultValue={values.companyName}
              error={error("companyName")}
            />
            <div className="grid gap-5 sm:grid-cols-2">
              <TextField
                id="province"
                label={t("members.form.province")}
                autoComplete="address-level1"
                optional
                maxLength={50}
                defaultValue={values.province}
                error={error("province")}
              />
              <TextField
                id="city"
                label={t("members.form.city")}
                autoComplete="address-level2"
                optional
                maxLength={50}
                defaultValue={values.city}
                error={error("city")}
              />
            </div>
          </fieldset>

          <div className="space-y-4">
            <p className="text-[13px] leading-5 text-slate-500">{t("members.register.consent")}</p>
            <SubmitButton label={t("members.register.submit")} pendingLabel={t("members.register.submitting")} />
            <p className="text-center text-sm text-slate-600">
              {t("members.register.haveAccount")}{" "}
              <Link to="/login" className="font-medium text-blue-700 hover:underline">
                {t("members.register.signInLink")}
              </Link>
            </p>
          </div>
        </Form>
      </FormCard>
    </AuthPage>
  );
}

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
              <span className="flex size-9 shrink-0 items-center justify-center rounded-lg bg-blue-50 text-blue-600 ring-1 ring-blue-100">
                <point.icon aria-hidden className="size-[18px]" />
              </span>
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
          <span className="flex size-9 shrink-0 items-center justify-center rounded-lg bg-emerald-50 text-emerald-600 ring-1 ring-emerald-100">
            <MailCheck aria-hidden className="size-[18px]" />
          </span>
          <div>
            <h2 className="text-sm font-semibold text-slate-900">{t("members.register.stepsTitle")}</h2>
            <ol className="mt-2 list-decimal space-y-1 pl-4 text-[13px] leading-5 text-slate-600">
              <li>{t("members.register.step1")}</li>
              <li>{t("members.register.step2")}</li>
              <li>{t("members.register.step3")}</li>
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
        <Notice tone="warning" className="text-left">
          {t("members.register.sentFreeMail", { domain: freeMail })}
        </Notice>
      ) : null}
      <div className="rounded-lg bg-slate-50 px-4 py-3 text-left text-sm leading-6 text-slate-600 ring-1 ring-slate-100">
        <p className="font-medium text-slate-800">{t("members.register.noMailTitle")}</p>
        <ul className="mt-1 list-disc space-y-0.5 pl-5">
          <li>{t("members.register.noMail1")}</li>
          <li>{t("members.register.noMail2")}</li>
          <li>{t("members.register.noMail3")}</li>
        </ul>
      </div>
    </ResultCard>
  );
}
