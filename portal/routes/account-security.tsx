import { KeyRound, LogOut, Mail, Monitor, Smartphone } from "lucide-react";
import type { ReactNode } from "react";
import {
  data,
  Form,
  redirect,
  useActionData,
  useLoaderData,
  useLocation,
  useNavigation,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaArgs,
} from "react-router";
import { z } from "zod";
import { db } from "#app/lib/db.server.ts";
import { clientIp } from "#app/lib/http.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { getTranslator } from "#app/lib/i18n/locale.server.ts";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import {
  changeMemberPassword,
  EmailChangeSchema,
  listMemberSessions,
  parseAccountForm,
  PasswordChangeSchema,
  requestEmailChange,
  signOutOtherSessions,
  signOutSession,
  type AccountActor,
  type FieldErrors,
} from "#app/modules/members/member-account.server.ts";
import { requireMember } from "#app/modules/members/member-guard.server.ts";
import { Badge } from "#app/ui/badge.tsx";
import { Button } from "#app/ui/button.tsx";
import { Card, CardHeader } from "#app/ui/card.tsx";
import { pageTitle } from "#app/ui/meta.ts";
import { AccountPageHeader, formatMoment, Notice, TextField } from "#portal/components/account-ui.tsx";

const PATH = "/account/security";

const DoneSchema = z
  .object({
    done: z.enum(["password", "others", "one"]).optional().catch(undefined),
    count: z.coerce.number().int().min(0).max(10_000).catch(0),
  })
  .catch({ done: undefined, count: 0 });

export async function loader({ request }: LoaderFunctionArgs) {
  const principal = await requireMember(request);
  const params = new URL(request.url).searchParams;
  const sessions = await listMemberSessions(db, principal.member.id, principal.sessionId);
  return {
    email: principal.member.email,
    sessions,
    flash: DoneSchema.parse({ done: params.get("done") ?? undefined, count: params.get("count") ?? 0 }),
  };
}

type FormName = "password" | "email";
type ActionResult =
  | { form: FormName; status: "field-errors"; fieldErrors: FieldErrors<string>; values: Record<string, string> }
  | { form: FormName; status: "rate-limited"; minutes: number }
  | { form: "email"; status: "sent"; email: string };

export async function action({ request, context }: ActionFunctionArgs) {
  const principal = await requireMember(request);
  const form = Object.fromEntries(await request.formData());
  const actor: AccountActor = {
    memberId: principal.member.id,
    sessionId: principal.sessionId,
    ipAddress: clientIp(context),
  };
  const minutes = (seconds: number) => Math.max(1, Math.ceil(seconds / 60));

  switch (form.intent) {
    case "password": {
      const parsed = parseAccountForm(PasswordChangeSchema, form);
      if (!parsed.ok) {
        return data<ActionResult>(
          { form: "password", status: "field-errors", fieldErrors: parsed.fieldErrors, values: {} },
          { status: 400 },
        );
      }
      const result = await changeMemberPassword(db, actor, parsed.data);
      if (result.kind === "wrong-password") {
        return data<ActionResult>(
          {
            form: "password",
            status: "field-errors",
            fieldErrors: { currentPassword: "account.security.wrongPassword" },
            values: {},
          },
          { status: 401 },
        );
      }
      if (result.kind === "rate-limited") {
        return data<ActionResult>(
          { form: "password", status: "rate-limited", minutes: minutes(result.retryAfterSeconds) },
          { status: 429, headers: { "Retry-After": String(result.retryAfterSeconds) } },
        );
      }
      if (result.kind === "not-found") throw data(null, { status: 404 });
      return redirect(`${PATH}?done=password&count=${result.signedOutSessions}`);
    }

    case "email": {
      const values = { newEmail: typeof form.newEmail === "string" ? form.newEmail : "" };
      const parsed = parseAccountForm(EmailChangeSchema, form);
      if (!parsed.ok) {
        return data<ActionResult>(
          { form: "email", status: "field-errors", fieldErrors: parsed.fieldErrors, values },
          { status: 400 },
        );
      }
      const { locale } = await getTranslator(request);
      const result = await requestEmailChange(db, actor, parsed.data, { locale });
      switch (result.kind) {
        case "wrong-password":
          return data<ActionResult>(
            {
              form: "email",
              status: "field-errors",
              fieldErrors: { currentPassword: "account.security.wrongPassword" },
              values,
            },
            { status: 401 },
          );
        case "unchanged":
          return data<ActionResult>(
            {
              form: "email",
              status: "field-errors",
              fieldErrors: { newEmail: "account.validation.emailUnchanged" },
              values,
            },
            { status: 400 },
          );
        case "rate-limited":
          return data<ActionResult>(
            { form: "email", status: "rate-limited", minutes: minutes(result.retryAfterSeconds) },
            { status: 429, headers: { "Retry-After": String(result.retryAfterSeconds) } },
          );
        case "not-found":
          throw data(null, { status: 404 });
        case "sent":
          // The same answer whether or not the address is free (no enumeration).
          return data<ActionResult>({ form: "email", status: "sent", email: result.newEmail });
      }
      break;
    }

    case "sign-out-others": {
      const count = await signOutOtherSessions(db, actor);
      return redirect(`${PATH}?done=others&count=${count}`);
    }

    case "sign-out-session": {
      const sessionId = z.string().min(1).max(32).safeParse(form.sessionId);
      const done = sessionId.success && (await signOutSession(db, actor, sessionId.data));
      return redirect(done ? `${PATH}?done=one` : PATH);
    }
  }
  throw data({ error: "unknown intent" }, { status: 400 });
}

