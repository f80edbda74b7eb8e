import {
  AlertTriangle,
  ArrowLeft,
  BookOpen,
  Building2,
  CheckCircle2,
  CircleUserRound,
  Clock3,
  LogIn,
  Send,
  ShieldCheck,
  Shuffle,
  UserPlus,
  UserRoundCheck,
  XCircle,
  type LucideIcon,
} from "lucide-react";
import type { ComponentProps, ReactNode } from "react";
import { useNavigation } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import {
  COMPANY_FIELDS,
  CONTACT_FIELDS,
  HONEYPOT_FIELD,
  PROVINCES,
  SUBMISSION_ID_FIELD,
  type FormValues,
} from "#app/modules/leads/portal-form-fields.ts";
import { Button, ButtonLink } from "#app/ui/button.tsx";
import { Card } from "#app/ui/card.tsx";
import { cn } from "#app/ui/cn.ts";
import { EmptyState } from "#app/ui/empty-state.tsx";

// Building blocks of the portal's three intake pages (来宾登记, 在线需求, 产品订购): page frame,
// sections, fields with localised errors, the honeypot, and the success / unavailable states.
// Route modules may export only route APIs, so the shared pieces live here.

export type IntakeErrors = Partial<Record<string, MessageKey[]>>;

export function IntakeHero({
  icon: Icon,
  eyebrow,
  title,
  lead,
}: {
  icon: LucideIcon;
  eyebrow: string;
  title: string;
  lead: string;
}) {
  return (
    <section className="relative overflow-hidden border-b border-slate-200/70 bg-white">
      <div
        aria-hidden
        className="pointer-events-none absolute inset-0 bg-[radial-gradient(60rem_20rem_at_100%_0%,rgb(219_234_254/0.7),transparent_70%)]"
      />
      <div
        aria-hidden
        className="pointer-events-none absolute inset-0 bg-[linear-gradient(to_right,rgb(148_163_184/0.12)_1px,transparent_1px),linear-gradient(to_bottom,rgb(148_163_184/0.12)_1px,transparent_1px)] [mask-image:linear-gradient(to_bottom,black,transparent)] bg-[size:32px_32px]"
      />
      <div className="relative mx-auto max-w-6xl px-4 py-10 sm:px-6 sm:py-14 lg:px-8">
        <div className="flex items-center gap-3">
          <span className="flex size-11 items-center justify-center rounded-xl bg-gradient-to-br from-blue-500 to-blue-700 text-white shadow-lg shadow-blue-600/25">
            <Icon aria-hidden className="size-5" />
          </span>
          <span className="text-sm font-medium text-blue-700">{eyebrow}</span>
        </div>
        <h1 className="mt-5 text-3xl font-semibold tracking-tight text-slate-900 sm:text-4xl">{title}</h1>
        <p className="mt-4 max-w-3xl text-base leading-7 text-slate-600 sm:text-lg sm:leading-8">{lead}</p>
      </div>
    </section>
  );
}

/**
 * Form column plus an aside. `intro` (who is submitting) sits above the form on small screens, where
 * the aside only comes after the long form, and at the top of the aside on wide ones.
 */
export function IntakeBody({ children, intro, aside }: { children: ReactNode; intro: ReactNode; aside: ReactNode }) {
  return (
    <div className="mx-auto grid max-w-6xl gap-6 px-4 py-8 sm:px-6 sm:py-12 lg:grid-cols-12 lg:gap-8 lg:px-8">
      <div className="min-w-0 lg:col-span-8">
        <div className="mb-6 lg:hidden">{intro}</div>
        {children}
      </div>
      <aside className="flex flex-col gap-6 lg:col-span-4">
        <div className="hidden lg:block">{intro}</div>
        {aside}
      </aside>
    </div>
  );
}

