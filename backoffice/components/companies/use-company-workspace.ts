import { useRouteLoaderData } from "react-router";
import type { loader } from "#backoffice/routes/company/company-layout.tsx";

// The company page's tabs render inside its layout route and read the company and the actor's
// capabilities from it (loaded once per navigation) rather than loading them again. Every tab's own
// loader still applies the scope itself (company-tabs.server.ts).

/** The id of the layout route in app/routes.ts. */
export const COMPANY_ROUTE_ID = "crm/company-detail";

export function useCompanyWorkspace() {
  const workspace = useRouteLoaderData<typeof loader>(COMPANY_ROUTE_ID);
  if (!workspace) throw new Error("useCompanyWorkspace is only available inside the company layout");
  return workspace;
}
