import { Briefcase, LogIn } from "lucide-react";
import {
  data,
  Form,
  Link,
  redirect,
  useActionData,
  useLoaderData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
} from "react-router";
import { db } from "#app/lib/db.server.ts";
import { formatDateTime } from "#app/lib/format/dates.ts";
import { parseForm } from "#app/lib/forms.server.ts";
import { clientIp, safeRedirectPath, userAgent } from "#app/lib/http.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { getLocale } from "#app/lib/i18n/locale.server.ts";
import { fail, invalid, rateLimited } from "#app/lib/service-result.ts";
import { requireAnonymousMember } from "#app/modules/members/member-guard.server.ts";
import { memberCookie } from "#app/modules/members/member-session.server.ts";
import { MemberSignInSchema, signInMember } from "#app/modules/members/member-sign-in.server.ts";
import { rememberMemberLocale } from "#app/modules/members/member-locale.server.ts";
import { ArrowLink } from "#app/ui/arrow-link.tsx";
import { Card } from "#app/ui/card.tsx";
import { FailureNotice, fieldErrors, FormNotice, submittedValues, TextField } from "#app/ui/form/index.ts";
import { titleMeta } from "#app/ui/meta.ts";
import { IconChip } from "#portal/components/icon-chip.tsx";
import { AuthFormActions, AuthPage, FormCard, MemberEmailField } from "#portal/components/member-auth-ui.tsx";

export const meta = titleMeta("members.login.title");

const DEFAULT_AFTER_SIGN_IN = "/account";

/** Same-site paths only, and never back into the sign-in pages themselves. */
function afterSignIn(value: unknown): string {
  const path = safeRedirectPath(value, DEFAULT_AFTER_SIGN_IN);
  return /^\/(login|logout|register|activate|reset-password|forgot-password)(?:[/?#]|$)/.test(path)
    ? DEFAULT_AFTER_SIGN_IN
    : path;
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymousMember(request);
  return { redirectTo: afterSignIn(new URL(request.url).searchParams.get("redirectTo")) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymousMember(request);
  const form = await request.formData();
  const parsed = await parseForm(form, MemberSignInSchema);
  if (parsed.status !== "ok") return fail(parsed);
  const { email } = parsed.value;
  const result = await signInMember(db, parsed.value, { ipAddress: clientIp(context), userAgent: userAgent(request) });
  switch (result.kind) {
    case "rate-limited":
      return fail(rateLimited(result.retryAfterSeconds, "members.login.rateLimited"));
    case "invalid":
      // One message for unknown e-mail, wrong password and closed accounts: no enumeration. 401, as
      // wrong credentials are not a malformed form.
      return data(invalid({}, ["members.login.invalid"], { email }), { status: 401 });
    case "pending":
      return data({ status: "pending" as const, email: result.email }, { status: 403 });
    case "suspended":
      return data(
        { status: "suspended" as const, until: result.until?.toISOString() ?? null, reason: result.reason },
        { status: 403 },
      );
    case "ok": {
      await rememberMemberLocale(db, result.memberId, await getLocale(request));
      const fromForm = form.get("redirectTo") ?? new URL(request.url).searchParams.get("redirectTo");
      return redirect(afterSignIn(fromForm), {
        headers: { "Set-Cookie": memberCookie.serialize(result.token, result.expiresAt) },
      });
    }
  }
}

export default function LoginPage() {
  const { t } = useI18n();
  const { redirectTo } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = fieldErrors(result);

  return (
    <AuthPage icon={LogIn} area="login">
      <FailureNotice result={result} className="mb-5" />
      {result?.status === "pending" ? <PendingNotice email={result.email} /> : null}
      {result?.status === "suspended" ? <SuspendedNotice until={result.until} reason={result.reason} /> : null}

      <FormCard>
        <Form method="post" noValidate className="space-y-5">
          <input type="hidden" name="redirectTo" value={redirectTo} />
          <MemberEmailField
            autoComplete="username"
            defaultValue={submittedValues(result)?.email ?? (result?.status === "pending" ? result.email : "")}
            errors={errors.email}
          />
          <div className="space-y-1.5">
            <TextField
              name="password"
              type="password"
              label={t("members.form.password")}
              autoComplete="current-password"
              required
              maxLength={1024}
              errors={errors.password}
            />
            <div className="text-right">
              <Link to="/forgot-password" className="text-sm font-medium text-blue-700 hover:underline">
                {t("members.login.forgot")}
              </Link>
            </div>
          </div>
          <AuthFormActions area="login" />
        </Form>
      </FormCard>

      {/* Staff sign in on the back office; point them there rather than at the member form. */}
      <Card className="mt-5 flex items-center gap-4 p-5">
        <IconChip icon={Briefcase} className="size-10 rounded-lg bg-slate-100 text-slate-600" />
        <div className="min-w-0 flex-1 text-sm">
          <p className="text-slate-500">{t("members.login.staff")}</p>
          <ArrowLink to="/crm/login" className="mt-0.5">
            {t("members.login.staffLink")}
          </ArrowLink>
        </div>
      </Card>
    </AuthPage>
  );
}

function PendingNotice({ email }: { email: string }) {
  const { t } = useI18n();
  return (
    <FormNotice tone="warning" title={t("members.login.pendingTitle")} className="mb-5">
      <p>{t("members.login.pendingBody")}</p>
      <Link
        to={`/activate/resend?email=${encodeURIComponent(email)}`}
        className="mt-2 inline-flex items-center gap-1 font-medium text-amber-950 underline underline-offset-2"
      >
        {t("members.login.pendingResend")}
      </Link>
    </FormNotice>
  );
}

function SuspendedNotice({ until, reason }: { until: string | null; reason: string | null }) {
  const { t, locale } = useI18n();
  return (
    <FormNotice
      tone="error"
      className="mb-5"
      title={
        until
          ? t("members.login.suspendedUntil", { until: formatDateTime(until, locale) })
          : t("members.login.suspendedOpen")
      }
    >
      {reason ? <p>{t("members.login.suspendedReason", { reason })}</p> : null}
      <p>{t("members.login.suspendedHelp")}</p>
    </FormNotice>
  );
}