export function FormSection({
  icon: Icon,
  title,
  hint,
  errors,
  optional = false,
  children,
}: {
  icon: LucideIcon;
  title: string;
  hint?: string;
  /** Errors about the section as a whole (e.g. the 联系人@单位 rule). */
  errors?: readonly MessageKey[];
  /** Marks the whole section as optional (for one-field sections whose field label is hidden). */
  optional?: boolean;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <fieldset className="border-t border-slate-100 px-5 py-6 first-of-type:border-t-0 sm:px-7">
      <legend className="sr-only">{title}</legend>
      <div className="flex items-start gap-3">
        <span className="flex size-9 shrink-0 items-center justify-center rounded-lg bg-blue-50 text-blue-600 ring-1 ring-blue-100">
          <Icon aria-hidden className="size-[18px]" />
        </span>
        <div className="min-w-0 flex-1">
          <h2 aria-hidden className="flex items-baseline justify-between gap-2 text-base font-semibold text-slate-900">
            {title}
            {optional ? <span className="text-xs font-normal text-slate-400">{t("intake.form.optional")}</span> : null}
          </h2>
          {hint ? <p className="mt-0.5 text-sm text-slate-500">{hint}</p> : null}
        </div>
      </div>
      {errors && errors.length > 0 ? (
        <p
          role="alert"
          className="mt-4 flex items-start gap-2 rounded-lg bg-red-50 px-3 py-2.5 text-sm text-red-800 ring-1 ring-red-200"
        >
          <XCircle aria-hidden className="mt-0.5 size-4 shrink-0" />
          {errors.map((key) => t(key)).join(" ")}
        </p>
      ) : null}
      <div className="mt-5">{children}</div>
    </fieldset>
  );
}

export function inputClass(invalid: boolean, extra?: string): string {
  return cn(
    "block rounded-lg border bg-white px-3 text-[15px] text-slate-900 shadow-sm outline-none transition-colors",
    "placeholder:text-slate-400 focus:ring-2",
    invalid
      ? "border-red-400 focus:border-red-500 focus:ring-red-500/20"
      : "border-slate-300 focus:border-blue-500 focus:ring-blue-500/20",
    extra,
  );
}

export function FieldError({ id, errors }: { id: string; errors?: readonly MessageKey[] }) {
  const { t } = useI18n();
  if (!errors || errors.length === 0) return null;
  return (
    <p id={`${id}-error`} className="flex items-start gap-1.5 text-sm text-red-700">
      <XCircle aria-hidden className="mt-0.5 size-4 shrink-0" />
      {errors.map((key) => t(key)).join(" ")}
    </p>
  );
}

type FieldProps = {
  name: string;
  label: string;
  values: FormValues;
  errors: IntakeErrors;
  optional?: boolean;
  required?: boolean;
  /** The section title already says what the field is: keep the label for screen readers only. */
  labelHidden?: boolean;
  className?: string;
};

/** A labelled input named after its submission path ("contact.email"); shows that path's errors. */
export function Field({
  name,
  label,
  values,
  errors,
  optional,
  required,
  labelHidden,
  className,
  ...input
}: FieldProps & Omit<ComponentProps<"input">, "name" | "id" | "defaultValue" | "required">) {
  const fieldErrors = errors[name];
  return (
    <div className={cn("space-y-1.5", className)}>
      <FieldLabel htmlFor={name} label={label} optional={optional} required={required} hidden={labelHidden} />
      <input
        id={name}
        name={name}
        defaultValue={values[name] ?? ""}
        required={required}
        aria-invalid={fieldErrors ? true : undefined}
        aria-describedby={fieldErrors ? `${name}-error` : undefined}
        className={inputClass(Boolean(fieldErrors), "h-11 w-full")}
        {...input}
      />
      <FieldError id={name} errors={fieldErrors} />
    </div>
  );
}

export function TextAreaField({
  name,
  label,
  values,
  errors,
  optional,
  required,
  labelHidden,
  className,
  ...textarea
}: FieldProps & Omit<ComponentProps<"textarea">, "name" | "id" | "defaultValue" | "required">) {
  const fieldErrors = errors[name];
  return (
    <div className={cn("space-y-1.5", className)}>
      <FieldLabel htmlFor={name} label={label} optional={optional} required={required} hidden={labelHidden} />
      <textarea
        id={name}
        name={name}
        defaultValue={values[name] ?? ""}
        required={required}
        aria-invalid={fieldErrors ? true : undefined}
        aria-describedby={fieldErrors ? `${name}-error` : undefined}
        className={inputClass(Boolean(fieldErrors), "min-h-32 w-full py-2.5 leading-7")}
        {...textarea}
      />
      <FieldError id={name} errors={fieldErrors} />
    </div>
  );
}

