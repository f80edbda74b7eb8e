import type { Db } from "#app/lib/db.server.ts";

// Demo solutions (knowledge base) and zone polls. Idempotent: re-running updates in place.
export async function seedDemoKnowledge(_db: Db): Promise<void> {
  // filled in by the feature that owns this seed
}
