import { useRouteLoaderData } from "react-router";
import type { loader } from "#backoffice/routes/campaign/campaign-layout.tsx";

// The campaign page's tabs render inside its layout route and read the record, the actuals and the
// actor's capabilities from it (loaded once per navigation), rather than loading them again.

/** The id of the layout route in app/routes.ts. */
export const CAMPAIGN_ROUTE_ID = "crm/campaign-detail";

export function useCampaignWorkspace() {
  const workspace = useRouteLoaderData<typeof loader>(CAMPAIGN_ROUTE_ID);
  if (!workspace) throw new Error("useCampaignWorkspace is only available inside the campaign layout");
  return workspace;
}