function FieldLabel({
  htmlFor,
  label,
  optional,
  required,
  hidden,
}: {
  htmlFor: string;
  label: string;
  optional?: boolean;
  required?: boolean;
  hidden?: boolean;
}) {
  const { t } = useI18n();
  if (hidden) {
    return (
      <label htmlFor={htmlFor} className="sr-only">
        {label}
      </label>
    );
  }
  return (
    <label htmlFor={htmlFor} className="flex items-baseline justify-between gap-2 text-sm font-medium text-slate-700">
      <span>
        {label}
        {required ? (
          <span aria-hidden className="ml-0.5 text-red-600">
            *
          </span>
        ) : null}
      </span>
      {optional ? <span className="text-xs font-normal text-slate-400">{t("intake.form.optional")}</span> : null}
    </label>
  );
}

const CONTACT_INPUTS: Record<(typeof CONTACT_FIELDS)[number], ComponentProps<"input">> = {
  name: { autoComplete: "name", maxLength: 100 },
  title: { autoComplete: "organization-title", maxLength: 100 },
  email: { type: "email", autoComplete: "email", inputMode: "email", maxLength: 191 },
  mobile: { type: "tel", autoComplete: "tel", inputMode: "tel", maxLength: 50 },
  phone: { type: "tel", autoComplete: "work tel", inputMode: "tel", maxLength: 50 },
};

const COMPANY_INPUTS: Record<(typeof COMPANY_FIELDS)[number], ComponentProps<"input">> = {
  name: { autoComplete: "organization", maxLength: 200 },
  province: { autoComplete: "address-level1", maxLength: 50, list: "intake-provinces" },
  city: { autoComplete: "address-level2", maxLength: 50 },
  address: { autoComplete: "street-address", maxLength: 255 },
};

export function ContactSection({ values, errors }: { values: FormValues; errors: IntakeErrors }) {
  const { t } = useI18n();
  return (
    <FormSection
      icon={CircleUserRound}
      title={t("intake.form.contactSection")}
      hint={t("intake.form.contactHint")}
      errors={errors.contact}
    >
      <div className="grid gap-5 sm:grid-cols-2">
        {CONTACT_FIELDS.map((field) => (
          <Field
            key={field}
            name={`contact.${field}`}
            label={t(`intake.form.contact.${field}`)}
            values={values}
            errors={errors}
            {...CONTACT_INPUTS[field]}
          />
        ))}
      </div>
    </FormSection>
  );
}

export function CompanySection({ values, errors }: { values: FormValues; errors: IntakeErrors }) {
  const { t } = useI18n();
  // The 联系人@单位 message is reported on both paths; the contact section already shows it.
  const own = (errors.company ?? []).filter((key) => !(errors.contact ?? []).includes(key));
  return (
    <FormSection
      icon={Building2}
      title={t("intake.form.companySection")}
      hint={t("intake.form.companyHint")}
      errors={own}
    >
      <div className="grid gap-5 sm:grid-cols-2">
        {COMPANY_FIELDS.map((field) => (
          <Field
            key={field}
            name={`company.${field}`}
            label={t(`intake.form.company.${field}`)}
            values={values}
            errors={errors}
            className={field === "name" || field === "address" ? "sm:col-span-2" : undefined}
            {...COMPANY_INPUTS[field]}
          />
        ))}
      </div>
      <datalist id="intake-provinces">
        {PROVINCES.map((p) => (
          <option key={p} value={p} />
        ))}
      </datalist>
    </FormSection>
  );
}

/** Hidden from people (and from assistive technology); bots that fill every field give themselves away. */
export function HiddenFields({ submissionId }: { submissionId: string }) {
  const { t } = useI18n();
  return (
    <>
      <input type="hidden" name={SUBMISSION_ID_FIELD} value={submissionId} />
      <div aria-hidden className="absolute -left-[10000px] h-px w-px overflow-hidden">
        <label htmlFor={HONEYPOT_FIELD}>{t("intake.form.honeypot")}</label>
        <input id={HONEYPOT_FIELD} name={HONEYPOT_FIELD} type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
    </>
  );
}

export function FormAlert({ tone, children }: { tone: "error" | "warning"; children: ReactNode }) {
  const Icon = tone === "error" ? XCircle : AlertTriangle;
  return (
    <div
      role="alert"
      className={cn(
        "mx-5 mt-5 flex items-start gap-2.5 rounded-lg px-4 py-3 text-sm ring-1 sm:mx-7",
        tone === "error" ? "bg-red-50 text-red-800 ring-red-200" : "bg-amber-50 text-amber-900 ring-amber-200",
      )}
    >
      <Icon aria-hidden className="mt-0.5 size-4 shrink-0" />
      <div>{children}</div>
    </div>
  );
}

