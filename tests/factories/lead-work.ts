import type { Db } from "#app/lib/db.server.ts";
import type { AssigneeRights } from "#app/modules/leads/distribution/lead-distribution.server.ts";
import { createTestLead, type TestLeadOptions } from "./lead-inbox.ts";
import { createTestStaff } from "./staff.ts";

// Leads handed to salespeople, for the distribution / claim / field-rights tests (#5).

/** A salesperson as the demo role has it: leads browse/modify with own scope. */
export async function createTestSalesperson(db: Db, options: { teamId?: number | null } = {}) {
  const { staff } = await createTestStaff(db, {
    teamId: options.teamId ?? null,
    grants: [
      { module: "leads", action: "browse", scope: "own" },
      { module: "leads", action: "modify", scope: "own" },
      { module: "leads", action: "add", scope: "own" },
    ],
  });
  return staff;
}

/** A manager whose leads scope covers other people's leads. */
export async function createTestLeadManager(db: Db, scope: "team" | "all", teamId: number | null = null) {
  const { staff } = await createTestStaff(db, {
    teamId,
    grants: [
      { module: "leads", action: "browse", scope },
      { module: "leads", action: "modify", scope },
      { module: "leads", action: "add", scope },
      { module: "leads", action: "transfer", scope },
    ],
  });
  return staff;
}

export function rights(
  staffId: number,
  granted: Partial<Record<"need" | "contact" | "company" | "status", boolean>> = {},
): AssigneeRights {
  return {
    staffId,
    canEditNeed: granted.need ?? false,
    canEditContact: granted.contact ?? false,
    canEditCompany: granted.company ?? false,
    canEditStatus: granted.status ?? false,
  };
}

export const ALL_RIGHTS = { need: true, contact: true, company: true, status: true } as const;

/** A lead with an active assignment for each of `assignees` (rights as given), written directly. */
export async function createAssignedLead(db: Db, options: TestLeadOptions & { assignees: AssigneeRights[] }) {
  const { assignees, ...leadOptions } = options;
  const lead = await createTestLead(db, { status: "assigned", ...leadOptions });
  for (const a of assignees) {
    await db.leadAssignment.create({ data: { leadId: lead.id, ...a, assignedById: lead.ownerId } });
  }
  return lead;
}
