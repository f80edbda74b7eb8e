import { useRouteLoaderData } from "react-router";
import type { loader } from "#backoffice/routes/member/member-layout.tsx";

// The member page's tabs render inside its layout route and read the member and the actor's
// capabilities from it (loaded once per navigation), rather than loading them again.

/** The id of the layout route in app/routes.ts. */
export const MEMBER_ROUTE_ID = "crm/member-detail";

export function useMemberWorkspace() {
  const workspace = useRouteLoaderData<typeof loader>(MEMBER_ROUTE_ID);
  if (!workspace) throw new Error("useMemberWorkspace is only available inside the member layout");
  return workspace;
}
