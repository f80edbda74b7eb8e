import { Prisma } from "#app/generated/prisma/client.ts";
import type { Tx } from "#app/lib/db.server.ts";
import { DEFAULT_LOCALE, isLocale } from "#app/lib/i18n/locales.ts";
import { createTranslator } from "#app/lib/i18n/translate.ts";
import type { MatchableLead } from "../distribution/distribution-rule-matching.ts";

// A transfer batch's chunk in set-based statements (decision 055): the per-lead work of
// transferLeadTx (lead-distribution.server.ts) is the same for every lead — new owner, end the new
// owner's own assignment, one history row, one bell notification — so a chunk of 50 leads takes
// about seven statements instead of about eight per lead. Same rows, same history detail; the
// single-lead primitive stays the one manual transfers use (its tests pin the behaviour both follow).

/** A locked lead of a chunk with everything the three set-based batch kinds read from it. */
export interface ChunkLead extends MatchableLead {
  id: number;
  number: string;
  status: string;
  ownerId: number;
  ownerTeamId: number | null;
  claimedById: number | null;
  contactName: string | null;
  companyName: string | null;
}

/**
 * Locks the chunk's leads in one statement (id order, like the per-lead locks) with what the batch
 * checks and the rules match. Every writer of a lead's assignments locks the lead row first, so what
 * the chunk reads after this lock (at READ COMMITTED) is what the per-lead primitive would read.
 */
export async function lockChunkLeads(tx: Tx, leadIds: readonly number[]): Promise<Map<number, ChunkLead>> {
  const rows = await tx.$queryRaw<Array<Omit<ChunkLead, "ownerTeamId">>>`
    SELECT id, number, status, ownerId, claimedById, contactName, companyName, companyProvince, companyCity,
           contactPhone, contactMobile, contactFax, companyPhone, companyFax
    FROM \`Lead\` WHERE id IN (${Prisma.join(leadIds)}) ORDER BY id FOR UPDATE`;
  if (rows.length === 0) return new Map();
  // The owners' teams without a lock: a locking join would lock the (shared) owner rows too.
  const owners = [...new Set(rows.map((r) => Number(r.ownerId)))];
  const teams = await tx.staff.findMany({ where: { id: { in: owners } }, select: { id: true, teamId: true } });
  const teamOf = new Map(teams.map((s) => [s.id, s.teamId]));
  return new Map(
    rows.map((r) => {
      const ownerId = Number(r.ownerId);
      const lead: ChunkLead = {
        ...r,
        id: Number(r.id),
        ownerId,
        ownerTeamId: teamOf.get(ownerId) ?? null,
        claimedById: r.claimedById === null ? null : Number(r.claimedById),
      };
      return [lead.id, lead];
    }),
  );
}

/** "联系人 @ 单位" as the bell names a lead, as the single-lead primitive's tellStaff does. */
export function leadWho(lead: Pick<ChunkLead, "number" | "contactName" | "companyName">): string {
  return [lead.contactName, lead.companyName].filter(Boolean).join(" @ ") || lead.number;
}

/**
 * Transfers the given (locked, permitted, not yet owned by the target) leads to `toStaffId`.
 * Returns false, writing nothing, when the target cannot own leads (missing or inactive).
 */
export async function transferChunkTx(
  tx: Tx,
  leads: readonly ChunkLead[],
  toStaffId: number,
  actorStaffId: number,
  batchId: number,
): Promise<boolean> {
  const target = await tx.staff.findUnique({ where: { id: toStaffId }, select: { status: true, locale: true } });
  if (!target || target.status === "inactive") return false;
  if (leads.length === 0) return true;
  const ids = leads.map((l) => l.id);
  const now = new Date();
  await tx.lead.updateMany({ where: { id: { in: ids } }, data: { ownerId: toStaffId, ownerSeenAt: null } });
  // The new owner's own active assignments end: owners edit everything anyway.
  const ending = await tx.leadAssignment.findMany({
    where: { leadId: { in: ids }, staffId: toStaffId, recalledAt: null },
    select: { leadId: true },
  });
  const ended = new Set(ending.map((a) => a.leadId));
  if (ended.size > 0) {
    await tx.leadAssignment.updateMany({
      where: { leadId: { in: [...ended] }, staffId: toStaffId, recalledAt: null },
      data: { recalledAt: now },
    });
  }
  await tx.leadEvent.createMany({
    data: leads.map((lead) => ({
      leadId: lead.id,
      type: "transferred",
      actorType: "staff",
      actorId: actorStaffId,
      detail: {
        fromOwnerId: lead.ownerId,
        toOwnerId: toStaffId,
        ...(ended.has(lead.id) ? { endedAssignmentStaffId: toStaffId } : {}),
        batchId,
      },
    })),
  });
  const t = createTranslator(isLocale(target.locale) ? target.locale : DEFAULT_LOCALE);
  await tx.notification.createMany({
    data: leads.map((lead) => ({
      staffId: toStaffId,
      type: "lead.transferred",
      title: t("leadWork.notify.transferred", {
        number: lead.number,
        who: leadWho(lead),
      }).slice(0, 200),
      link: `/crm/leads/${lead.id}`,
    })),
  });
  return true;
}