/** The form-level message after a submission that did not go through (field errors show by the fields). */
export function ResultAlert({ result }: { result: { status: string; retryAfterSeconds?: number } | undefined }) {
  const { t } = useI18n();
  if (!result) return null;
  if (result.status === "invalid") return <FormAlert tone="error">{t("intake.form.errorSummary")}</FormAlert>;
  if (result.status === "rejected") return <FormAlert tone="error">{t("intake.form.rejected")}</FormAlert>;
  if (result.status === "rate-limited") {
    const minutes = Math.max(1, Math.ceil((result.retryAfterSeconds ?? 60) / 60));
    return <FormAlert tone="warning">{t("intake.form.rateLimited", { minutes })}</FormAlert>;
  }
  return null;
}

export function SubmitBar({ label }: { label: string }) {
  const { t } = useI18n();
  const navigation = useNavigation();
  const submitting = navigation.state === "submitting";
  return (
    <div className="flex flex-col-reverse gap-4 border-t border-slate-100 bg-slate-50/70 px-5 py-5 sm:flex-row sm:items-center sm:justify-between sm:px-7">
      <p className="flex items-start gap-2 text-[13px] leading-5 text-slate-500">
        <ShieldCheck aria-hidden className="mt-0.5 size-4 shrink-0 text-emerald-600" />
        {t("intake.form.privacy")}
      </p>
      <Button type="submit" size="lg" disabled={submitting} className="w-full sm:w-auto">
        <Send aria-hidden className="size-[18px]" />
        {submitting ? t("intake.form.submitting") : label}
      </Button>
    </div>
  );
}

/** Who is submitting: a member (details prefilled, lead linked) or a visitor (invited to sign in). */
export function SubmitterCard({ member, redirectTo }: { member: { nickname: string } | null; redirectTo: string }) {
  const { t } = useI18n();
  if (member) {
    return (
      <Card className="relative overflow-hidden p-5 sm:p-6">
        <div aria-hidden className="absolute -top-14 -right-14 size-36 rounded-full bg-emerald-100/70 blur-2xl" />
        <div className="relative flex items-start gap-3">
          <span className="flex size-10 shrink-0 items-center justify-center rounded-full bg-emerald-50 text-emerald-600 ring-1 ring-emerald-200">
            <CheckCircle2 aria-hidden className="size-5" />
          </span>
          <div>
            <h2 className="text-[15px] font-semibold text-slate-900">{t("intake.form.memberTitle")}</h2>
            <p className="mt-1 text-sm leading-6 text-slate-600">
              {t("intake.form.memberBody", { nickname: member.nickname })}
            </p>
          </div>
        </div>
      </Card>
    );
  }
  return (
    <Card className="relative overflow-hidden p-5 sm:p-6">
      <div aria-hidden className="absolute -top-14 -right-14 size-36 rounded-full bg-blue-100/70 blur-2xl" />
      <div className="relative">
        <h2 className="text-[15px] font-semibold text-slate-900">{t("intake.form.visitorTitle")}</h2>
        <p className="mt-1 text-sm leading-6 text-slate-600">{t("intake.form.visitorBody")}</p>
        <div className="mt-4 flex flex-wrap gap-2">
          <ButtonLink to={`/login?redirectTo=${encodeURIComponent(redirectTo)}`} size="sm">
            <LogIn aria-hidden className="size-4" />
            {t("intake.form.login")}
          </ButtonLink>
          <ButtonLink to="/register" size="sm" variant="secondary">
            <UserPlus aria-hidden className="size-4" />
            {t("intake.form.register")}
          </ButtonLink>
        </div>
      </div>
    </Card>
  );
}

