import { ArrowRight, KeyRound, LinkIcon, ShieldCheck } from "lucide-react";
import {
  data,
  Form,
  useActionData,
  useLoaderData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaArgs,
} from "react-router";
import { db } from "#app/lib/db.server.ts";
import { clientIp } from "#app/lib/http.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import {
  parseResetPassword,
  resetPassword,
  type ResetPasswordField,
} from "#app/modules/members/member-password-reset.server.ts";
import { inspectMemberToken } from "#app/modules/members/member-registration.server.ts";
import { memberCookie } from "#app/modules/members/member-session.server.ts";
import { ButtonLink } from "#app/ui/button.tsx";
import { pageTitle } from "#app/ui/meta.ts";
import { AuthPage, FormCard, Notice, ResultCard, SubmitButton, TextField } from "#portal/components/member-auth-ui.tsx";

export const meta = ({ matches }: MetaArgs) => pageTitle(matches, "members.reset.title");

const MAX_TOKEN = 100;

export async function loader({ request }: LoaderFunctionArgs) {
  const token = (new URL(request.url).searchParams.get("token") ?? "").slice(0, MAX_TOKEN);
  // Peek only: the token is burnt when the new password is submitted, not when the page opens.
  const state = await inspectMemberToken(db, token, "password_reset");
  return { token: state === "valid" ? token : "", state };
}

type ActionResult =
  | { status: "field-errors"; fieldErrors: Partial<Record<ResetPasswordField, MessageKey>> }
  | { status: "failed"; reason: "invalid" | "expired" | "used" }
  | { status: "reset" };

export async function action({ request, context }: ActionFunctionArgs) {
  const form = Object.fromEntries(await request.formData());
  const token = typeof form.token === "string" ? form.token.slice(0, MAX_TOKEN) : "";
  const state = await inspectMemberToken(db, token, "password_reset");
  if (state !== "valid") return data<ActionResult>({ status: "failed", reason: state }, { status: 400 });
  const parsed = parseResetPassword(form);
  if (!parsed.ok)
    return data<ActionResult>({ status: "field-errors", fieldErrors: parsed.fieldErrors }, { status: 400 });
  const result = await resetPassword(db, token, parsed.data.password, { ipAddress: clientIp(context) });
  if (result.kind === "failed") return data<ActionResult>({ status: "failed", reason: result.reason }, { status: 400 });
  // Every session of the account has ended; drop this browser's cookie as well.
  return data<ActionResult>({ status: "reset" }, { headers: { "Set-Cookie": memberCookie.clear() } });
}

const FAILURE: Record<"invalid" | "expired" | "used", { title: MessageKey; body: MessageKey }> = {
  invalid: { title: "members.reset.invalidTitle", body: "members.reset.invalidBody" },
  expired: { title: "members.reset.expiredTitle", body: "members.reset.expiredBody" },
  used: { title: "members.reset.usedTitle", body: "members.reset.usedBody" },
};

export default function ResetPasswordPage() {
  const { t } = useI18n();
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();

  if (result?.status === "reset") {
    return (
      <ResultCard
        icon={ShieldCheck}
        tone="success"
        title={t("members.reset.doneTitle")}
        actions={
          <ButtonLink to="/login?reset=1" size="lg">
            {t("members.reset.signIn")}
            <ArrowRight aria-hidden className="size-4" />
          </ButtonLink>
        }
      >
        <p>{t("members.reset.doneBody")}</p>
      </ResultCard>
    );
  }

  const failedReason = result?.status === "failed" ? result.reason : loaded.state !== "valid" ? loaded.state : null;
  if (failedReason) {
    const failure = FAILURE[failedReason];
    return (
      <ResultCard
        icon={LinkIcon}
        tone="warning"
        title={t(failure.title)}
        actions={
          <>
            <ButtonLink to="/forgot-password" size="lg">
              {t("members.reset.requestNew")}
            </ButtonLink>
            <ButtonLink to="/login" size="lg" variant="secondary">
              {t("members.reset.signInInstead")}
            </ButtonLink>
          </>
        }
      >
        <p>{t(failure.body)}</p>
      </ResultCard>
    );
  }

  const fieldErrors = result?.status === "field-errors" ? result.fieldErrors : {};
  return (
    <AuthPage
      icon={KeyRound}
      eyebrow={t("members.reset.eyebrow")}
      title={t("members.reset.title")}
      lead={t("members.reset.lead")}
    >
      {result?.status === "field-errors" ? (
        <Notice tone="error" className="mb-5">
          {t("members.form.fixErrors")}
        </Notice>
      ) : null}
      <FormCard>
        <Form method="post" noValidate className="space-y-5">
          <input type="hidden" name="token" value={loaded.token} />
          <TextField
            id="password"
            type="password"
            label={t("members.reset.newPassword")}
            autoComplete="new-password"
            required
            maxLength={128}
            error={fieldErrors.password ? t(fieldErrors.password) : undefined}
            hint={t("members.form.passwordHint")}
          />
          <TextField
            id="passwordConfirm"
            type="password"
            label={t("members.form.passwordConfirm")}
            autoComplete="new-password"
            required
            maxLength={128}
            error={fieldErrors.passwordConfirm ? t(fieldErrors.passwordConfirm) : undefined}
          />
          <p className="text-[13px] leading-5 text-slate-500">{t("members.reset.signOutNote")}</p>
          <SubmitButton label={t("members.reset.submit")} pendingLabel={t("members.reset.submitting")} />
        </Form>
      </FormCard>
    </AuthPage>
  );
}