export const meta = ({ matches }: MetaArgs) => pageTitle(matches, "account.security.title");

export default function AccountSecurity() {
  const { email, sessions, flash } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const location = useLocation();
  const { t, locale } = useI18n();
  const busyIntent = navigation.state === "submitting" ? navigation.formData?.get("intent") : null;

  const errorsFor = (form: FormName) =>
    result?.form === form && result.status === "field-errors" ? result.fieldErrors : {};
  const pwErrors = errorsFor("password");
  const emailErrors = errorsFor("email");
  const msg = (key: string | undefined) => (key ? t(key as MessageKey) : undefined);
  const others = sessions.filter((s) => !s.current);

  return (
    <div className="space-y-6">
      <AccountPageHeader title={t("account.security.title")} description={t("account.security.description")} />

      {flash.done === "password" ? (
        <Notice tone="success">
          {flash.count > 0
            ? t("account.security.password.doneWithSessions", { count: flash.count })
            : t("account.security.password.done")}
        </Notice>
      ) : flash.done === "others" ? (
        <Notice tone="success">{t("account.security.sessions.othersSignedOut", { count: flash.count })}</Notice>
      ) : flash.done === "one" ? (
        <Notice tone="success">{t("account.security.sessions.oneSignedOut")}</Notice>
      ) : null}

      <Card>
        <CardHeader
          icon={<KeyRound className="size-4" aria-hidden />}
          title={t("account.security.password.title")}
          description={t("account.security.password.description")}
        />
        {/* Keyed by location: after a successful change (a redirect) the typed passwords are cleared. */}
        <Form key={location.key} method="post" noValidate className="space-y-5 px-5 py-5">
          <input type="hidden" name="intent" value="password" />
          {result?.form === "password" && result.status === "rate-limited" ? (
            <Notice tone="error">{t("account.security.rateLimited", { minutes: result.minutes })}</Notice>
          ) : null}
          {/* Lets password managers tie the new password to this account. */}
          <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
          <div className="grid gap-5 sm:grid-cols-2">
            <TextField
              id="password-current"
              name="currentPassword"
              type="password"
              autoComplete="current-password"
              label={t("account.security.currentPassword")}
              error={msg(pwErrors.currentPassword)}
              className="sm:col-span-2 sm:max-w-[calc(50%-0.625rem)]"
              required
            />
            <TextField
              id="password-new"
              name="newPassword"
              type="password"
              autoComplete="new-password"
              label={t("account.security.password.new")}
              hint={t("account.security.password.newHint")}
              error={msg(pwErrors.newPassword)}
              required
            />
            <TextField
              id="password-confirm"
              name="confirmPassword"
              type="password"
              autoComplete="new-password"
              label={t("account.security.password.confirm")}
              error={msg(pwErrors.confirmPassword)}
              required
            />
          </div>
          <div className="flex justify-end">
            <Button type="submit" disabled={busyIntent === "password"} className="w-full sm:w-auto">
              {t("account.security.password.submit")}
            </Button>
          </div>
        </Form>
      </Card>

      <Card>
        <CardHeader
          icon={<Mail className="size-4" aria-hidden />}
          title={t("account.security.email.title")}
          description={t("account.security.email.description")}
        />
        <Form method="post" noValidate className="space-y-5 px-5 py-5">
          <input type="hidden" name="intent" value="email" />
          {result?.form === "email" && result.status === "sent" ? (
            <Notice tone="success">{t("account.security.email.sent", { email: result.email })}</Notice>
          ) : null}
          {result?.form === "email" && result.status === "rate-limited" ? (
            <Notice tone="error">{t("account.security.email.rateLimited", { minutes: result.minutes })}</Notice>
          ) : null}
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
              error={msg(emailErrors.newEmail)}
              defaultValue={result?.form === "email" && result.status === "field-errors" ? result.values.newEmail : ""}
              key={result?.form === "email" && result.status === "sent" ? "sent" : "edit"}
              maxLength={191}
              required
            />
            <TextField
              id="email-password"
              name="currentPassword"
              type="password"
              autoComplete="current-password"
              label={t("account.security.currentPassword")}
              error={msg(emailErrors.currentPassword)}
              key={result?.form === "email" && result.status === "sent" ? "sent-pw" : "edit-pw"}
              required
            />
          </div>
          <div className="flex justify-end">
            <Button type="submit" variant="secondary" disabled={busyIntent === "email"} className="w-full sm:w-auto">
              {t("account.security.email.submit")}
            </Button>
          </div>
        </Form>
      </Card>

      <Card>
        <CardHeader
          icon={<Monitor className="size-4" aria-hidden />}
          title={t("account.security.sessions.title")}
          description={t("account.security.sessions.description")}
        />
        <ul className="divide-y divide-slate-100">
          {sessions.map((session) => {
            const device =
              [session.device.browser, session.device.os].filter(Boolean).join(" · ") ||
              t("account.security.sessions.unknownDevice");
            const Icon = session.device.os === "iOS" || session.device.os === "Android" ? Smartphone : Monitor;
            return (
              <li key={session.id} className="flex flex-wrap items-center gap-x-4 gap-y-2 px-5 py-4 text-sm">
                <span className="flex size-9 shrink-0 items-center justify-center rounded-lg bg-slate-100 text-slate-600">
                  <Icon aria-hidden className="size-4" />
                </span>
                <div className="min-w-0 flex-1">
                  <p className="flex flex-wrap items-center gap-2 font-medium text-slate-900">
                    {device}
                    {session.current ? <Badge tone="green">{t("account.security.sessions.current")}</Badge> : null}
                  </p>
                  <p className="mt-0.5 text-xs leading-5 text-slate-500">
                    <MetaItem>
                      {t("account.security.sessions.signedInAt", { time: formatMoment(session.createdAt, locale) })}
                    </MetaItem>
                    <MetaItem>
                      {t("account.security.sessions.lastActive", {
                        time: formatMoment(session.lastVerifiedAt, locale),
                      })}
                    </MetaItem>
                    {session.ipAddress ? (
                      <MetaItem>{t("account.security.sessions.ip", { ip: session.ipAddress })}</MetaItem>
                    ) : null}
                  </p>
                </div>
                {session.current ? null : (
                  <Form method="post">
                    <input type="hidden" name="intent" value="sign-out-session" />
                    <input type="hidden" name="sessionId" value={session.id} />
                    <Button
                      type="submit"
                      variant="ghost"
                      size="sm"
                      aria-label={t("account.security.sessions.signOutLabel", { device })}
                    >
                      <LogOut aria-hidden className="size-4" />
                      {t("account.security.sessions.signOut")}
                    </Button>
                  </Form>
                )}
              </li>
            );
          })}
        </ul>
        <div className="flex flex-col gap-3 border-t border-slate-100 px-5 py-4 sm:flex-row sm:items-center sm:justify-between">
          {others.length === 0 ? (
            <p className="text-sm text-slate-500">{t("account.security.sessions.noOthers")}</p>
          ) : (
            <span />
          )}
          <Form method="post">
            <input type="hidden" name="intent" value="sign-out-others" />
            <Button
              type="submit"
              variant="secondary"
              disabled={others.length === 0 || busyIntent === "sign-out-others"}
              className="w-full sm:w-auto"
            >
              <LogOut aria-hidden className="size-4" />
              {t("account.security.sessions.signOutOthers")}
            </Button>
          </Form>
        </div>
      </Card>
    </div>
  );
}

function MetaItem({ children }: { children: ReactNode }) {
  return <span className="mr-3 inline-block">{children}</span>;
}
