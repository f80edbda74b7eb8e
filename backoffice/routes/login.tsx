import {
  data,
  Form,
  Link,
  redirect,
  useActionData,
  useLoaderData,
  useNavigation,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
} from "react-router";
import { LockKeyhole, Mail } from "lucide-react";
import { db } from "#app/lib/db.server.ts";
import { clientIp, safeRedirectPath, userAgent } from "#app/lib/http.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { LocaleSwitcher } from "#app/ui/locale-switcher.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { requireAnonymousStaff } from "#app/modules/auth/staff-guard.server.ts";
import { serializeStaffCookie } from "#app/modules/auth/staff-cookie.server.ts";
import { signInStaff, StaffSignInSchema } from "#app/modules/auth/staff-sign-in.server.ts";

export function meta() {
  return [{ title: "接力 CRM · 员工登录 / Staff sign-in" }];
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymousStaff(request);
  const url = new URL(request.url);
  return { signedOut: url.searchParams.get("signedOut") === "1" };
}

type FieldErrors = Partial<Record<"email" | "password", MessageKey>>;
type ActionResult =
  | { status: "field-errors"; fieldErrors: FieldErrors; email: string }
  | { status: "invalid"; email: string }
  | { status: "rate-limited"; retryAfterMinutes: number; email: string };

export async function action({ request, context }: ActionFunctionArgs) {
  const form = Object.fromEntries(await request.formData());
  const email = typeof form.email === "string" ? form.email : "";
  const parsed = StaffSignInSchema.safeParse(form);
  if (!parsed.success) {
    const fieldErrors: FieldErrors = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if ((field === "email" || field === "password") && !fieldErrors[field]) {
        fieldErrors[field] = `validation.${issue.message}` as MessageKey;
      }
    }
    return data<ActionResult>({ status: "field-errors", fieldErrors, email }, { status: 400 });
  }
  const result = await signInStaff(db, parsed.data, { ipAddress: clientIp(context), userAgent: userAgent(request) });
  if (result.kind === "rate-limited") {
    return data<ActionResult>(
      { status: "rate-limited", retryAfterMinutes: Math.ceil(result.retryAfterSeconds / 60), email },
      { status: 429, headers: { "Retry-After": String(result.retryAfterSeconds) } },
    );
  }
  if (result.kind === "invalid") {
    // One message for unknown e-mail, wrong password and disabled account: no enumeration.
    return data<ActionResult>({ status: "invalid", email }, { status: 401 });
  }
  const redirectTo = safeRedirectPath(new URL(request.url).searchParams.get("redirectTo"), "/crm");
  return redirect(redirectTo.startsWith("/crm") ? redirectTo : "/crm", {
    headers: { "Set-Cookie": serializeStaffCookie(result.token, result.expiresAt) },
  });
}

