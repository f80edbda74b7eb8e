import type { Db } from "#app/lib/db.server.ts";

// Demo service requests with replies and ratings. Idempotent: re-running updates in place.
export async function seedDemoService(_db: Db): Promise<void> {
  // filled in by the feature that owns this seed
}
