import type { LeadIdentification } from "#app/generated/prisma/client.ts";
import type { Db } from "#app/lib/db.server.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { IDENTIFICATION_LABELS, updateLeadGroup, type UpdateGroupResult } from "./lead-edit-rights.server.ts";

// 辨识: whether a salesperson has identified the lead (是否已辨识), what it is (辨识内容: 虚假信息 /
// 有需求客户 / 潜在客户 / 竞争对手 / 需置疑) and the demand status (需求现状). It is the "status" field
// group: the owner, managers in scope, and assignees granted the status right may set it (403 otherwise,
// via LeadEditForbiddenError). A label implies the lead was identified.

export { IDENTIFICATION_LABELS };

export interface IdentificationInput {
  identified?: boolean | string | null;
  identificationLabel?: LeadIdentification | string | null;
  demandStatus?: string | null;
}

export function identifyLead(
  db: Db,
  actor: StaffActor,
  leadId: number,
  input: IdentificationInput,
  options: { ipAddress?: string | null } = {},
): Promise<UpdateGroupResult> {
  const labelGiven = typeof input.identificationLabel === "string" && input.identificationLabel.trim() !== "";
  const identified = labelGiven ? true : input.identified;
  return updateLeadGroup(db, actor, leadId, "status", { ...input, identified }, options);
}
