import { data, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { formIntent, requireIdParam } from "#app/lib/forms.server.ts";
import { clientIp } from "#app/lib/http.server.ts";
import { respond } from "#app/lib/service-result.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { campaignResult } from "#app/modules/campaigns/campaign-result.server.ts";
import { getCampaignLinkedRecords } from "#app/modules/campaigns/campaign-workspace.server.ts";
import { updateCampaign } from "#app/modules/campaigns/campaigns.server.ts";
import { FailureNotice } from "#app/ui/form/index.ts";
import { CampaignDescriptionCard } from "#backoffice/components/campaigns/campaign-description-card.tsx";
import { LinkedRecordsCard } from "#backoffice/components/campaigns/linked-records-card.tsx";
import { TargetsCard } from "#backoffice/components/campaigns/targets-card.tsx";
import { useCampaignWorkspace } from "#backoffice/components/campaigns/use-campaign-workspace.ts";
import { loadRecordPage } from "#backoffice/components/record-page.server.ts";

// The campaign page's index tab: targets against actuals, intent/plan/summary (editable by those who
// may modify the campaign) and the latest linked leads and opportunities.

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadRecordPage(request, "signedIn", params.campaignId, getCampaignLinkedRecords);
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requireStaffActor(request, "signedIn");
  const campaignId = requireIdParam(params.campaignId);
  const formData = await request.formData();
  if (formIntent(formData) !== "update") throw data(null, { status: 400 });
  const form = Object.fromEntries(formData);
  // The form sends the campaign's 意图 as intentText: "intent" names the form action.
  const input = { ...form, intent: form.intentText ?? "" };
  const mutation = await updateCampaign(db, actor, campaignId, input, {
    ipAddress: clientIp(context),
  });
  return respond(campaignResult(mutation, "update", formData), {
    successTo: `/crm/campaigns/${campaignId}`,
    flash: "flash.saved",
  });
}

export default function CampaignOverviewTab() {
  const { campaign, capabilities, actuals } = useCampaignWorkspace();
  const { leads, opportunities } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="space-y-6">
      <TargetsCard targets={campaign.targets} actuals={actuals} />
      <FailureNotice result={result} refusalsOnly />
      <CampaignDescriptionCard campaign={campaign} canModify={capabilities.canModify} result={result} />
      <LinkedRecordsCard
        leads={leads}
        opportunities={opportunities}
        counts={{ leads: actuals.leadCount, opportunities: actuals.opportunityCount }}
      />
    </div>
  );
}
