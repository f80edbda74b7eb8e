import { ArrowRight, BadgeCheck, LinkIcon, MailWarning, ShieldCheck } from "lucide-react";
import {
  Form,
  useActionData,
  useLoaderData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaArgs,
} from "react-router";
import { db } from "#app/lib/db.server.ts";
import { flashLocation } from "#app/lib/flash.ts";
import { clientIp } from "#app/lib/http.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { activateMember, inspectMemberToken } from "#app/modules/members/member-registration.server.ts";
import { ButtonLink } from "#app/ui/button.tsx";
import { SubmitButton } from "#app/ui/form/submit-button.tsx";
import { pageTitle } from "#app/ui/meta.ts";
import { ResultCard } from "#portal/components/member-auth-ui.tsx";

export const meta = ({ matches }: MetaArgs) => pageTitle(matches, "members.activate.title");

// Opening the link only shows a button; the POST activates. Mail scanners and link previews fetch
// links with GET, and must not use up the member's single-use token.

const MAX_TOKEN = 100;

export async function loader({ request }: LoaderFunctionArgs) {
  const token = (new URL(request.url).searchParams.get("token") ?? "").slice(0, MAX_TOKEN);
  const state = await inspectMemberToken(db, token, "activation");
  return { token: state === "valid" ? token : "", state };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const token = String(form.get("token") ?? "").slice(0, MAX_TOKEN);
  const result = await activateMember(db, token, { ipAddress: clientIp(context) });
  return result.kind === "activated" ? { state: "activated" as const } : { state: result.reason };
}

const FAILURE: Record<"invalid" | "expired" | "used", { title: MessageKey; body: MessageKey }> = {
  invalid: { title: "members.activate.invalidTitle", body: "members.activate.invalidBody" },
  expired: { title: "members.activate.expiredTitle", body: "members.activate.expiredBody" },
  used: { title: "members.activate.usedTitle", body: "members.activate.usedBody" },
};

export default function ActivatePage() {
  const { t } = useI18n();
  const loaded = useLoaderData<typeof loader>();
  const acted = useActionData<typeof action>();
  const state = acted?.state ?? loaded.state;

  if (state === "activated") {
    return (
      <ResultCard
        icon={BadgeCheck}
        tone="success"
        title={t("members.activate.doneTitle")}
        actions={
          <ButtonLink to={flashLocation("/login", "flash.members.activated")} size="lg">
            {t("members.activate.signIn")}
            <ArrowRight aria-hidden className="size-4" />
          </ButtonLink>
        }
      >
        <p>{t("members.activate.doneBody")}</p>
      </ResultCard>
    );
  }

  if (state === "valid") {
    return (
      <ResultCard icon={ShieldCheck} tone="info" title={t("members.activate.confirmTitle")}>
        <p>{t("members.activate.confirmBody")}</p>
        <Form method="post" className="pt-4">
          <input type="hidden" name="token" value={loaded.token} />
          <SubmitButton size="lg" className="w-full" pendingLabel={t("members.activate.submitting")}>
            {t("members.activate.submit")}
          </SubmitButton>
        </Form>
      </ResultCard>
    );
  }

  const failure = FAILURE[state];
  return (
    <ResultCard
      icon={state === "invalid" ? LinkIcon : MailWarning}
      tone="warning"
      title={t(failure.title)}
      actions={
        <>
          <ButtonLink to="/activate/resend" size="lg">
            {t("members.activate.resend")}
          </ButtonLink>
          <ButtonLink to="/login" size="lg" variant="secondary">
            {t("members.activate.signInInstead")}
          </ButtonLink>
        </>
      }
    >
      <p>{t(failure.body)}</p>
    </ResultCard>
  );
}
