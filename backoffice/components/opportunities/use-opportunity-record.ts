import { useRouteLoaderData } from "react-router";
import type { loader } from "#backoffice/routes/opportunity-detail.tsx";

// The opportunity's tabs render inside its layout route and read the record from it; each tab's own
// loader still checks the scope itself (opportunity-route.server.ts).

export const OPPORTUNITY_ROUTE_ID = "crm/opportunity-detail";

export function useOpportunityRecord() {
  const record = useRouteLoaderData<typeof loader>(OPPORTUNITY_ROUTE_ID);
  if (!record) throw new Error("useOpportunityRecord is only available inside the opportunity layout");
  return record;
}
