import type { z } from "zod";
import { conflict, invalid, notFound } from "#app/lib/service-result.ts";
import {
  addMaintenance,
  AssetError,
  AssetInputSchema,
  MaintenanceInputSchema,
  updateAsset,
  type AssetInput,
} from "./assets.server.ts";
import { saveServiceForm, type ServiceRecordForm } from "./service-form-results.server.ts";

type MaintenanceInput = z.input<typeof MaintenanceInputSchema>;

// The asset page's two forms as ServiceResults: field errors for bad input, 404 outside the
// actor's customers, 409 for a parent that breaks the tree. The rules stay in assets.server.ts.

/** Saves the asset's fields (intent "edit"). */
export const saveAssetForm: ServiceRecordForm = (db, actor, assetId, values) => {
  const refill = { ...values, intent: "edit" };
  return saveServiceForm(
    AssetInputSchema,
    values,
    refill,
    // validated here; updateAsset parses the raw form again and owns the rules
    () => updateAsset(db, assetId, values as AssetInput, actor),
    (error) => {
      if (!(error instanceof AssetError)) throw error;
      if (error.code === "not-found" || error.code === "forbidden") return notFound();
      if (error.code === "bad-parent") {
        return invalid({ parentId: ["zones.bo.asset.error.parent"] }, ["zones.bo.error.form"], refill);
      }
      return conflict("zones.bo.error.form");
    },
  );
};

/** Logs a maintenance entry (intent "maintenance"). */
export const logMaintenanceForm: ServiceRecordForm = (db, actor, assetId, values) =>
  saveServiceForm(
    MaintenanceInputSchema,
    values,
    { ...values, intent: "maintenance" },
    () => addMaintenance(db, assetId, values as MaintenanceInput, actor),
    (error) => {
      if (error instanceof AssetError && error.code === "not-found") return notFound();
      throw error;
    },
  );
