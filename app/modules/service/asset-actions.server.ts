import type { z } from "zod";
import type { Db } from "#app/lib/db.server.ts";
import { conflict, invalid, notFound, ok, type ServiceResult } from "#app/lib/service-result.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import {
  addMaintenance,
  AssetError,
  AssetInputSchema,
  MaintenanceInputSchema,
  updateAsset,
  type AssetInput,
} from "./assets.server.ts";
import { invalidServiceForm } from "./service-form-results.server.ts";

type MaintenanceInput = z.input<typeof MaintenanceInputSchema>;

// The asset page's two forms as ServiceResults: field errors for bad input, 404 outside the
// actor's customers, 409 for a parent that breaks the tree. The rules stay in assets.server.ts.

/** Saves the asset's fields (intent "edit"). */
export async function saveAssetForm(
  db: Db,
  actor: StaffActor,
  assetId: number,
  values: Record<string, string>,
): Promise<ServiceResult<undefined>> {
  const parsed = AssetInputSchema.safeParse(values);
  if (!parsed.success) return invalidServiceForm(parsed.error.issues, { ...values, intent: "edit" });
  try {
    // validated above; updateAsset parses the raw form again and owns the rules
    await updateAsset(db, assetId, values as AssetInput, actor);
    return ok();
  } catch (error) {
    if (!(error instanceof AssetError)) throw error;
    if (error.code === "not-found" || error.code === "forbidden") return notFound();
    if (error.code === "bad-parent") {
      return invalid({ parentId: ["zones.bo.asset.error.parent"] }, ["zones.bo.error.form"], {
        ...values,
        intent: "edit",
      });
    }
    return conflict("zones.bo.error.form");
  }
}

/** Logs a maintenance entry (intent "maintenance"). */
export async function logMaintenanceForm(
  db: Db,
  actor: StaffActor,
  assetId: number,
  values: Record<string, string>,
): Promise<ServiceResult<undefined>> {
  const parsed = MaintenanceInputSchema.safeParse(values);
  if (!parsed.success) return invalidServiceForm(parsed.error.issues, { ...values, intent: "maintenance" });
  try {
    await addMaintenance(db, assetId, values as MaintenanceInput, actor);
    return ok();
  } catch (error) {
    if (error instanceof AssetError && error.code === "not-found") return notFound();
    throw error;
  }
}
