import { KeyRound } from "lucide-react";
import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
} from "react-router";
import { db } from "#app/lib/db.server.ts";
import { parseForm } from "#app/lib/forms.server.ts";
import { clientIp } from "#app/lib/http.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { fail } from "#app/lib/service-result.ts";
import {
  describePasswordLink,
  SetPasswordSchema,
  setPasswordWithToken,
} from "#app/modules/admin/staff-accounts.server.ts";
import { ButtonLink } from "#app/ui/button.tsx";
import { FailureNotice, fieldErrors, FormNotice, SubmitButton, TextField } from "#app/ui/form/index.ts";
import { LocaleSwitcher } from "#app/ui/locale-switcher.tsx";

// The link of the invitation and password-reset mails. Unguarded by design: whoever holds the
// single-use, expiring link is the account's owner; only the hash of its secret is stored.

export function meta() {
  return [{ title: "接力 CRM · 设置密码 / Set password" }, { name: "referrer", content: "no-referrer" }];
}

export async function loader({ params }: LoaderFunctionArgs) {
  return { link: await describePasswordLink(db, params.token ?? "") };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const parsed = await parseForm(request, SetPasswordSchema);
  if (parsed.status !== "ok") return fail(parsed);
  const result = await setPasswordWithToken(db, params.token ?? "", parsed.value.password, {
    ipAddress: clientIp(context),
  });
  if (result.status !== "ok") return fail(result);
  return { status: "done" as const, email: result.value.email };
}

export default function SetPasswordPage() {
  const { link } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const done = result?.status === "done";
  const errors = fieldErrors(result);
  return (
    <main className="flex min-h-screen flex-col items-center justify-center bg-slate-50 px-6 py-12">
      <div className="w-full max-w-sm space-y-6 rounded-2xl border border-slate-200 bg-white p-8 shadow-sm">
        <div className="flex items-center gap-3">
          <span className="grid size-10 place-items-center rounded-lg bg-blue-600 text-white">
            <KeyRound aria-hidden className="size-5" />
          </span>
          <h1 className="text-xl font-semibold text-slate-900">{t("adminStaff.setPassword.title")}</h1>
        </div>
        {done ? (
          <>
            <FormNotice tone="success">{t("adminStaff.setPassword.done")}</FormNotice>
            <ButtonLink to="/crm/login">{t("adminStaff.setPassword.toLogin")}</ButtonLink>
          </>
        ) : !link.ok ? (
          <>
            <FormNotice tone="error">{t(`adminStaff.setPassword.${link.reason}`)}</FormNotice>
            <Link to="/crm/login" className="text-sm font-medium text-blue-700 hover:underline">
              {t("adminStaff.setPassword.toLogin")}
            </Link>
          </>
        ) : (
          <Form method="post" className="space-y-5" noValidate>
            <p className="text-sm text-slate-600">
              {t("adminStaff.setPassword.welcome", { name: link.name, email: link.email })}
            </p>
            <FailureNotice result={result} />
            <TextField
              name="password"
              type="password"
              autoComplete="new-password"
              label={t("adminStaff.setPassword.password")}
              errors={errors.password}
              required
            />
            <TextField
              name="passwordConfirm"
              type="password"
              autoComplete="new-password"
              label={t("adminStaff.setPassword.confirm")}
              errors={errors.passwordConfirm}
              required
            />
            <SubmitButton className="w-full">{t("adminStaff.setPassword.submit")}</SubmitButton>
          </Form>
        )}
      </div>
      <div className="mt-6">
        <LocaleSwitcher />
      </div>
    </main>
  );
}
