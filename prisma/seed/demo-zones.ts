import type { Db } from "#app/lib/db.server.ts";

// Demo customer zones with members, CSRs, assets and service contracts. Idempotent: re-running updates in place.
export async function seedDemoZones(_db: Db): Promise<void> {
  // filled in by the feature that owns this seed
}
