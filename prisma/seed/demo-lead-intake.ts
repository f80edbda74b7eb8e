import type { Db } from "#app/lib/db.server.ts";

// Demo campaign, products, token group, registration categories and channel key (filled in by the
// lead-intake work). Must be idempotent.
export async function seedDemoLeadIntake(_db: Db): Promise<void> {}
