import { ArrowLeft, MailCheck, MailPlus } from "lucide-react";
import {
  data,
  Form,
  Link,
  useActionData,
  useLoaderData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaArgs,
} from "react-router";
import { z } from "zod";
import { db } from "#app/lib/db.server.ts";
import { clientIp, userAgent } from "#app/lib/http.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { getTranslator } from "#app/lib/i18n/locale.server.ts";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import {
  MemberEmailLookupSchema,
  parseForm,
  resendActivation,
} from "#app/modules/members/member-registration.server.ts";
import { ButtonLink } from "#app/ui/button.tsx";
import { pageTitle } from "#app/ui/meta.ts";
import { AuthPage, FormCard, Notice, ResultCard, SubmitButton, TextField } from "#portal/components/member-auth-ui.tsx";

export const meta = ({ matches }: MetaArgs) => pageTitle(matches, "members.resend.title");

const ResendSchema = z.object({ email: MemberEmailLookupSchema });

export function loader({ request }: LoaderFunctionArgs) {
  // Prefilled from the registration and sign-in pages; only a suggestion, never trusted.
  const email = (new URL(request.url).searchParams.get("email") ?? "").slice(0, 191);
  return { email };
}

type ActionResult =
  | { status: "field-errors"; fieldErrors: { email?: MessageKey }; email: string }
  | { status: "rate-limited"; retryAfterMinutes: number; email: string }
  | { status: "sent"; email: string };

export async function action({ request, context }: ActionFunctionArgs) {
  const form = Object.fromEntries(await request.formData());
  const email = typeof form.email === "string" ? form.email.slice(0, 191) : "";
  const parsed = parseForm(ResendSchema, form, ["email"] as const);
  if (!parsed.ok)
    return data<ActionResult>({ status: "field-errors", fieldErrors: parsed.fieldErrors, email }, { status: 400 });
  const { locale } = await getTranslator(request);
  const result = await resendActivation(db, parsed.data.email, {
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
  // Whether the address exists, is pending or is long active: the same answer.
  return data<ActionResult>({ status: "sent", email: parsed.data.email });
}

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
