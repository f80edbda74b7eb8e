import { useRouteLoaderData } from "react-router";
import type { loader } from "#backoffice/routes/contract-detail.tsx";

// The contract's tabs render inside its layout route and read the record from it; each tab's own
// loader and action still check the scope themselves (contract-route.server.ts).

export const CONTRACT_ROUTE_ID = "crm/contract";

export function useContractRecord() {
  const record = useRouteLoaderData<typeof loader>(CONTRACT_ROUTE_ID);
  if (!record) throw new Error("useContractRecord is only available inside the contract layout");
  return record;
}
