import { ArrowRight, Briefcase, LogIn } from "lucide-react";
import {
  data,
  Form,
  Link,
  redirect,
  useActionData,
  useLoaderData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaArgs,
} from "react-router";
import { db } from "#app/lib/db.server.ts";
import { clientIp, safeRedirectPath, userAgent } from "#app/lib/http.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { requireAnonymousMember } from "#app/modules/members/member-guard.server.ts";
import { parseForm } from "#app/modules/members/member-registration.server.ts";
import { memberCookie } from "#app/modules/members/member-session.server.ts";
import { MemberSignInSchema, signInMember } from "#app/modules/members/member-sign-in.server.ts";
import { Card } from "#app/ui/card.tsx";
import { pageTitle } from "#app/ui/meta.ts";
import { formatDateTime } from "#app/lib/format/dates.ts";
import { AuthPage, FormCard, Notice, SubmitButton, TextField } from "#portal/components/member-auth-ui.tsx";

export const meta = ({ matches }: MetaArgs) => pageTitle(matches, "members.login.title");

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
  const params = new URL(request.url).searchParams;
  return {
    redirectTo: afterSignIn(params.get("redirectTo")),
    notice:
      params.get("activated") === "1"
        ? ("activated" as const)
        : params.get("reset") === "1"
          ? ("reset" as const)
          : null,
  };
}

type Field = "email" | "password";
type ActionResult =
  | { status: "field-errors"; fieldErrors: Partial<Record<Field, MessageKey>>; email: string }
  | { status: "invalid"; email: string }
  | { status: "pending"; email: string }
  | { status: "suspended"; email: string; until: string | null; reason: string | null }
  | { status: "rate-limited"; retryAfterMinutes: number; email: string };

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymousMember(request);
  const form = Object.fromEntries(await request.formData());
  const email = typeof form.email === "string" ? form.email.slice(0, 191) : "";
  const parsed = parseForm(MemberSignInSchema, form, ["email", "password"] as const);
  if (!parsed.ok)
    return data<ActionResult>({ status: "field-errors", fieldErrors: parsed.fieldErrors, email }, { status: 400 });

  const result = await signInMember(db, parsed.data, { ipAddress: clientIp(context), userAgent: userAgent(request) });
  switch (result.kind) {
    case "rate-limited":
      return data<ActionResult>(
        { status: "rate-limited", retryAfterMinutes: Math.ceil(result.retryAfterSeconds / 60), email },
        { status: 429, headers: { "Retry-After": String(result.retryAfterSeconds) } },
      );
    case "invalid":
      // One message for unknown e-mail, wrong password and closed accounts: no enumeration.
      return data<ActionResult>({ status: "invalid", email }, { status: 401 });
    case "pending":
      return data<ActionResult>({ status: "pending", email: result.email }, { status: 403 });
    case "suspended":
      return data<ActionResult>(
        { status: "suspended", email, until: result.until?.toISOString() ?? null, reason: result.reason },
        { status: 403 },
      );
    case "ok": {
      const fromForm = form.redirectTo ?? new URL(request.url).searchParams.get("redirectTo");
      return redirect(afterSignIn(fromForm), {
        headers: { "Set-Cookie": memberCookie.serialize(result.token, result.expiresAt) },
      });
    }
  }
}

export default function LoginPage() {
  const { t } = useI18n();
  const { redirectTo, notice } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const fieldErrors = result?.status === "field-errors" ? result.fieldErrors : {};

  return (
    <AuthPage
      icon={LogIn}
      eyebrow={t("members.login.eyebrow")}
      title={t("members.login.title")}
      lead={t("members.login.lead")}
    >
      {!result && notice === "activated" ? (
        <Notice tone="success" className="mb-5">
          {t("members.login.activatedNotice")}
        </Notice>
      ) : null}
      {!result && notice === "reset" ? (
        <Notice tone="success" className="mb-5">
          {t("members.login.resetNotice")}
        </Notice>
      ) : null}
      {result ? <ResultNotice result={result} /> : null}

      <FormCard>
        <Form method="post" noValidate className="space-y-5">
          <input type="hidden" name="redirectTo" value={redirectTo} />
          <TextField
            id="email"
            type="email"
            label={t("members.form.email")}
            autoComplete="username"
            inputMode="email"
            required
            maxLength={191}
            defaultValue={result?.email ?? ""}
            error={fieldErrors.email ? t(fieldErrors.email) : undefined}
          />
          <div className="space-y-1.5">
            <TextField
              id="password"
              type="password"
              label={t("members.form.password")}
              autoComplete="current-password"
              required
              maxLength={1024}
              error={fieldErrors.password ? t(fieldErrors.password) : undefined}
            />
            <div className="text-right">
              <Link to="/forgot-password" className="text-sm font-medium text-blue-700 hover:underline">
                {t("members.login.forgot")}
              </Link>
            </div>
          </div>
          <SubmitButton label={t("members.login.submit")} pendingLabel={t("members.login.submitting")} />
          <p className="text-center text-sm text-slate-600">
            {t("members.login.noAccount")}{" "}
            <Link to="/register" className="font-medium text-blue-700 hover:underline">
              {t("members.login.registerLink")}
            </Link>
          </p>
        </Form>
      </FormCard>

      {/* Staff sign in on the back office; point them there rather than at the member form. */}
      <Card className="mt-5 flex items-center gap-4 p-5">
        <span className="flex size-10 shrink-0 items-center justify-center rounded-lg bg-slate-100 text-slate-600">
          <Briefcase aria-hidden className="size-5" />
        </span>
        <div className="min-w-0 flex-1 text-sm">
          <p className="text-slate-500">{t("members.login.staff")}</p>
          <Link
            to="/crm/login"
            className="group mt-0.5 inline-flex items-center gap-1 font-medium text-blue-700 hover:text-blue-800"
          >
            {t("members.login.staffLink")}
            <ArrowRight aria-hidden className="size-4 transition-transform group-hover:translate-x-0.5" />
          </Link>
        </div>
      </Card>
    </AuthPage>
  );
}

function ResultNotice({ result }: { result: ActionResult }) {
  const { t, locale } = useI18n();
  switch (result.status) {
    case "invalid":
      return (
        <Notice tone="error" className="mb-5">
          {t("members.login.invalid")}
        </Notice>
      );
    case "rate-limited":
      return (
        <Notice tone="warning" className="mb-5">
          {t("members.login.rateLimited", { minutes: result.retryAfterMinutes })}
        </Notice>
      );
    case "pending":
      return (
        <Notice tone="warning" className="mb-5">
          <p className="font-medium">{t("members.login.pendingTitle")}</p>
          <p className="mt-1">{t("members.login.pendingBody")}</p>
          <Link
            to={`/activate/resend?email=${encodeURIComponent(result.email)}`}
            className="mt-2 inline-flex items-center gap-1 font-medium text-amber-950 underline underline-offset-2"
          >
            {t("members.login.pendingResend")}
          </Link>
        </Notice>
      );
    case "suspended":
      return (
        <Notice tone="error" className="mb-5">
          <p className="font-medium">
            {result.until
              ? t("members.login.suspendedUntil", { until: formatDateTime(new Date(result.until), locale) })
              : t("members.login.suspendedOpen")}
          </p>
          {result.reason ? (
            <p className="mt-1">{t("members.login.suspendedReason", { reason: result.reason })}</p>
          ) : null}
          <p className="mt-1">{t("members.login.suspendedHelp")}</p>
        </Notice>
      );
    case "field-errors":
      return null;
  }
}
