import type { ActionFunctionArgs } from "react-router";
import { requireIdParam, runIntent } from "#app/lib/forms.server.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";

// The action of a campaign page tab whose form posts several intents (任务与便笺, 参与人).

/** What each intent handler of a campaign tab receives. */
export interface CampaignIntentArgs {
  actor: StaffActor;
  campaignId: number;
  formData: FormData;
}

/**
 * Any signed-in staff member may post (the services check what the actor may do on this campaign,
 * which is out of reach → 404); the posted intent's handler answers, an unknown intent is a 400.
 */
export async function runCampaignIntent<F extends (args: CampaignIntentArgs) => unknown>(
  { request, params }: ActionFunctionArgs,
  intents: Readonly<Record<string, F>>,
) {
  const actor = await requireStaffActor(request, "signedIn");
  const campaignId = requireIdParam(params.campaignId);
  const formData = await request.formData();
  return runIntent(formData, intents, { actor, campaignId, formData });
}
