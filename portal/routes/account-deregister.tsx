import { AlertTriangle, UserX } from "lucide-react";
import {
  data,
  Form,
  redirect,
  useActionData,
  useLoaderData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
} from "react-router";
import { db } from "#app/lib/db.server.ts";
import { parseForm } from "#app/lib/forms.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { getLocale } from "#app/lib/i18n/locale.server.ts";
import { fail } from "#app/lib/service-result.ts";
import { DEREGISTER_CONFIRM_WORDS, DeregisterSchema } from "#app/modules/members/member-account-schemas.ts";
import { deregisterMember } from "#app/modules/members/member-deregistration.server.ts";
import { requireMember } from "#app/modules/members/member-guard.server.ts";
import { memberCookie } from "#app/modules/members/member-session.server.ts";
import { ButtonLink } from "#app/ui/button.tsx";
import { Card } from "#app/ui/card.tsx";
import { FailureNotice, fieldErrors, SubmitButton, TextField } from "#app/ui/form/index.ts";
import { titleMeta } from "#app/ui/meta.ts";
import { requireAccountActor } from "#portal/components/account-actor.server.ts";
import { AccountPageHeader, AccountSection } from "#portal/components/account-ui.tsx";
import { CurrentPasswordField } from "#portal/components/current-password-field.tsx";

// 注销帐户 (seed 000 §2.A): the member removes their own account. The person's data goes, the business
// history stays (see deregisterMember). Afterwards the browser is signed out and sees /goodbye.

export async function loader({ request }: LoaderFunctionArgs) {
  await requireMember(request);
  return { word: DEREGISTER_CONFIRM_WORDS[await getLocale(request)] };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireAccountActor({ request, context });
  const parsed = await parseForm(request, DeregisterSchema);
  if (parsed.status !== "ok") return fail(parsed);
  const result = await deregisterMember(db, actor, parsed.value);
  if (result.status === "not-found") throw data(null, { status: 404 });
  if (result.status !== "ok") return fail(result);
  return redirect("/goodbye", { headers: { "Set-Cookie": memberCookie.clear() } });
}

export const meta = titleMeta("account.deregister.title");

export default function AccountDeregister() {
  const { word } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const errors = fieldErrors(result);

  return (
    <div className="space-y-6">
      <AccountPageHeader title={t("account.deregister.title")} description={t("account.deregister.description")} />

      <AccountSection
        className="border-red-200"
        headerClassName="border-red-100 bg-red-50/60"
        icon={AlertTriangle}
        iconClassName="text-red-600"
        title={t("account.deregister.warning")}
        description={t("account.deregister.consequences")}
      >
        <ul className="list-disc space-y-2 py-5 pr-5 pl-10 text-sm leading-6 text-slate-700 marker:text-red-400">
          <li>{t("account.deregister.c1")}</li>
          <li>{t("account.deregister.c2")}</li>
          <li>{t("account.deregister.c3")}</li>
          <li>{t("account.deregister.c4")}</li>
        </ul>
        <p className="border-t border-slate-100 px-5 py-3 text-sm text-slate-500">
          {t("account.deregister.alternative")}
        </p>
      </AccountSection>

      <Card>
        <Form method="post" noValidate className="space-y-5 px-5 py-5">
          <FailureNotice result={result} />
          <div className="grid gap-5 sm:grid-cols-2">
            <CurrentPasswordField name="password" errors={errors.password} />
            <TextField
              name="confirmation"
              label={t("account.deregister.confirmation")}
              hint={t("account.deregister.confirmationHint", { word })}
              errors={errors.confirmation}
              placeholder={word}
              autoComplete="off"
              spellCheck={false}
              required
            />
          </div>
          <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
            <ButtonLink to="/account" variant="secondary">
              {t("account.deregister.cancel")}
            </ButtonLink>
            <SubmitButton variant="danger" icon={UserX}>
              {t("account.deregister.submit")}
            </SubmitButton>
          </div>
        </Form>
      </Card>
    </div>
  );
}
