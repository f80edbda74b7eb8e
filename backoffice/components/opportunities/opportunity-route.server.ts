import type { ActionFunctionArgs, LoaderFunctionArgs } from "react-router";
import type { db } from "#app/lib/db.server.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import type { IntentArgs } from "#app/modules/crm/opportunities/opportunity-actions.server.ts";
import { opportunityTabAccess } from "#app/modules/crm/opportunities/opportunity-detail.server.ts";
import { runTabIntent } from "../record-action.server.ts";
import { loadRecordPage } from "../record-page.server.ts";

// The loader and action plumbing every tab of an opportunity shares: the guard, the id from the URL,
// the scope check (404 outside it) and the intent dispatch; each tab says only what it loads and
// which intents its forms post.

export const OPPORTUNITY_POLICY = { module: "opportunities", action: "browse" } as const;

export const opportunityPath = (id: number, tab = "") => `/crm/opportunities/${id}${tab ? `/${tab}` : ""}`;

export function loadOpportunityTab<T extends object>(
  { request, params }: LoaderFunctionArgs,
  load: (database: typeof db, id: number, actor: StaffActor) => Promise<T>,
) {
  return loadRecordPage(request, OPPORTUNITY_POLICY, params.opportunityId, async (database, actor, id) => {
    const access = await opportunityTabAccess(database, actor, id);
    if (!access) return null;
    return { ...access, ...(await load(database, id, actor)) };
  });
}

export function opportunityTabAction<R>(
  args: ActionFunctionArgs,
  tab: string,
  intents: Readonly<Record<string, (args: IntentArgs) => R>>,
) {
  return runTabIntent(args, OPPORTUNITY_POLICY, "opportunityId", (id) => opportunityPath(id, tab), intents);
}