/** What happens after submitting: the intake pipeline in three plain steps. */
export function NextStepsCard() {
  const { t } = useI18n();
  const steps: ReadonlyArray<{ icon: LucideIcon; text: MessageKey }> = [
    { icon: Send, text: "intake.next.step1" },
    { icon: Shuffle, text: "intake.next.step2" },
    { icon: UserRoundCheck, text: "intake.next.step3" },
  ];
  return (
    <Card className="p-6">
      <h2 className="flex items-center gap-2 text-[15px] font-semibold text-slate-900">
        <Clock3 aria-hidden className="size-4 text-blue-600" />
        {t("intake.next.title")}
      </h2>
      <ol className="mt-5">
        {steps.map((step, index) => (
          <li key={step.text} className="relative flex gap-3.5 pb-5 last:pb-0">
            {index < steps.length - 1 ? (
              <span aria-hidden className="absolute top-9 bottom-0.5 left-[15px] w-px bg-blue-100" />
            ) : null}
            <span className="relative flex size-8 shrink-0 items-center justify-center rounded-full bg-blue-50 text-blue-600 ring-1 ring-blue-100">
              <step.icon aria-hidden className="size-4" />
            </span>
            <p className="pt-1 text-sm leading-6 text-slate-600">{t(step.text)}</p>
          </li>
        ))}
      </ol>
    </Card>
  );
}

export function SuccessPanel({ number, ownerName, againTo }: { number: string; ownerName: string; againTo: string }) {
  const { t } = useI18n();
  return (
    <div className="mx-auto max-w-2xl px-4 py-12 sm:px-6 sm:py-16">
      <Card className="relative overflow-hidden px-6 py-10 text-center sm:px-12">
        <div
          aria-hidden
          className="pointer-events-none absolute inset-x-0 top-0 h-40 bg-[radial-gradient(30rem_10rem_at_50%_0%,rgb(209_250_229/0.9),transparent_70%)]"
        />
        <div className="relative">
          <span className="mx-auto flex size-16 items-center justify-center rounded-full bg-emerald-500 text-white shadow-lg ring-8 shadow-emerald-500/30 ring-emerald-50">
            <CheckCircle2 aria-hidden className="size-8" />
          </span>
          <div role="status" className="mt-6">
            <h1 className="text-2xl font-semibold tracking-tight text-slate-900 sm:text-3xl">
              {t("intake.success.title")}
            </h1>
          </div>
          <p className="mt-2 text-[15px] text-slate-600">{t("intake.success.body")}</p>

          <dl className="mx-auto mt-8 max-w-sm rounded-xl bg-slate-50 px-5 py-4 ring-1 ring-slate-200">
            <dt className="text-xs font-medium tracking-wide text-slate-500">{t("intake.success.number")}</dt>
            <dd
              className="mt-1 text-2xl font-semibold tracking-wide break-all text-slate-900 tabular-nums"
              data-testid="lead-number"
            >
              {number}
            </dd>
          </dl>

          <p className="mt-6 inline-flex max-w-full items-start gap-2 rounded-2xl bg-blue-50 px-4 py-2 text-left text-[15px] font-medium text-blue-800 ring-1 ring-blue-100">
            <UserRoundCheck aria-hidden className="mt-0.5 size-[18px] shrink-0" />
            {t("intake.success.owner", { name: ownerName })}
          </p>
          <p className="mt-4 text-sm text-slate-500">{t("intake.success.keep")}</p>

          <div className="mt-8 flex flex-wrap justify-center gap-3">
            <ButtonLink to="/" variant="secondary">
              <ArrowLeft aria-hidden className="size-4" />
              {t("intake.success.home")}
            </ButtonLink>
            {/* reloadDocument: a fresh form (new submission id), not the cached result. */}
            <ButtonLink to={againTo} variant="subtle" reloadDocument>
              {t("intake.success.again")}
            </ButtonLink>
          </div>
        </div>
      </Card>
    </div>
  );
}

export function UnavailablePanel() {
  const { t } = useI18n();
  return (
    <div className="mx-auto max-w-2xl px-4 py-12 sm:px-6 sm:py-16">
      <Card>
        <EmptyState
          icon={<Clock3 aria-hidden className="size-6" />}
          title={t("intake.unavailable.title")}
          titleAs="h2"
          description={t("intake.unavailable.body")}
          className="py-14"
        >
          <ButtonLink to="/" variant="secondary">
            <ArrowLeft aria-hidden className="size-4" />
            {t("intake.unavailable.home")}
          </ButtonLink>
          <ButtonLink to="/knowledge" variant="subtle">
            <BookOpen aria-hidden className="size-4" />
            {t("intake.unavailable.knowledge")}
          </ButtonLink>
        </EmptyState>
      </Card>
    </div>
  );
}
