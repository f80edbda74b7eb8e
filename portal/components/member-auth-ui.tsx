import type { LucideIcon } from "lucide-react";
import type { ComponentProps, ReactNode } from "react";
import { Link } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { FieldErrors } from "#app/lib/service-result.ts";
import { Card } from "#app/ui/card.tsx";
import { cn } from "#app/ui/cn.ts";
import { SubmitButton, TextField, type TextFieldProps } from "#app/ui/form/index.ts";
import { Glow } from "#portal/components/glow.tsx";
import { IconChip } from "#portal/components/icon-chip.tsx";

// The pieces the member sign-in pages share (register, activate, sign in, forgot/reset password):
// a calm page frame, the form card, the result card and the honeypot. Fields, notices and the submit
// button come from the form kit (app/ui/form).

/** The sign-in pages; each words its frame with `members.<area>.eyebrow`, `.title` and `.lead`. */
type AuthArea = "login" | "register" | "reset" | "resend" | "forgot";

export function AuthPage({
  icon: Icon,
  area,
  children,
  aside,
}: {
  icon: LucideIcon;
  area: AuthArea;
  children: ReactNode;
  /** A side column on wide screens (below the form on small ones). */
  aside?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <div className="relative overflow-hidden">
      <Glow className="inset-x-0 top-0 h-80 bg-[radial-gradient(50rem_18rem_at_80%_0%,rgb(219_234_254/0.8),transparent_70%)]" />
      <div
        className={cn(
          "relative mx-auto px-4 py-10 sm:px-6 sm:py-14",
          aside ? "grid max-w-5xl gap-8 lg:grid-cols-12 lg:gap-10 lg:px-8" : "max-w-lg",
        )}
      >
        <div className={aside ? "lg:col-span-7" : undefined}>
          <div className="flex items-center gap-3">
            <IconChip
              icon={Icon}
              className="size-10 rounded-xl bg-gradient-to-br from-blue-500 to-blue-700 text-white shadow-md shadow-blue-600/25"
            />
            <span className="text-sm font-medium text-blue-700">{t(`members.${area}.eyebrow`)}</span>
          </div>
          <h1 className="mt-4 text-2xl font-semibold tracking-tight text-slate-900 sm:text-3xl">
            {t(`members.${area}.title`)}
          </h1>
          <p className="mt-2 text-[15px] leading-7 text-slate-600">{t(`members.${area}.lead`)}</p>
          <div className="mt-6">{children}</div>
        </div>
        {aside ? <aside className="space-y-5 lg:col-span-5 lg:pt-[5.5rem]">{aside}</aside> : null}
      </div>
    </div>
  );
}

export function FormCard({ className, ...props }: ComponentProps<"section">) {
  return <Card className={cn("p-5 sm:p-7", className)} {...props} />;
}

const RESULT_TONES: Record<"success" | "warning" | "info", string> = {
  success: "bg-emerald-50 text-emerald-600 ring-emerald-100",
  warning: "bg-amber-50 text-amber-600 ring-amber-100",
  info: "bg-blue-50 text-blue-600 ring-blue-100",
};

/** The page a flow ends on: big icon, heading, explanation and the way onwards. */
export function ResultCard({
  icon: Icon,
  tone,
  title,
  children,
  actions,
}: {
  icon: LucideIcon;
  tone: "success" | "warning" | "info";
  title: string;
  children?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <div className="mx-auto max-w-lg px-4 py-12 sm:px-6 sm:py-16">
      <Card className="p-6 text-center sm:p-10">
        <IconChip
          icon={Icon}
          className={cn("mx-auto size-14 rounded-full ring-8", RESULT_TONES[tone])}
          iconClassName="size-7"
        />
        <h1 className="mt-6 text-xl font-semibold text-slate-900 sm:text-2xl">{title}</h1>
        {children ? <div className="mt-3 space-y-3 text-[15px] leading-7 text-slate-600">{children}</div> : null}
        {actions ? <div className="mt-7 flex flex-col justify-center gap-3 sm:flex-row">{actions}</div> : null}
      </Card>
    </div>
  );
}

/** Hidden from people (and from the accessibility tree); form-filling bots fill it. */
export function HoneypotField() {
  const { t } = useI18n();
  return (
    <div aria-hidden="true" className="absolute -left-[10000px] h-px w-px overflow-hidden">
      <label htmlFor="website">{t("members.form.honeypot")}</label>
      <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
    </div>
  );
}

/** Each of the two forms points to the other one. */
const OTHER_FORM = {
  login: { question: "members.login.noAccount", to: "/register", link: "members.login.registerLink" },
  register: { question: "members.register.haveAccount", to: "/login", link: "members.register.signInLink" },
} as const;

/** The last row of the sign-in and registration forms: the wide submit button and the way to the other form. */
export function AuthFormActions({ area }: { area: keyof typeof OTHER_FORM }) {
  const { t } = useI18n();
  const other = OTHER_FORM[area];
  return (
    <>
      <SubmitButton size="lg" className="w-full" pendingLabel={t(`members.${area}.submitting`)}>
        {t(`members.${area}.submit`)}
      </SubmitButton>
      <p className="text-center text-sm text-slate-600">
        {t(other.question)}{" "}
        <Link to={other.to} className="font-medium text-blue-700 hover:underline">
          {t(other.link)}
        </Link>
      </p>
    </>
  );
}

/** A new password and its confirmation (registration, password reset); passwords never come back filled. */
export function NewPasswordFields({ label, errors }: { label: string; errors: FieldErrors }) {
  const { t } = useI18n();
  return (
    <>
      <TextField
        name="password"
        type="password"
        label={label}
        autoComplete="new-password"
        required
        maxLength={128}
        errors={errors.password}
        hint={t("members.form.passwordHint")}
      />
      <TextField
        name="passwordConfirm"
        type="password"
        label={t("members.form.passwordConfirm")}
        autoComplete="new-password"
        required
        maxLength={128}
        errors={errors.passwordConfirm}
      />
    </>
  );
}

/** The member's e-mail address (sign in, registration, resend / forgot); the caller sets autocomplete. */
export function MemberEmailField(props: Omit<TextFieldProps, "name" | "type" | "label" | "inputMode" | "maxLength">) {
  const { t } = useI18n();
  return (
    <TextField
      name="email"
      type="email"
      label={t("members.form.email")}
      inputMode="email"
      maxLength={191}
      required
      {...props}
    />
  );
}
