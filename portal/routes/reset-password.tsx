import { KeyRound, ShieldCheck } from "lucide-react";
import { data, Form, useActionData, useLoaderData, type ActionFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { parseForm } from "#app/lib/forms.server.ts";
import { clientIp } from "#app/lib/http.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { fail } from "#app/lib/service-result.ts";
import { resetPassword, ResetPasswordFormSchema } from "#app/modules/members/member-password-reset.server.ts";
import { inspectMemberToken } from "#app/modules/members/member-registration.server.ts";
import { memberCookie } from "#app/modules/members/member-session.server.ts";
import { FailureNotice, fieldErrors, SubmitButton } from "#app/ui/form/index.ts";
import { titleMeta } from "#app/ui/meta.ts";
import { AuthPage, FormCard, NewPasswordFields } from "#portal/components/member-auth-ui.tsx";
import { TokenLinkDone, TokenLinkFailure } from "#portal/components/token-link-ui.tsx";
import { tokenFrom, tokenLinkLoader } from "#portal/components/token-link.server.ts";

export const meta = titleMeta("members.reset.title");

// Peek only: the token is burnt when the new password is submitted, not when the page opens.
export const loader = tokenLinkLoader("password_reset");

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const token = tokenFrom(form.get("token"));
  const state = await inspectMemberToken(db, token, "password_reset");
  if (state !== "valid") return data({ status: "failed" as const, reason: state }, { status: 400 });
  const parsed = await parseForm(form, ResetPasswordFormSchema);
  if (parsed.status !== "ok") return fail(parsed);
  const result = await resetPassword(db, token, parsed.value.password, { ipAddress: clientIp(context) });
  if (result.kind === "failed") return data({ status: "failed" as const, reason: result.reason }, { status: 400 });
  // Every session of the account has ended; drop this browser's cookie as well.
  return data({ status: "reset" as const }, { headers: { "Set-Cookie": memberCookie.clear() } });
}

export default function ResetPasswordPage() {
  const { t } = useI18n();
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();

  if (result?.status === "reset")
    return <TokenLinkDone area="reset" icon={ShieldCheck} flash="flash.members.passwordReset" />;

  const failedReason = result?.status === "failed" ? result.reason : loaded.state !== "valid" ? loaded.state : null;
  if (failedReason) return <TokenLinkFailure area="reset" reason={failedReason} />;

  const errors = fieldErrors(result);
  return (
    <AuthPage icon={KeyRound} area="reset">
      <FailureNotice result={result} className="mb-5" />
      <FormCard>
        <Form method="post" noValidate className="space-y-5">
          <input type="hidden" name="token" value={loaded.token} />
          <NewPasswordFields label={t("members.reset.newPassword")} errors={errors} />
          <p className="text-[13px] leading-5 text-slate-500">{t("members.reset.signOutNote")}</p>
          <SubmitButton size="lg" className="w-full" pendingLabel={t("members.reset.submitting")}>
            {t("members.reset.submit")}
          </SubmitButton>
        </Form>
      </FormCard>
    </AuthPage>
  );
}
