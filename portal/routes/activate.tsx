import { BadgeCheck, ShieldCheck } from "lucide-react";
import { Form, useActionData, useLoaderData, type ActionFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { clientIp } from "#app/lib/http.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { activateMember } from "#app/modules/members/member-registration.server.ts";
import { SubmitButton } from "#app/ui/form/submit-button.tsx";
import { titleMeta } from "#app/ui/meta.ts";
import { ResultCard } from "#portal/components/member-auth-ui.tsx";
import { TokenLinkDone, TokenLinkFailure } from "#portal/components/token-link-ui.tsx";
import { tokenFrom, tokenLinkLoader } from "#portal/components/token-link.server.ts";

export const meta = titleMeta("members.activate.title");

// Opening the link only shows a button; the POST activates.

export const loader = tokenLinkLoader("activation");

export async function action({ request, context }: ActionFunctionArgs) {
  const token = tokenFrom((await request.formData()).get("token"));
  const result = await activateMember(db, token, { ipAddress: clientIp(context) });
  return result.kind === "activated" ? { state: "activated" as const } : { state: result.reason };
}

export default function ActivatePage() {
  const { t } = useI18n();
  const loaded = useLoaderData<typeof loader>();
  const state = useActionData<typeof action>()?.state ?? loaded.state;

  if (state === "activated") return <TokenLinkDone area="activate" icon={BadgeCheck} flash="flash.members.activated" />;

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

  return <TokenLinkFailure area="activate" reason={state} />;
}
