import { z } from "zod";
import type { Db } from "#app/lib/db.server.ts";
import { IdParam } from "#app/lib/schemas.ts";
import {
  conflict,
  forbidden,
  invalid,
  notFound,
  ok,
  type Failure,
  type ServiceResult,
} from "#app/lib/service-result.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import {
  canApproveContracts,
  ContractError,
  ContractInputSchema,
  CoveredAssetSchema,
  removeCoveredAsset,
  setCoveredAsset,
  transitionContract,
  updateContract,
  type ContractInput,
  type ContractTransition,
} from "./service-contracts.server.ts";
import { invalidServiceForm } from "./service-form-results.server.ts";

// The contract page's forms as ServiceResults: field errors for bad input, 404 outside the actor's
// customers, 403 for approving without the right, 409 for a state or company that does not allow it.
// The rules stay in service-contracts.server.ts.

export const CONTRACT_TRANSITIONS = [
  "submit",
  "approve",
  "reject",
  "activate",
  "complete",
] as const satisfies readonly ContractTransition[];

export function isContractTransition(value: string): value is ContractTransition {
  return (CONTRACT_TRANSITIONS as readonly string[]).includes(value);
}

function refusal(error: unknown): Failure {
  if (!(error instanceof ContractError)) throw error;
  switch (error.code) {
    case "not-found":
      return notFound();
    case "forbidden":
      return forbidden("zones.bo.contract.error.approve");
    case "wrong-company":
      return conflict("zones.bo.contract.error.company");
    case "invalid-state":
      return conflict("zones.bo.contract.error.state");
    case "invalid-input":
      return invalid({}, ["zones.bo.error.form"]);
  }
}

/** Submit / approve / reject / activate / complete. */
export async function transitionContractForm(
  db: Db,
  actor: StaffActor,
  contractId: number,
  transition: ContractTransition,
): Promise<ServiceResult<ContractTransition>> {
  try {
    await transitionContract(db, { contractId, transition, actor, canApprove: canApproveContracts(actor) });
    return ok(transition);
  } catch (error) {
    return refusal(error);
  }
}

/** Adds (or re-values) a covered asset (intent "cover"). */
export async function coverAssetForm(
  db: Db,
  actor: StaffActor,
  contractId: number,
  values: Record<string, string>,
): Promise<ServiceResult<undefined>> {
  const parsed = CoveredAssetSchema.safeParse(values);
  if (!parsed.success) return invalidServiceForm(parsed.error.issues, { ...values, intent: "cover" });
  try {
    await setCoveredAsset(db, contractId, parsed.data, actor);
    return ok();
  } catch (error) {
    return refusal(error);
  }
}

const UncoverSchema = z.object({ assetId: IdParam });

/** Removes a covered asset (intent "uncover"). */
export async function uncoverAssetForm(
  db: Db,
  actor: StaffActor,
  contractId: number,
  values: Record<string, string>,
): Promise<ServiceResult<undefined>> {
  const parsed = UncoverSchema.safeParse(values);
  if (!parsed.success) return invalidServiceForm(parsed.error.issues, { intent: "uncover" });
  try {
    await removeCoveredAsset(db, contractId, parsed.data.assetId, actor);
    return ok();
  } catch (error) {
    return refusal(error);
  }
}

/** Saves the contract's fields (intent "edit"). */
export async function saveContractForm(
  db: Db,
  actor: StaffActor,
  contractId: number,
  values: Record<string, string>,
): Promise<ServiceResult<undefined>> {
  const parsed = ContractInputSchema.safeParse(values);
  if (!parsed.success) return invalidServiceForm(parsed.error.issues, { ...values, intent: "edit" });
  try {
    // validated above; updateContract parses the raw form again and owns the rules
    await updateContract(db, contractId, values as ContractInput, actor);
    return ok();
  } catch (error) {
    return refusal(error);
  }
}
