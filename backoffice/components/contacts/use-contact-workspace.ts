import { useRouteLoaderData } from "react-router";
import type { loader } from "#backoffice/routes/contact/contact-layout.tsx";

// The contact page's tabs render inside its layout route and read the contact, its key figures and
// the actor's rights from it (loaded once per navigation) rather than loading them again.

/** The id of the layout route in app/routes.ts. */
export const CONTACT_ROUTE_ID = "crm/contact-detail";

export function useContactWorkspace() {
  const workspace = useRouteLoaderData<typeof loader>(CONTACT_ROUTE_ID);
  if (!workspace) throw new Error("useContactWorkspace is only available inside the contact layout");
  return workspace;
}
