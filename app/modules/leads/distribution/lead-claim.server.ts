import { isWriteConflict } from "#app/lib/db-errors.server.ts";
import type { Db } from "#app/lib/db.server.ts";
import { DEFAULT_LOCALE, isLocale } from "#app/lib/i18n/locales.ts";
import { createTranslator } from "#app/lib/i18n/translate.ts";
import { notifyStaff } from "#app/modules/notifications/notifications.server.ts";
import { selectIdAndName } from "#app/lib/prisma-selects.ts";

// "我处理": among the salespeople a lead was distributed to, the first to claim it holds it. The claim
// is one conditional UPDATE (… WHERE claimedById IS NULL AND the claimer still holds an active
// assignment), so under any concurrency exactly one statement changes the row; everyone else reads
// who won. Claimed leads keep the other assignees' rows (visibility, history) but their edit rights
// lapse (lead-edit-rights.server.ts). A recall of the claimer clears the claim. Decision 013.

export type ClaimResult =
  | { kind: "claimed"; claimedAt: Date }
  /** The caller already holds the claim: nothing written. */
  | { kind: "already-yours"; claimedAt: Date }
  | { kind: "already-claimed"; by: { id: number; name: string }; claimedAt: Date | null }
  /** The caller has no active (unrecalled) assignment on this lead. */
  | { kind: "not-assignee" }
  | { kind: "not-found" };

export async function claimLead(db: Db, leadId: number, staffId: number, attempt = 1): Promise<ClaimResult> {
  const now = new Date();
  const won = await claimOnce(db, leadId, staffId, now);
  if (won) return { kind: "claimed", claimedAt: now };

  // Lost (or not allowed): say why, from the committed state.
  const lead = await db.lead.findUnique({
    where: { id: leadId },
    select: { claimedAt: true, claimedBy: selectIdAndName },
  });
  if (!lead) return { kind: "not-found" };
  if (lead.claimedBy?.id === staffId) return { kind: "already-yours", claimedAt: lead.claimedAt ?? now };
  const assignment = await db.leadAssignment.findFirst({
    where: { leadId, staffId, recalledAt: null },
    select: { id: true },
  });
  if (!assignment) return { kind: "not-assignee" };
  if (lead.claimedBy) return { kind: "already-claimed", by: lead.claimedBy, claimedAt: lead.claimedAt };
  // Claimed and released (a recall) between the UPDATE and this read, or distributed meanwhile: try again once.
  return attempt < 2 ? claimLead(db, leadId, staffId, attempt + 1) : { kind: "not-assignee" };
}

/** One try of the conditional UPDATE and its side effects. A batch's chunk locking the same lead rows
 * (a recall, decision 058) can make this transaction the deadlock victim: it was rolled back whole,
 * so it runs again, up to three times, instead of failing the click. */
async function claimOnce(db: Db, leadId: number, staffId: number, now: Date, tries = 3): Promise<boolean> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction(async (tx) => {
        const affected = await tx.$executeRaw`
      UPDATE \`Lead\` SET \`claimedById\` = ${staffId}, \`claimedAt\` = ${now}
      WHERE \`id\` = ${leadId} AND \`claimedById\` IS NULL
        AND EXISTS (
          SELECT 1 FROM \`LeadAssignment\` a
          WHERE a.\`leadId\` = ${leadId} AND a.\`staffId\` = ${staffId} AND a.\`recalledAt\` IS NULL
        )`;
        if (affected !== 1) return false;
        await tx.leadEvent.create({
          data: { leadId, type: "claimed", actorType: "staff", actorId: staffId, detail: { staffId } },
        });
        const lead = await tx.lead.findUniqueOrThrow({
          where: { id: leadId },
          select: { number: true, ownerId: true, owner: { select: { locale: true } } },
        });
        const claimer = await tx.staff.findUniqueOrThrow({ where: { id: staffId }, select: { name: true } });
        const t = createTranslator(isLocale(lead.owner.locale) ? lead.owner.locale : DEFAULT_LOCALE);
        await notifyStaff(tx, {
          staffId: lead.ownerId,
          type: "lead.claimed",
          title: t("leadWork.notify.claimed", { number: lead.number, name: claimer.name }),
          link: `/crm/leads/${leadId}`,
        });
        return true;
      });
    } catch (error) {
      if (attempt >= tries || !isWriteConflict(error)) throw error;
    }
  }
}
