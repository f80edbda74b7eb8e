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
import { saveServiceForm, type ServiceRecordForm } from "./service-form-results.server.ts";

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
export const coverAssetForm: ServiceRecordForm = (db, actor, contractId, values) =>
  saveServiceForm(
    CoveredAssetSchema,
    values,
    { ...values, intent: "cover" },
    (covered) => setCoveredAsset(db, contractId, covered, actor),
    refusal,
  );

const UncoverSchema = z.object({ assetId: IdParam });

/** Removes a covered asset (intent "uncover"). */
export const uncoverAssetForm: ServiceRecordForm = (db, actor, contractId, values) =>
  saveServiceForm(
    UncoverSchema,
    values,
    { intent: "uncover" },
    ({ assetId }) => removeCoveredAsset(db, contractId, assetId, actor),
    refusal,
  );

/** Saves the contract's fields (intent "edit"). */
export const saveContractForm: ServiceRecordForm = (db, actor, contractId, values) =>
  saveServiceForm(
    ContractInputSchema,
    values,
    { ...values, intent: "edit" },
    // validated here; updateContract parses the raw form again and owns the rules
    () => updateContract(db, contractId, values as ContractInput, actor),
    refusal,
  );
