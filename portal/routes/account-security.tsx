import { KeyRound, LogOut, Mail, Monitor } from "lucide-react";
import {
  Form,
  useActionData,
  useLoaderData,
  useLocation,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
} from "react-router";
import { db } from "#app/lib/db.server.ts";
import { redirectWithFlash } from "#app/lib/flash.server.ts";
import { formIntent, parseForm } from "#app/lib/forms.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { getTranslator } from "#app/lib/i18n/locale.server.ts";
import { fail, invalid, respond } from "#app/lib/service-result.ts";
import { EmailChangeSchema, PasswordChangeSchema } from "#app/modules/members/member-account-schemas.ts";
import { changeMemberPassword, requestEmailChange } from "#app/modules/members/member-credentials.server.ts";
import { requireMember } from "#app/modules/members/member-guard.server.ts";
import type { AccountActor } from "#app/modules/members/member-reauth.server.ts";
import {
  listMemberSessions,
  signOutOtherSessions,
  signOutSession,
} from "#app/modules/members/member-sessions.server.ts";
import {
  FailureNotice,
  fieldErrors,
  FormNotice,
  SubmitButton,
  submittedValues,
  TextField,
} from "#app/ui/form/index.ts";
import { titleMeta } from "#app/ui/meta.ts";
import { requireAccountActor } from "#portal/components/account-actor.server.ts";
import { AccountPageHeader, AccountSection, AccountSubmitRow } from "#portal/components/account-ui.tsx";
import { CurrentPasswordField } from "#portal/components/current-password-field.tsx";
import { SessionList } from "#portal/components/session-list.tsx";

const PATH = "/account/security";

export async function loader({ request }: LoaderFunctionArgs) {
  const principal = await requireMember(request);
  const sessions = await listMemberSessions(db, principal.member.id, principal.sessionId);
  return { email: principal.member.email, sessions };
}

type Intent = "password" | "email" | "sign-out-others" | "sign-out-session";

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireAccountActor({ request, context });
  const form = await request.formData();
  switch (formIntent(form) as Intent | "") {
    case "password":
      return changePassword(form, actor);
    case "email":
      return changeEmail(request, form, actor);
    case "sign-out-others": {
      const count = await signOutOtherSessions(db, actor);
      return redirectWithFlash(PATH, "flash.account.othersSignedOut", { vars: { count } });
    }
    case "sign-out-session": {
      const sessionId = form.get("sessionId");
      const done =
        typeof sessionId === "string" && sessionId.length <= 32 && (await signOutSession(db, actor, sessionId));
      return done
        ? redirectWithFlash(PATH, "flash.account.oneSignedOut")
        : redirectWithFlash(PATH, "flash.info.noChanges");
    }
    default:
      return fail(invalid({}, ["validation.invalid"]));
  }
}

async function changePassword(form: FormData, actor: AccountActor) {
  const parsed = await parseForm(form, PasswordChangeSchema);
  if (parsed.status !== "ok") return fail({ ...parsed, form: "password" as const });
  const result = await changeMemberPassword(db, actor, parsed.value);
  return respond(withForm(result, "password"), {
    successTo: PATH,
    flash: ({ signedOutSessions }) =>
      signedOutSessions > 0 ? "flash.account.passwordChangedSessions" : "flash.account.passwordChanged",
    flashVars: ({ signedOutSessions }) => ({ count: signedOutSessions }),
  });
}

async function changeEmail(request: Request, form: FormData, actor: AccountActor) {
  const parsed = await parseForm(form, EmailChangeSchema);
  if (parsed.status !== "ok") return fail({ ...parsed, form: "email" as const });
  const { locale } = await getTranslator(request);
  const result = await requestEmailChange(db, actor, parsed.value, { locale });
  // The same answer whether or not the address is free (no enumeration); the page says "sent".
  if (result.status === "ok") return { status: "sent" as const, form: "email" as const, email: result.value.newEmail };
  return fail(withForm(result, "email"));
}

/** Two forms post here: tag the answer with the one it belongs to, so only that form shows it. */
function withForm<R extends object>(result: R, form: "password" | "email"): R & { form: typeof form } {
  return { ...result, form };
}

