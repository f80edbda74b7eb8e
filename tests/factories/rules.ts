import type { Db } from "#app/lib/db.server.ts";
import { mergeGrants } from "#app/modules/auth/permissions.ts";
import { staffActorFor, type StaffActor } from "#app/modules/auth/staff-actor.ts";
import { createTestStaff } from "./staff.ts";

// Marketing-rules fixtures: who is acting, and small token groups written straight into the tables.

let serial = 0;

/** A staff member plus their StaffActor, built from the same grants a session would load. */
export async function createRulesActor(
  db: Db,
  options: { isAdmin?: boolean; grants?: NonNullable<Parameters<typeof createTestStaff>[1]>["grants"] } = {},
): Promise<{ actor: StaffActor; staffId: number }> {
  const { staff } = await createTestStaff(db, options);
  const actor = staffActorFor(staff, { isAdmin: options.isAdmin, grants: mergeGrants(options.grants ?? []) });
  return { staffId: staff.id, actor };
}

/** A marketing manager: leads:modify with scope all. */
export function createMarketingManager(db: Db) {
  return createRulesActor(db, {
    grants: [
      { module: "leads", action: "browse", scope: "all" },
      { module: "leads", action: "modify", scope: "all" },
    ],
  });
}

export async function createTestTokenGroup(
  db: Db,
  members: Array<{ staffId: number; active?: boolean }>,
  options: { name?: string; cursor?: number } = {},
) {
  serial++;
  return db.tokenGroup.create({
    data: {
      name: options.name ?? `测试令牌组${serial}-${Date.now()}`,
      cursor: options.cursor ?? -1,
      members: {
        create: members.map((m, position) => ({ staffId: m.staffId, position, active: m.active ?? true })),
      },
    },
    include: { members: { orderBy: { position: "asc" } } },
  });
}
