import { AlertTriangle, HeartHandshake, UserX } from "lucide-react";
import {
  data,
  Form,
  redirect,
  useActionData,
  useLoaderData,
  useNavigation,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaArgs,
} from "react-router";
import { db } from "#app/lib/db.server.ts";
import { clientIp } from "#app/lib/http.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { getLocale } from "#app/lib/i18n/locale.server.ts";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import {
  DEREGISTER_CONFIRM_WORDS,
  deregisterMember,
  DeregisterSchema,
  parseAccountForm,
  type FieldErrors,
} from "#app/modules/members/member-account.server.ts";
import { getOptionalMember, requireMember } from "#app/modules/members/member-guard.server.ts";
import { memberCookie } from "#app/modules/members/member-session.server.ts";
import { ButtonLink } from "#app/ui/button.tsx";
import { Card, CardHeader } from "#app/ui/card.tsx";
import { EmptyState } from "#app/ui/empty-state.tsx";
import { pageTitle } from "#app/ui/meta.ts";
import { AccountPageHeader, isGoodbye, Notice, TextField } from "#portal/components/account-ui.tsx";

// 注销帐户 (seed 000 §2.A): the member removes their own account. The person's data goes, the business
// history stays (see deregisterMember). Afterwards the browser is signed out and sees a goodbye.

export async function loader({ request }: LoaderFunctionArgs) {
  const signedIn = await getOptionalMember(request);
  if (!signedIn && isGoodbye(new URL(request.url))) return { kind: "goodbye" as const };
  await requireMember(request);
  return { kind: "form" as const, word: DEREGISTER_CONFIRM_WORDS[await getLocale(request)] };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const principal = await requireMember(request);
  const parsed = parseAccountForm(DeregisterSchema, Object.fromEntries(await request.formData()));
  if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors, minutes: 0 }, { status: 400 });
  const result = await deregisterMember(
    db,
    {
      memberId: principal.member.id,
      sessionId: principal.sessionId,
      ipAddress: clientIp(context),
    },
    parsed.data,
  );
  switch (result.kind) {
    case "wrong-password": {
      const fieldErrors: FieldErrors<string> = { password: "account.security.wrongPassword" };
      return data({ fieldErrors, minutes: 0 }, { status: 401 });
    }
    case "rate-limited":
      return data(
        { fieldErrors: {} as FieldErrors<string>, minutes: Math.max(1, Math.ceil(result.retryAfterSeconds / 60)) },
        { status: 429, headers: { "Retry-After": String(result.retryAfterSeconds) } },
      );
    case "not-found":
      throw data(null, { status: 404 });
    case "ok":
      return redirect("/account/deregister?done=1", { headers: { "Set-Cookie": memberCookie.clear() } });
  }
}

export const meta = ({ matches, data: loaderData }: MetaArgs<typeof loader>) =>
  pageTitle(matches, loaderData?.kind === "goodbye" ? "account.deregister.goodbye.title" : "account.deregister.title");

export default function AccountDeregister() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useI18n();

  if (page.kind === "goodbye") {
    return (
      <Card>
        <EmptyState
          icon={<HeartHandshake className="size-5" aria-hidden />}
          title={t("account.deregister.goodbye.title")}
          description={t("account.deregister.goodbye.body")}
          titleAs="h1"
          className="py-14"
        >
          <ButtonLink to="/">{t("account.deregister.goodbye.home")}</ButtonLink>
          <ButtonLink to="/register" variant="secondary">
            {t("account.deregister.goodbye.register")}
          </ButtonLink>
        </EmptyState>
      </Card>
    );
  }

  const errors: FieldErrors<string> = result?.fieldErrors ?? {};
  const msg = (field: string) => (errors[field] ? t(errors[field] as MessageKey) : undefined);

  return (
    <div className="space-y-6">
      <AccountPageHeader title={t("account.deregister.title")} description={t("account.deregister.description")} />

      <Card className="border-red-200">
        <CardHeader
          icon={<AlertTriangle className="size-4 text-red-600" aria-hidden />}
          title={t("account.deregister.warning")}
          description={t("account.deregister.consequences")}
          className="border-red-100 bg-red-50/60"
        />
        <ul className="list-disc space-y-2 py-5 pr-5 pl-10 text-sm leading-6 text-slate-700 marker:text-red-400">
          <li>{t("account.deregister.c1")}</li>
          <li>{t("account.deregister.c2")}</li>
          <li>{t("account.deregister.c3")}</li>
          <li>{t("account.deregister.c4")}</li>
        </ul>
        <p className="border-t border-slate-100 px-5 py-3 text-sm text-slate-500">
          {t("account.deregister.alternative")}
        </p>
      </Card>

      <Card>
        <Form method="post" noValidate className="space-y-5 px-5 py-5">
          {result && result.minutes > 0 ? (
            <Notice tone="error">{t("account.security.rateLimited", { minutes: result.minutes })}</Notice>
          ) : null}
          <div className="grid gap-5 sm:grid-cols-2">
            <TextField
              name="password"
              type="password"
              autoComplete="current-password"
              label={t("account.deregister.password")}
              error={msg("password")}
              required
            />
            <TextField
              name="confirmation"
              label={t("account.deregister.confirmation")}
              hint={t("account.deregister.confirmationHint", { word: page.word })}
              error={msg("confirmation")}
              placeholder={page.word}
              autoComplete="off"
              spellCheck={false}
              required
            />
          </div>
          <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
            <ButtonLink to="/account" variant="secondary">
              {t("account.deregister.cancel")}
            </ButtonLink>
            <button
              type="submit"
              disabled={navigation.state === "submitting"}
              className="inline-flex h-10 shrink-0 items-center justify-center gap-2 rounded-lg bg-red-600 px-4 text-sm font-medium whitespace-nowrap text-white shadow-sm shadow-red-600/20 transition-colors hover:bg-red-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-600 active:bg-red-800 disabled:pointer-events-none disabled:opacity-50"
            >
              <UserX aria-hidden className="size-4" />
              {t("account.deregister.submit")}
            </button>
          </div>
        </Form>
      </Card>
    </div>
  );
}