export const meta = titleMeta("account.security.title");

export default function AccountSecurity() {
  const { email, sessions } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const location = useLocation();
  const { t } = useI18n();
  const forForm = (form: "password" | "email") => (result && "form" in result && result.form === form ? result : null);
  const password = forForm("password");
  const emailResult = forForm("email");
  const pwErrors = fieldErrors(password);
  const emailErrors = fieldErrors(emailResult);
  const sent = emailResult?.status === "sent" ? emailResult : null;

  return (
    <div className="space-y-6">
      <AccountPageHeader title={t("account.security.title")} description={t("account.security.description")} />

      <AccountSection
        icon={KeyRound}
        title={t("account.security.password.title")}
        description={t("account.security.password.description")}
      >
        {/* Keyed by location: after a successful change (a redirect) the typed passwords are cleared. */}
        <Form key={location.key} method="post" noValidate className="space-y-5 px-5 py-5">
          <FailureNotice result={password} />
          {/* Lets password managers tie the new password to this account. */}
          <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
          <div className="grid gap-5 sm:grid-cols-2">
            <CurrentPasswordField
              id="password-current"
              errors={pwErrors.currentPassword}
              className="sm:col-span-2 sm:max-w-[calc(50%-0.625rem)]"
            />
            <TextField
              id="password-new"
              name="newPassword"
              type="password"
              autoComplete="new-password"
              label={t("account.security.password.new")}
              hint={t("account.security.password.newHint")}
              errors={pwErrors.newPassword}
              required
            />
            <TextField
              id="password-confirm"
              name="confirmPassword"
              type="password"
              autoComplete="new-password"
              label={t("account.security.password.confirm")}
              errors={pwErrors.confirmPassword}
              required
            />
          </div>
          <AccountSubmitRow intent="password">{t("common.changePassword")}</AccountSubmitRow>
        </Form>
      </AccountSection>

      <AccountSection
        icon={Mail}
        title={t("account.security.email.title")}
        description={t("account.security.email.description")}
      >
        <Form key={sent ? "sent" : "edit"} method="post" noValidate className="space-y-5 px-5 py-5">
          {sent ? (
            <FormNotice tone="success">{t("account.security.email.sent", { email: sent.email })}</FormNotice>
          ) : null}
          <FailureNotice result={emailResult} />
          <div className="rounded-lg bg-slate-50 px-4 py-3 text-sm">
            <span className="text-slate-500">{t("account.security.email.current")}</span>
            <span className="ml-2 font-medium break-all text-slate-900">{email}</span>
          </div>
          <div className="grid gap-5 sm:grid-cols-2">
            <TextField
              id="email-new"
              name="newEmail"
              type="email"
              autoComplete="email"
              label={t("account.security.email.new")}
              errors={emailErrors.newEmail}
              defaultValue={submittedValues(emailResult)?.newEmail ?? ""}
              maxLength={191}
              required
            />
            <CurrentPasswordField id="email-password" errors={emailErrors.currentPassword} />
          </div>
          <AccountSubmitRow intent="email" variant="secondary">
            {t("account.security.email.submit")}
          </AccountSubmitRow>
        </Form>
      </AccountSection>

      <AccountSection
        icon={Monitor}
        title={t("account.security.sessions.title")}
        description={t("account.security.sessions.description")}
      >
        <SessionList sessions={sessions} />
        <div className="flex flex-col gap-3 border-t border-slate-100 px-5 py-4 sm:flex-row sm:items-center sm:justify-between">
          {sessions.some((s) => !s.current) ? (
            <span />
          ) : (
            <p className="text-sm text-slate-500">{t("account.security.sessions.noOthers")}</p>
          )}
          <Form method="post">
            <SubmitButton
              intent="sign-out-others"
              variant="secondary"
              disabled={!sessions.some((s) => !s.current)}
              className="w-full sm:w-auto"
              icon={LogOut}
            >
              {t("account.security.sessions.signOutOthers")}
            </SubmitButton>
          </Form>
        </div>
      </AccountSection>
    </div>
  );
}
