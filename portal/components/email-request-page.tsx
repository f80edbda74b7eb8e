import { ArrowLeft, MailCheck, type LucideIcon } from "lucide-react";
import { Form, Link } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { ButtonLink } from "#app/ui/button.tsx";
import { FailureNotice, fieldErrors, SubmitButton, submittedValues } from "#app/ui/form/index.ts";
import { AuthPage, FormCard, MemberEmailField, ResultCard } from "./member-auth-ui.tsx";

// The page of "resend activation mail" and "forgot password" (their action is email-request-action):
// one e-mail field, then "check your inbox". Only the words differ.

/** The words of one of the two pages, from its i18n area (`members.resend.*` / `members.forgot.*`). */
export function emailRequestCopy(area: "resend" | "forgot"): EmailRequestCopy {
  const key = <K extends string>(name: K) => `members.${area}.${name}` as const;
  return {
    area,
    hint: area === "resend" ? "members.resend.hint" : undefined,
    submit: key("submit"),
    submitting: key("submitting"),
    sentTitle: key("sentTitle"),
    sentBody: key("sentBody"),
    sentHint: key("sentHint"),
    back: key("back"),
    // After "resend", signing in is the next step; after "forgot", it is the way back.
    sentAction:
      area === "resend"
        ? { label: "members.resend.goSignIn", primary: true }
        : { label: "members.forgot.back", primary: false },
  };
}

export interface EmailRequestCopy {
  /** Also words the page frame (`members.<area>.eyebrow` …). */
  area: "resend" | "forgot";
  hint?: MessageKey;
  submit: MessageKey;
  submitting: MessageKey;
  sentTitle: MessageKey;
  sentBody: MessageKey;
  sentHint: MessageKey;
  back: MessageKey;
  /** The button on the "sent" card; primary when it is the next step, secondary when it is a way back. */
  sentAction: { label: MessageKey; primary: boolean };
}

export function EmailRequestPage({
  icon,
  copy,
  result,
  defaultEmail = "",
}: {
  icon: LucideIcon;
  copy: EmailRequestCopy;
  result: { status: string; email?: string } | undefined;
  defaultEmail?: string;
}) {
  const { t } = useI18n();

  if (result?.status === "sent") {
    return (
      <ResultCard
        icon={MailCheck}
        tone="success"
        title={t(copy.sentTitle)}
        actions={
          <ButtonLink to="/login" size="lg" variant={copy.sentAction.primary ? "primary" : "secondary"}>
            {t(copy.sentAction.label)}
          </ButtonLink>
        }
      >
        <p>{t(copy.sentBody, { email: result.email ?? "" })}</p>
        <p className="text-sm text-slate-500">{t(copy.sentHint)}</p>
      </ResultCard>
    );
  }

  return (
    <AuthPage icon={icon} area={copy.area}>
      <FailureNotice result={result} className="mb-5" />
      <FormCard>
        <Form method="post" noValidate className="space-y-5">
          <MemberEmailField
            autoComplete="email"
            defaultValue={submittedValues(result)?.email ?? defaultEmail}
            errors={fieldErrors(result).email}
            hint={copy.hint ? t(copy.hint) : undefined}
          />
          <SubmitButton size="lg" className="w-full" pendingLabel={t(copy.submitting)}>
            {t(copy.submit)}
          </SubmitButton>
        </Form>
      </FormCard>
      <Link
        to="/login"
        className="mt-6 inline-flex items-center gap-1.5 text-sm font-medium text-slate-600 hover:text-blue-700"
      >
        <ArrowLeft aria-hidden className="size-4" />
        {t(copy.back)}
      </Link>
    </AuthPage>
  );
}