export default function StaffLogin() {
  const { t } = useI18n();
  const { signedOut } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const submitting = navigation.state === "submitting";
  const fieldErrors = result?.status === "field-errors" ? result.fieldErrors : {};

  return (
    <main className="grid min-h-screen lg:grid-cols-2">
      <section className="relative hidden flex-col justify-between overflow-hidden bg-gradient-to-br from-blue-700 via-blue-600 to-indigo-700 p-12 text-white lg:flex">
        <div className="flex items-center gap-3 text-lg font-semibold">
          <span className="grid size-9 place-items-center rounded-lg bg-white/15 font-bold">接</span>
          {t("app.name")}
        </div>
        <div className="max-w-md space-y-4">
          <h2 className="text-3xl leading-tight font-semibold">{t("auth.staffLogin.sideTitle")}</h2>
          <p className="text-blue-100">{t("auth.staffLogin.sideBody")}</p>
        </div>
        <p className="text-sm text-blue-200">
          © {new Date().getFullYear()} {t("app.name")}
        </p>
        <div aria-hidden className="absolute -right-24 -bottom-24 size-96 rounded-full bg-white/10" />
        <div aria-hidden className="absolute top-24 -right-10 size-40 rounded-full bg-white/5" />
      </section>

      <section className="flex flex-col items-center justify-center px-6 py-12">
        <div className="w-full max-w-sm">
          <div className="mb-8 space-y-2">
            <h1 className="text-2xl font-semibold text-slate-900">{t("auth.staffLogin.title")}</h1>
            <p className="text-sm text-slate-600">{t("auth.staffLogin.subtitle")}</p>
          </div>

          {signedOut && !result ? (
            <p
              role="status"
              className="mb-4 rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800"
            >
              {t("auth.staffLogin.signedOut")}
            </p>
          ) : null}
          {result?.status === "invalid" ? (
            <p role="alert" className="mb-4 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
              {t("auth.staffLogin.invalid")}
            </p>
          ) : null}
          {result?.status === "rate-limited" ? (
            <p
              role="alert"
              className="mb-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900"
            >
              {t("auth.staffLogin.rateLimited", { minutes: result.retryAfterMinutes })}
            </p>
          ) : null}

          <Form method="post" className="space-y-5" noValidate>
            <Field
              id="email"
              label={t("auth.staffLogin.email")}
              error={fieldErrors.email ? t(fieldErrors.email) : undefined}
              icon={<Mail className="size-4" aria-hidden />}
            >
              <input
                id="email"
                name="email"
                type="email"
                autoComplete="username"
                required
                defaultValue={result?.email ?? ""}
                aria-invalid={fieldErrors.email ? true : undefined}
                aria-describedby={fieldErrors.email ? "email-error" : undefined}
                className="w-full rounded-md border border-slate-300 bg-white py-2 pr-3 pl-9 text-sm shadow-sm outline-none focus:border-blue-500 focus:ring-2 focus:ring-blue-500/20"
              />
            </Field>
            <Field
              id="password"
              label={t("auth.staffLogin.password")}
              error={fieldErrors.password ? t(fieldErrors.password) : undefined}
              icon={<LockKeyhole className="size-4" aria-hidden />}
            >
              <input
                id="password"
                name="password"
                type="password"
                autoComplete="current-password"
                required
                aria-invalid={fieldErrors.password ? true : undefined}
                aria-describedby={fieldErrors.password ? "password-error" : undefined}
                className="w-full rounded-md border border-slate-300 bg-white py-2 pr-3 pl-9 text-sm shadow-sm outline-none focus:border-blue-500 focus:ring-2 focus:ring-blue-500/20"
              />
            </Field>
            <button
              type="submit"
              disabled={submitting}
              className="w-full rounded-md bg-blue-600 px-4 py-2.5 text-sm font-medium text-white shadow-sm hover:bg-blue-700 focus-visible:ring-2 focus-visible:ring-blue-500 focus-visible:ring-offset-2 focus-visible:outline-none disabled:opacity-60"
            >
              {submitting ? t("auth.staffLogin.submitting") : t("auth.staffLogin.submit")}
            </button>
          </Form>

          <p className="mt-6 text-xs text-slate-500">{t("auth.staffLogin.help")}</p>
          <div className="mt-8 flex items-center justify-between text-sm">
            <Link to="/" className="text-blue-700 hover:underline">
              {t("auth.staffLogin.portalLink")}
            </Link>
            <LocaleSwitcher />
          </div>
        </div>
      </section>
    </main>
  );
}

function Field(props: { id: string; label: string; error?: string; icon: React.ReactNode; children: React.ReactNode }) {
  return (
    <div className="space-y-1.5">
      <label htmlFor={props.id} className="block text-sm font-medium text-slate-700">
        {props.label}
      </label>
      <div className="relative">
        <span className="pointer-events-none absolute inset-y-0 left-3 flex items-center text-slate-400">
          {props.icon}
        </span>
        {props.children}
      </div>
      {props.error ? (
        <p id={`${props.id}-error`} className="text-sm text-red-700">
          {props.error}
        </p>
      ) : null}
    </div>
  );
}
