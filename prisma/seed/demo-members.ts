import type { Db } from "#app/lib/db.server.ts";

// Demo portal members (filled in by the members work). Must be idempotent.
export async function seedDemoMembers(_db: Db): Promise<void> {}
