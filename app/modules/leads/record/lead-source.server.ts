import type { Db, DbOrTx } from "#app/lib/db.server.ts";
import type { Locale } from "#app/lib/i18n/locales.ts";
import { forbidden, invalid, notFound, ok, type ServiceResult } from "#app/lib/service-result.ts";
import { recordStaffAudit } from "#app/modules/audit/audit-log.server.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { isLookupCode, lookupOptions, type LookupOption } from "#app/modules/settings/lookup-values.server.ts";
import { getLeadAccess } from "./lead-workspace.server.ts";

// Reading, picking and changing a lead's 线索来源 (lead-source.ts says what it is). A deactivated
// value stays on the leads that carry it and may be kept, not chosen anew.

/** The picker of a lead form: active sources, plus the lead's current one if deactivated. */
export function leadSourceOptions(db: DbOrTx, locale: Locale, current?: string | null): Promise<LookupOption[]> {
  return lookupOptions(db, "lead_source", locale, current);
}

/**
 * A source picked on the staff entry form: null when none was picked (the channel's code applies),
 * "invalid" when it is not an active value.
 */
export async function pickedLeadSource(db: DbOrTx, raw: unknown): Promise<string | null | "invalid"> {
  if (raw === undefined || raw === null) return null;
  if (typeof raw !== "string") return "invalid";
  const code = raw.trim();
  if (code === "") return null;
  if (code.length > 40) return "invalid";
  return (await isLookupCode(db, "lead_source", code)) ? code : "invalid";
}

/** Changes a lead's source. Out of scope → 404; without the need-group right → 403; audited. */
export async function setLeadSourceAs(
  db: Db,
  actor: StaffActor,
  leadId: number,
  raw: unknown,
): Promise<ServiceResult<{ changed: boolean }, "sourceCode">> {
  const access = await getLeadAccess(db, actor, leadId);
  if (!access) return notFound();
  if (!access.capabilities.edit.need) return forbidden();
  const code = typeof raw === "string" ? raw.trim() : "";
  return db.$transaction(async (tx) => {
    const lead = await tx.lead.findUnique({ where: { id: leadId }, select: { sourceCode: true, deletedAt: true } });
    if (!lead || lead.deletedAt) return notFound();
    const next = code === "" ? null : code;
    if (next === lead.sourceCode) return ok({ changed: false });
    // An inactive value may stay (it is the current one) but not be chosen anew.
    if (next !== null && (next.length > 40 || !(await isLookupCode(tx, "lead_source", next, lead.sourceCode)))) {
      return invalid<"sourceCode">({ sourceCode: ["adminEnums.leadSource.invalid"] });
    }
    await tx.lead.update({ where: { id: leadId }, data: { sourceCode: next } });
    await recordStaffAudit(tx, actor, {
      action: "lead.sourceChanged",
      entityType: "Lead",
      entityId: leadId,
      before: { sourceCode: lead.sourceCode },
      after: { sourceCode: next },
    });
    return ok({ changed: true });
  });
}
