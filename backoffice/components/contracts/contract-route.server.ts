import type { ActionFunctionArgs, LoaderFunctionArgs } from "react-router";
import type { db } from "#app/lib/db.server.ts";
import { getLocale } from "#app/lib/i18n/locale.server.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import type { ContractIntentArgs } from "#app/modules/contracts/contract-actions.server.ts";
import { contractLookups } from "#app/modules/contracts/contract-lookups.server.ts";
import { getContract, type ContractPage } from "#app/modules/contracts/contract-queries.server.ts";
import { runTabIntent } from "../record-action.server.ts";
import { loadRecordPage } from "../record-page.server.ts";
import { contractPath } from "./contract-paths.ts";

// The loader and action plumbing every tab of a contract shares: the guard, the id from the URL, the
// scope check in the query (404 outside it) and the intent dispatch.

export const CONTRACT_POLICY = { module: "opportunities", action: "browse" } as const;

/** The contract (scope applied by getContract), its lookups, and what the tab adds. */
export function loadContractTab<T extends object>(
  { request, params }: LoaderFunctionArgs,
  load: (database: typeof db, page: ContractPage, actor: StaffActor) => Promise<T> = async () => ({}) as T,
) {
  return loadRecordPage(request, CONTRACT_POLICY, params.contractId, async (database, actor, id) => {
    const page = await getContract(database, actor, id);
    if (!page) return null;
    const lookups = await contractLookups(database, await getLocale(request));
    return { ...page, lookups, ...(await load(database, page, actor)) };
  });
}

export function contractTabAction<R>(
  args: ActionFunctionArgs,
  tab: string,
  intents: Readonly<Record<string, (args: ContractIntentArgs) => R>>,
) {
  return runTabIntent(args, CONTRACT_POLICY, "contractId", (id) => contractPath(id, tab), intents);
}
