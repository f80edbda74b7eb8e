import { useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { z } from "zod";
import { db } from "#app/lib/db.server.ts";
import { parseForm } from "#app/lib/forms.server.ts";
import { IdParam, msg } from "#app/lib/schemas.ts";
import { fail, respond } from "#app/lib/service-result.ts";
import {
  removeCampaignParticipant,
  setCampaignParticipant,
} from "#app/modules/campaigns/campaign-participants.server.ts";
import { campaignResult } from "#app/modules/campaigns/campaign-result.server.ts";
import { getCampaignTeam } from "#app/modules/campaigns/campaign-workspace.server.ts";
import { ParticipantsCard } from "#backoffice/components/campaigns/participants-card.tsx";
import { CampaignTab } from "#backoffice/components/campaigns/campaign-tab.tsx";
import { useCampaignWorkspace } from "#backoffice/components/campaigns/use-campaign-workspace.ts";
import {
  runCampaignIntent,
  type CampaignIntentArgs,
} from "#backoffice/components/campaigns/campaign-tab-action.server.ts";
import { loadRecordPage } from "#backoffice/components/record-page.server.ts";

// The campaign page's 参与成员 tab: who works on the campaign and with which right; the owner, an
// admin or a campaigns-modify scope over the owner add, change and remove them.

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadRecordPage(request, "signedIn", params.campaignId, getCampaignTeam);
}

const ParticipantSchema = z.object({
  staffId: z.coerce.number(msg("sales.error.staff")).int().positive(msg("sales.error.staff")),
  // "1" grants modify; "0" or an unticked box (nothing sent) means browse only.
  canModify: z
    .enum(["0", "1"])
    .optional()
    .transform((v) => v === "1"),
});
const RemoveSchema = z.object({ staffId: IdParam });

const done = (campaignId: number) => ({
  successTo: `/crm/campaigns/${campaignId}/participants`,
  flash: "flash.saved" as const,
});

async function participant({ actor, campaignId, formData }: CampaignIntentArgs) {
  const parsed = await parseForm(formData, ParticipantSchema);
  if (parsed.status !== "ok") return fail(parsed);
  const mutation = await setCampaignParticipant(db, actor, campaignId, parsed.value);
  return respond(campaignResult(mutation, "participant", formData), done(campaignId));
}

async function participantRemove({ actor, campaignId, formData }: CampaignIntentArgs) {
  const parsed = await parseForm(formData, RemoveSchema);
  if (parsed.status !== "ok") return fail(parsed);
  const mutation = await removeCampaignParticipant(db, actor, campaignId, parsed.value.staffId);
  return respond(campaignResult(mutation, "participant-remove", formData), done(campaignId));
}

const INTENTS = { participant, "participant-remove": participantRemove };

export async function action(args: ActionFunctionArgs) {
  return runCampaignIntent(args, INTENTS);
}

export default function CampaignParticipantsTab() {
  const { capabilities } = useCampaignWorkspace();
  const { owner, participants, candidates } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <CampaignTab result={result} narrow>
      <ParticipantsCard
        owner={owner}
        participants={participants}
        candidates={candidates}
        canManage={capabilities.canManageParticipants}
        result={result}
      />
    </CampaignTab>
  );
}
