import type { Db } from "#app/lib/db.server.ts";

// The 线索自动分发规则 of the demo organisation. Idempotent: re-running updates in place.
export async function seedDemoDistributionRules(_db: Db): Promise<void> {
  // filled in by the feature that owns this seed
}
