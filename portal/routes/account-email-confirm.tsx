import { CheckCircle2, MailCheck, MailWarning } from "lucide-react";
import {
  data,
  Form,
  useActionData,
  useLoaderData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
} from "react-router";
import { z } from "zod";
import { db } from "#app/lib/db.server.ts";
import { clientIp } from "#app/lib/http.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { getTranslator } from "#app/lib/i18n/locale.server.ts";
import { confirmEmailChange, inspectEmailChangeToken } from "#app/modules/members/member-credentials.server.ts";
import { requireMember } from "#app/modules/members/member-guard.server.ts";
import { ButtonLink } from "#app/ui/button.tsx";
import { Card } from "#app/ui/card.tsx";
import { EmptyState } from "#app/ui/empty-state.tsx";
import { SubmitButton } from "#app/ui/form/submit-button.tsx";
import { titleMeta } from "#app/ui/meta.ts";

// The link in the member-email-change mail lands here. Opening it only shows what will happen; the
// change needs a click (a POST), so mail scanners that prefetch links cannot use it up. The member
// must be signed in to the account the link belongs to.

const TokenSchema = z.string().trim().min(1).max(100);

export async function loader({ request }: LoaderFunctionArgs) {
  const principal = await requireMember(request);
  const token = TokenSchema.safeParse(new URL(request.url).searchParams.get("token"));
  if (!token.success) return { token: "", state: { ok: false as const, reason: "invalid" as const } };
  const state = await inspectEmailChangeToken(db, principal.member.id, token.data);
  return { token: token.data, state };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const principal = await requireMember(request);
  const token = TokenSchema.safeParse((await request.formData()).get("token"));
  if (!token.success) return data({ kind: "invalid" as const }, { status: 400 });
  const { locale } = await getTranslator(request);
  const result = await confirmEmailChange(
    db,
    { memberId: principal.member.id, ipAddress: clientIp(context) },
    token.data,
    { locale },
  );
  return data(result, { status: result.kind === "ok" ? 200 : 409 });
}

export const meta = titleMeta("account.emailConfirm.title");

export default function AccountEmailConfirm() {
  const { token, state } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();

  const back = (
    <ButtonLink to="/account/security" variant="secondary">
      {t("account.emailConfirm.back")}
    </ButtonLink>
  );

  if (result?.kind === "ok") {
    return (
      <Card className="[overflow-wrap:anywhere]">
        <EmptyState
          icon={<CheckCircle2 className="size-5" aria-hidden />}
          title={t("account.emailConfirm.ok.title")}
          description={t("account.emailConfirm.ok.body", { email: result.newEmail })}
          titleAs="h1"
        >
          {back}
        </EmptyState>
      </Card>
    );
  }

  const failure = result ? result.kind : state.ok ? null : state.reason;
  if (failure) {
    return (
      <Card className="[overflow-wrap:anywhere]">
        <EmptyState
          icon={<MailWarning className="size-5" aria-hidden />}
          title={t(`account.emailConfirm.${failure}.title`)}
          description={t(`account.emailConfirm.${failure}.body`)}
          titleAs="h1"
        >
          {back}
        </EmptyState>
      </Card>
    );
  }

  return (
    <Card className="[overflow-wrap:anywhere]">
      <EmptyState
        icon={<MailCheck className="size-5" aria-hidden />}
        eyebrow={t("account.emailConfirm.title")}
        title={state.ok ? t("account.emailConfirm.prompt", { email: state.newEmail }) : ""}
        description={t("account.emailConfirm.body")}
        titleAs="h1"
      >
        <Form method="post" className="flex flex-wrap justify-center gap-3">
          <input type="hidden" name="token" value={token} />
          <ButtonLink to="/account/security" variant="secondary">
            {t("account.emailConfirm.cancel")}
          </ButtonLink>
          <SubmitButton>{t("account.emailConfirm.submit")}</SubmitButton>
        </Form>
      </EmptyState>
    </Card>
  );
}
