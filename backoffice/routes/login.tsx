import { LockKeyhole, Mail, type LucideIcon } from "lucide-react";
import type { ReactNode } from "react";
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
import { parseForm } from "#app/lib/forms.server.ts";
import { clientIp, safeRedirectPath, userAgent } from "#app/lib/http.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { fail, invalid, rateLimited } from "#app/lib/service-result.ts";
import { requireAnonymousStaff } from "#app/modules/auth/staff-guard.server.ts";
import { serializeStaffCookie } from "#app/modules/auth/staff-cookie.server.ts";
import { signInStaff, StaffSignInSchema } from "#app/modules/auth/staff-sign-in.server.ts";
import { cn } from "#app/ui/cn.ts";
import {
  FailureNotice,
  Field,
  fieldErrors,
  inputClass,
  singleLineClass,
  SubmitButton,
  submittedValues,
  type ControlProps,
  type FieldProps,
} from "#app/ui/form/index.ts";
import { LocaleSwitcher } from "#app/ui/locale-switcher.tsx";

export function meta() {
  return [{ title: "接力 CRM · 员工登录 / Staff sign-in" }];
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymousStaff(request);
  const url = new URL(request.url);
  return { signedOut: url.searchParams.get("signedOut") === "1" };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = await parseForm(request, StaffSignInSchema);
  if (parsed.status !== "ok") return fail(parsed);
  const result = await signInStaff(db, parsed.value, { ipAddress: clientIp(context), userAgent: userAgent(request) });
  if (result.kind === "rate-limited") {
    return fail(rateLimited(result.retryAfterSeconds, "auth.staffLogin.rateLimited"));
  }
  if (result.kind === "invalid") {
    // One message for unknown e-mail, wrong password and disabled account: no enumeration.
    // 401: wrong credentials are not a malformed form.
    return data(invalid({}, ["auth.staffLogin.invalid"], { email: parsed.value.email }), { status: 401 });
  }
  const redirectTo = safeRedirectPath(new URL(request.url).searchParams.get("redirectTo"), "/crm", { under: "/crm" });
  return redirect(redirectTo, {
    headers: { "Set-Cookie": serializeStaffCookie(result.token, result.expiresAt) },
  });
}

export default function StaffLogin() {
  const { t } = useI18n();
  const { signedOut } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = fieldErrors(result);

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
          <FailureNotice result={result} className="mb-4" />

          <Form method="post" className="space-y-5" noValidate>
            <IconField name="email" label={t("auth.staffLogin.email")} errors={errors.email} icon={Mail}>
              {(control) => (
                <input
                  {...control}
                  type="email"
                  autoComplete="username"
                  required
                  defaultValue={submittedValues(result)?.email ?? ""}
                  className={cn(inputClass, singleLineClass, "pl-9")}
                />
              )}
            </IconField>
            <IconField
              name="password"
              label={t("auth.staffLogin.password")}
              errors={errors.password}
              icon={LockKeyhole}
            >
              {(control) => (
                <input
                  {...control}
                  type="password"
                  autoComplete="current-password"
                  required
                  className={cn(inputClass, singleLineClass, "pl-9")}
                />
              )}
            </IconField>
            <SubmitButton className="w-full" pendingLabel={t("auth.staffLogin.submitting")}>
              {t("common.signIn")}
            </SubmitButton>
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

/** A kit field with an icon inside the input's left edge. */
function IconField({
  icon: Icon,
  children,
  ...field
}: FieldProps & { icon: LucideIcon; children: (control: ControlProps) => ReactNode }) {
  return (
    <Field {...field}>
      {(control) => (
        <div className="relative">
          <span className="pointer-events-none absolute inset-y-0 left-3 flex items-center text-slate-400">
            <Icon className="size-4" aria-hidden />
          </span>
          {children(control)}
        </div>
      )}
    </Field>
  );
}
