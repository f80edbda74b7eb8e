import { useRouteLoaderData } from "react-router";
import type { loader } from "#backoffice/routes/lead-detail.tsx";

// The lead page's tabs read the workspace their layout loaded (lead, capabilities, staff picker)
// instead of loading it again: one query set per request, one answer to "what may I do here".

export const LEAD_LAYOUT_ID = "crm/lead-detail";

export type LeadWorkspaceData = NonNullable<ReturnType<typeof useRouteLoaderData<typeof loader>>>;
export type LeadView = LeadWorkspaceData["lead"];

export function useLeadWorkspace(): LeadWorkspaceData {
  const workspace = useRouteLoaderData<typeof loader>(LEAD_LAYOUT_ID);
  // The tabs only render inside the layout, which throws (404) before rendering without data.
  if (!workspace) throw new Error("The lead tabs render inside the lead layout");
  return workspace;
}

export function leadPath(leadId: number, tab?: "work" | "follow-up" | "history"): string {
  return tab ? `/crm/leads/${leadId}/${tab}` : `/crm/leads/${leadId}`;
}
