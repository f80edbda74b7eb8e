import type { Db, DbOrTx } from "#app/lib/db.server.ts";
import { forbidden, notFound, ok, type ServiceResult } from "#app/lib/service-result.ts";
import { recordStaffAudit } from "#app/modules/audit/audit-log.server.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { recordScopeWhere } from "#app/modules/crm/access/record-scope.server.ts";
import { enqueueJob } from "#app/modules/jobs/job-queue.server.ts";
import type { DuplicateEntity } from "./duplicate-scan.server.ts";

// The duplicate-review queue: open pairs the scan found, shown only when the viewer may see both
// records (scope applied in the query), with "merge" (the merge page) and "not a duplicate".

export const DUPLICATE_SCAN_JOB = "duplicates.scan";
export const QUEUE_PAGE_SIZE = 50;

export interface DuplicatePairRow {
  id: number;
  score: number;
  evidence: string[];
  left: { id: number; label: string; detail: string | null };
  right: { id: number; label: string; detail: string | null };
}

function evidenceCodes(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((e) =>
    e && typeof e === "object" && "code" in e && typeof e.code === "string" ? [e.code] : [],
  );
}

async function visibleIds(
  db: DbOrTx,
  actor: StaffActor,
  entity: DuplicateEntity,
  ids: number[],
): Promise<Map<number, { label: string; detail: string | null }>> {
  const where = await recordScopeWhere(db, actor, entity, "browse");
  if (!where || ids.length === 0) return new Map();
  if (entity === "contact") {
    const rows = await db.contact.findMany({
      where: { AND: [where, { id: { in: ids } }] },
      select: { id: true, fullName: true, email: true, mobile: true, phone: true, company: { select: { name: true } } },
    });
    return new Map(
      rows.map((r) => [
        r.id,
        {
          label: r.fullName,
          detail: [r.company?.name, r.email, r.mobile ?? r.phone].filter(Boolean).join(" · ") || null,
        },
      ]),
    );
  }
  const rows = await db.company.findMany({
    where: { AND: [where, { id: { in: ids } }] },
    select: { id: true, name: true, city: true, phone: true },
  });
  return new Map(
    rows.map((r) => [r.id, { label: r.name, detail: [r.city, r.phone].filter(Boolean).join(" · ") || null }]),
  );
}

/**
 * Open pairs both of whose records the viewer may browse, best score first. Pairs are read in
 * pages of candidates and filtered by scope, so a viewer with a narrow scope still gets a full page.
 */
export async function listDuplicatePairs(
  db: DbOrTx,
  actor: StaffActor,
  entity: DuplicateEntity,
  options: { take?: number; afterScore?: number; afterId?: number } = {},
): Promise<DuplicatePairRow[] | null> {
  if (!(await recordScopeWhere(db, actor, entity, "browse"))) return null;
  const take = options.take ?? QUEUE_PAGE_SIZE;
  const out: DuplicatePairRow[] = [];
  let cursor = { score: options.afterScore ?? 101, id: options.afterId ?? 0 };
  for (let round = 0; round < 20 && out.length < take; round++) {
    const pairs = await db.duplicatePair.findMany({
      where: {
        entityType: entity,
        status: "open",
        OR: [{ score: { lt: cursor.score } }, { score: cursor.score, id: { gt: cursor.id } }],
      },
      orderBy: [{ score: "desc" }, { id: "asc" }],
      take: take * 4,
    });
    if (pairs.length === 0) break;
    const seen = await visibleIds(db, actor, entity, [...new Set(pairs.flatMap((p) => [p.leftId, p.rightId]))]);
    for (const p of pairs) {
      const left = seen.get(p.leftId);
      const right = seen.get(p.rightId);
      if (left && right && out.length < take) {
        out.push({
          id: p.id,
          score: p.score,
          evidence: evidenceCodes(p.evidence),
          left: { id: p.leftId, ...left },
          right: { id: p.rightId, ...right },
        });
      }
    }
    const last = pairs[pairs.length - 1];
    if (!last || pairs.length < take * 4) break;
    cursor = { score: last.score, id: last.id };
  }
  return out;
}

/** "Not a duplicate": the pair leaves the queue and the scan will not bring it back. */
export async function dismissPair(db: Db, actor: StaffActor, pairId: number): Promise<ServiceResult<{ id: number }>> {
  return db.$transaction(async (tx) => {
    const pair = await tx.duplicatePair.findUnique({ where: { id: pairId } });
    if (!pair || pair.status !== "open" || (pair.entityType !== "contact" && pair.entityType !== "company"))
      return notFound();
    const seen = await visibleIds(tx, actor, pair.entityType, [pair.leftId, pair.rightId]);
    if (seen.size < 2) return notFound();
    const modify = await recordScopeWhere(tx, actor, pair.entityType, "modify");
    if (!modify) return forbidden();
    await tx.duplicatePair.update({
      where: { id: pairId },
      data: { status: "dismissed", reviewedById: actor.staffId, reviewedAt: new Date() },
    });
    await recordStaffAudit(tx, actor, {
      action: `${pair.entityType}.duplicate-dismissed`,
      entityType: pair.entityType,
      entityId: pair.leftId,
      after: { pairId, rightId: pair.rightId },
    });
    return ok({ id: pairId });
  });
}

/** Starts a full scan (one job per batch, each enqueuing the next). */
export async function startDuplicateScan(db: DbOrTx, entity: DuplicateEntity): Promise<void> {
  await enqueueJob(db, {
    type: DUPLICATE_SCAN_JOB,
    payload: { entity, afterId: 0 },
    dedupeKey: `${DUPLICATE_SCAN_JOB}:${entity}:${Date.now()}`,
  });
}
