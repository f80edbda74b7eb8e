import type { Db } from "#app/lib/db.server.ts";

// Demo campaigns with targets, opportunities and distributed leads. Idempotent: re-running updates in place.
export async function seedDemoSales(_db: Db): Promise<void> {
  // filled in by the feature that owns this seed
}
