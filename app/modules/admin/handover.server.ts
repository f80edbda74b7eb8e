import { z } from "zod";
import { Prisma, type HandOverRun } from "#app/generated/prisma/client.ts";
import { db as defaultDb, type Db, type DbOrTx, type Tx } from "#app/lib/db.server.ts";
import { checkbox } from "#app/lib/schemas.ts";
import { conflict, invalid, notFound, ok, type ServiceResult } from "#app/lib/service-result.ts";
import { recordAudit, recordStaffAudit, type AuditMeta } from "#app/modules/audit/audit-log.server.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { invalidateAllStaffSessions } from "#app/modules/auth/staff-session.server.ts";
import { registerJobHandler } from "#app/modules/jobs/job-handlers.server.ts";
import { enqueueJob } from "#app/modules/jobs/job-queue.server.ts";
import { HANDOVER_TYPES, type HandOverType, type TypeCounts } from "./handover-types.ts";

// 离职移交 (seed §2.P.1: "one button click hands over all of the person's work"). A run moves every
// record of the leaver, type by type, to one colleague or to a colleague per type. The job works in
// batches: each batch is ONE transaction that locks up to BATCH_SIZE ids the leaver still holds,
// moves them, adds them to the run's progress and writes one audit row listing the ids. A worker
// killed at any point therefore resumes exactly where it stopped: a committed batch is both moved
// and counted, an uncommitted one is neither, and the next batch is chosen by current ownership, so
// nothing is moved twice (docs/decisions: the same reasoning as lead batches, decision 014).

export const HANDOVER_JOB = "admin.handover";
export const HANDOVER_BATCH_SIZE = 500;

export { HANDOVER_TYPES, type HandOverType, type TypeCounts };

function zeroCounts(): TypeCounts {
  return Object.fromEntries(HANDOVER_TYPES.map((t) => [t, 0])) as TypeCounts;
}

/** What the leaver holds now, per type (the page's "before" and the report's "after"). */
export async function countHoldings(db: DbOrTx, staffId: number): Promise<TypeCounts> {
  const [lead, contact, company, opportunity, quote, salesContract, proposal, salesOrder] = await Promise.all([
    db.lead.count({ where: { ownerId: staffId } }),
    db.contact.count({ where: { ownerId: staffId } }),
    db.company.count({ where: { ownerId: staffId } }),
    db.opportunity.count({ where: { ownerId: staffId } }),
    db.quote.count({ where: { ownerId: staffId } }),
    db.salesContract.count({ where: { ownerId: staffId } }),
    db.proposal.count({ where: { ownerId: staffId } }),
    db.salesOrder.count({ where: { ownerId: staffId } }),
  ]);
  const [serviceRequest, task, zoneSeat, tokenGroupSeat] = await Promise.all([
    db.serviceRequest.count({ where: { assigneeId: staffId } }),
    db.task.count({ where: { assigneeId: staffId } }),
    db.zoneManager.count({ where: { staffId } }),
    db.tokenGroupMember.count({ where: { staffId } }),
  ]);
  return {
    lead,
    contact,
    company,
    opportunity,
    quote,
    salesContract,
    proposal,
    salesOrder,
    serviceRequest,
    task,
    zoneSeat,
    tokenGroupSeat,
  };
}

type MovedType = Exclude<HandOverType, "zoneSeat" | "tokenGroupSeat">;
type Move = (tx: Tx, ids: number[], from: number, to: number) => Promise<unknown>;
const owned = (ids: number[], from: number, to: number) => ({
  where: { id: { in: ids }, ownerId: from },
  data: { ownerId: to },
});
const assigned = (ids: number[], from: number, to: number) => ({
  where: { id: { in: ids }, assigneeId: from },
  data: { assigneeId: to },
});

/**
 * The record types that move by one column (owner, or assignee for requests and tasks): the table and
 * column their ids are locked by, and the move. Every version of a quote has its owner; all of them
 * move, so the history stays with the deal. A lead handed over is unseen by its new owner.
 */
const MOVED_BY_COLUMN: Record<MovedType, readonly [table: string, column: "ownerId" | "assigneeId", move: Move]> = {
  lead: [
    "Lead",
    "ownerId",
    (tx, ids, f, t) => tx.lead.updateMany({ ...owned(ids, f, t), data: { ownerId: t, ownerSeenAt: null } }),
  ],
  contact: ["Contact", "ownerId", (tx, ids, f, t) => tx.contact.updateMany(owned(ids, f, t))],
  company: ["Company", "ownerId", (tx, ids, f, t) => tx.company.updateMany(owned(ids, f, t))],
  opportunity: ["Opportunity", "ownerId", (tx, ids, f, t) => tx.opportunity.updateMany(owned(ids, f, t))],
  quote: ["Quote", "ownerId", (tx, ids, f, t) => tx.quote.updateMany(owned(ids, f, t))],
  salesContract: ["SalesContract", "ownerId", (tx, ids, f, t) => tx.salesContract.updateMany(owned(ids, f, t))],
  proposal: ["Proposal", "ownerId", (tx, ids, f, t) => tx.proposal.updateMany(owned(ids, f, t))],
  salesOrder: ["SalesOrder", "ownerId", (tx, ids, f, t) => tx.salesOrder.updateMany(owned(ids, f, t))],
  serviceRequest: [
    "ServiceRequest",
    "assigneeId",
    (tx, ids, f, t) => tx.serviceRequest.updateMany(assigned(ids, f, t)),
  ],
  task: ["Task", "assigneeId", (tx, ids, f, t) => tx.task.updateMany(assigned(ids, f, t))],
};

/** Locks and moves up to `limit` records of one type; returns the ids moved (empty: type finished). */
async function moveBatch(tx: Tx, type: HandOverType, from: number, to: number, limit: number): Promise<number[]> {
  const lockIds = async (sql: Prisma.Sql) => (await tx.$queryRaw<Array<{ id: number }>>(sql)).map((r) => Number(r.id));
  switch (type) {
    case "zoneSeat": {
      // A seat is (zone, staff): where the colleague already co-manages the zone the leaver's seat goes.
      const zoneIds = await lockIds(
        Prisma.sql`SELECT zoneId AS id FROM \`ZoneManager\` WHERE staffId = ${from} ORDER BY zoneId LIMIT ${limit} FOR UPDATE`,
      );
      if (zoneIds.length === 0) return [];
      const taken = new Set(
        (
          await tx.zoneManager.findMany({ where: { staffId: to, zoneId: { in: zoneIds } }, select: { zoneId: true } })
        ).map((z) => z.zoneId),
      );
      const free = zoneIds.filter((id) => !taken.has(id));
      if (taken.size > 0) await tx.zoneManager.deleteMany({ where: { staffId: from, zoneId: { in: [...taken] } } });
      if (free.length > 0)
        await tx.zoneManager.updateMany({ where: { staffId: from, zoneId: { in: free } }, data: { staffId: to } });
      return zoneIds;
    }
    case "tokenGroupSeat": {
      // The seat keeps its position in the rotation; a colleague already in the group keeps theirs.
      const ids = await lockIds(
        Prisma.sql`SELECT id FROM \`TokenGroupMember\` WHERE staffId = ${from} ORDER BY id LIMIT ${limit} FOR UPDATE`,
      );
      if (ids.length === 0) return [];
      const seats = await tx.tokenGroupMember.findMany({
        where: { id: { in: ids } },
        select: { id: true, groupId: true },
      });
      const taken = new Set(
        (
          await tx.tokenGroupMember.findMany({
            where: { staffId: to, groupId: { in: seats.map((s) => s.groupId) } },
            select: { groupId: true },
          })
        ).map((s) => s.groupId),
      );
      const drop = seats.filter((s) => taken.has(s.groupId)).map((s) => s.id);
      const keep = seats.filter((s) => !taken.has(s.groupId)).map((s) => s.id);
      if (drop.length > 0) await tx.tokenGroupMember.deleteMany({ where: { id: { in: drop } } });
      if (keep.length > 0) await tx.tokenGroupMember.updateMany({ where: { id: { in: keep } }, data: { staffId: to } });
      return ids;
    }
    default: {
      // Table and column names are the constants above, never input.
      const [table, column, move] = MOVED_BY_COLUMN[type];
      const ids = await lockIds(
        Prisma.sql`SELECT id FROM ${Prisma.raw(`\`${table}\``)} WHERE ${Prisma.raw(column)} = ${from} ORDER BY id LIMIT ${limit} FOR UPDATE`,
      );
      if (ids.length) await move(tx, ids, from, to);
      return ids;
    }
  }
}

// ───────────────────────────── Creating ─────────────────────────────

const staffIdField = z.coerce.number().int().positive().max(2_147_483_647);
const optionalStaffId = z
  .union([z.literal(""), staffIdField])
  .optional()
  .transform((v) => (typeof v === "number" ? v : null));

/** The form: a default recipient, optionally one per record type (`to_lead`, `to_task`, …). */
export const HandOverSchema = z.object({
  toStaffId: staffIdField,
  deactivate: checkbox(),
  to_lead: optionalStaffId,
  to_contact: optionalStaffId,
  to_company: optionalStaffId,
  to_opportunity: optionalStaffId,
  to_quote: optionalStaffId,
  to_salesContract: optionalStaffId,
  to_proposal: optionalStaffId,
  to_salesOrder: optionalStaffId,
  to_serviceRequest: optionalStaffId,
  to_task: optionalStaffId,
  to_zoneSeat: optionalStaffId,
  to_tokenGroupSeat: optionalStaffId,
} satisfies Record<"toStaffId" | "deactivate" | `to_${HandOverType}`, z.ZodType>);
export type HandOverInput = { toStaffId: number; deactivate: boolean } & Partial<
  Record<`to_${HandOverType}`, number | null>
>;

export type HandOverSplit = Record<HandOverType, number>;

export function splitOf(input: HandOverInput): HandOverSplit {
  return Object.fromEntries(HANDOVER_TYPES.map((t) => [t, input[`to_${t}`] ?? input.toStaffId])) as HandOverSplit;
}

/**
 * Starts a hand-over: checks the recipients (existing, not deactivated, not the leaver), snapshots
 * the leaver's counts, optionally deactivates the leaver (ends their sessions and takes them out of
 * every rotation at once, so nothing new lands on them meanwhile) and enqueues the job.
 */
export async function startHandOver(
  db: Db,
  actor: StaffActor,
  fromStaffId: number,
  input: HandOverInput,
  meta: AuditMeta = {},
): Promise<ServiceResult<{ runId: number }, "toStaffId">> {
  const split = splitOf(input);
  const targets = [...new Set(Object.values(split))];
  if (targets.includes(fromStaffId)) return invalid({ toStaffId: ["adminStaff.handover.error.self"] });
  const active = await db.staff.count({ where: { id: { in: targets }, status: { not: "inactive" } } });
  if (active !== targets.length) return invalid({ toStaffId: ["adminStaff.handover.error.target"] });
  return db.$transaction(async (tx) => {
    const leaver = await tx.staff.findUnique({ where: { id: fromStaffId }, select: { id: true, status: true } });
    if (!leaver) return notFound();
    const open = await tx.handOverRun.findFirst({
      where: { fromStaffId, status: { in: ["pending", "running"] } },
      select: { id: true },
    });
    if (open) return conflict("adminStaff.handover.error.running");
    const before = await countHoldings(tx, fromStaffId);
    const total = Object.values(before).reduce((a, b) => a + b, 0);
    const run = await tx.handOverRun.create({
      data: {
        fromStaffId,
        toStaffId: input.toStaffId,
        split,
        before,
        moved: zeroCounts(),
        total,
        deactivate: input.deactivate,
        createdById: actor.staffId,
      },
    });
    let sessionsEnded = 0;
    if (input.deactivate && leaver.status !== "inactive") {
      await tx.staff.update({
        where: { id: fromStaffId },
        data: { status: "inactive", awayUntil: null, deactivatedAt: new Date() },
      });
      sessionsEnded = await invalidateAllStaffSessions(tx, fromStaffId);
    }
    await enqueueJob(tx, {
      type: HANDOVER_JOB,
      payload: { runId: run.id },
      dedupeKey: `handover:${run.id}`,
      maxAttempts: 20,
    });
    await recordStaffAudit(tx, actor, {
      action: "handover.started",
      entityType: "HandOverRun",
      entityId: run.id,
      after: { fromStaffId, split, before, deactivate: input.deactivate, sessionsEnded },
      ipAddress: meta.ipAddress ?? null,
    });
    return ok({ runId: run.id });
  });
}

// ───────────────────────────── Processing ─────────────────────────────

export interface ProcessHandOverOptions {
  batchSize?: number;
  /** Stop (as if killed) after this many batches; the run stays running and resumes later. */
  maxBatches?: number;
  /** Crash injection for tests: runs inside the batch transaction after the move, before it commits. */
  afterMove?: (type: HandOverType, ids: number[]) => void;
}

export interface ProcessHandOverResult {
  batches: number;
  finished: boolean;
}

function countsOf(value: Prisma.JsonValue): TypeCounts {
  const counts = zeroCounts();
  if (value && typeof value === "object" && !Array.isArray(value)) {
    for (const t of HANDOVER_TYPES) {
      const n = (value as Record<string, unknown>)[t];
      if (typeof n === "number") counts[t] = n;
    }
  }
  return counts;
}

function splitFrom(run: Pick<HandOverRun, "split" | "toStaffId">): HandOverSplit {
  const raw = (run.split ?? {}) as Record<string, unknown>;
  return Object.fromEntries(
    HANDOVER_TYPES.map((t) => [t, typeof raw[t] === "number" ? (raw[t] as number) : run.toStaffId]),
  ) as HandOverSplit;
}

/** Works a run to the end (or to `maxBatches`). Safe to call again at any time: it resumes. */
export async function processHandOver(
  db: Db,
  runId: number,
  options: ProcessHandOverOptions = {},
): Promise<ProcessHandOverResult> {
  const batchSize = options.batchSize ?? HANDOVER_BATCH_SIZE;
  const run = await db.handOverRun.findUnique({ where: { id: runId } });
  if (!run || run.status === "done" || run.status === "failed") return { batches: 0, finished: true };
  if (run.status === "pending")
    await db.handOverRun.updateMany({
      where: { id: runId, status: "pending" },
      data: { status: "running", startedAt: new Date() },
    });
  const split = splitFrom(run);
  let batches = 0;
  for (const type of HANDOVER_TYPES) {
    for (;;) {
      if (options.maxBatches !== undefined && batches >= options.maxBatches) return { batches, finished: false };
      const moved = await db.$transaction(
        async (tx) => {
          // The run row is the batch's lock: two workers on one run take turns, never the same ids.
          const current = await tx.$queryRaw<Array<{ moved: string | object; status: string }>>`
            SELECT moved, status FROM \`HandOverRun\` WHERE id = ${runId} FOR UPDATE`;
          if (!current[0] || current[0].status !== "running") return null;
          const ids = await moveBatch(tx, type, run.fromStaffId, split[type], batchSize);
          if (ids.length === 0) return 0;
          options.afterMove?.(type, ids);
          const raw = current[0].moved;
          const counts = countsOf(
            typeof raw === "string" ? (JSON.parse(raw) as Prisma.JsonValue) : (raw as Prisma.JsonValue),
          );
          counts[type] += ids.length;
          await tx.handOverRun.update({
            where: { id: runId },
            data: { moved: counts, done: { increment: ids.length } },
          });
          await recordAudit(tx, {
            actor: { type: "staff", id: run.createdById },
            action: "handover.batch",
            entityType: "HandOverRun",
            entityId: runId,
            after: { type, fromStaffId: run.fromStaffId, toStaffId: split[type], ids },
          });
          return ids.length;
        },
        { timeout: 60_000 },
      );
      if (moved === null) return { batches, finished: true };
      if (moved === 0) break;
      batches++;
    }
  }
  const after = await countHoldings(db, run.fromStaffId);
  await db.$transaction(async (tx) => {
    const finished = await tx.handOverRun.updateMany({
      where: { id: runId, status: "running" },
      data: { status: "done", after, finishedAt: new Date() },
    });
    if (finished.count === 1)
      await recordAudit(tx, {
        actor: { type: "staff", id: run.createdById },
        action: "handover.finished",
        entityType: "HandOverRun",
        entityId: runId,
        after: { after },
      });
  });
  return { batches, finished: true };
}

registerJobHandler(HANDOVER_JOB, async (payload) => {
  const runId = Number((payload as { runId?: unknown } | null)?.runId);
  if (!Number.isInteger(runId) || runId <= 0) return;
  await processHandOver(defaultDb, runId);
});

// ───────────────────────────── Reading ─────────────────────────────

export interface HandOverView {
  id: number;
  status: HandOverRun["status"];
  from: { id: number; name: string };
  to: { id: number; name: string };
  split: Array<{ type: HandOverType; toStaffId: number; toName: string }>;
  before: TypeCounts;
  moved: TypeCounts;
  after: TypeCounts | null;
  total: number;
  done: number;
  createdAt: Date;
  finishedAt: Date | null;
}

export async function getHandOver(db: DbOrTx, runId: number): Promise<HandOverView | null> {
  const run = await db.handOverRun.findUnique({
    where: { id: runId },
    include: { fromStaff: { select: { id: true, name: true } }, toStaff: { select: { id: true, name: true } } },
  });
  if (!run) return null;
  const split = splitFrom(run);
  const names = new Map(
    (await db.staff.findMany({ where: { id: { in: Object.values(split) } }, select: { id: true, name: true } })).map(
      (s) => [s.id, s.name],
    ),
  );
  return {
    id: run.id,
    status: run.status,
    from: run.fromStaff,
    to: run.toStaff,
    split: HANDOVER_TYPES.map((type) => ({ type, toStaffId: split[type], toName: names.get(split[type]) ?? "—" })),
    before: countsOf(run.before),
    moved: countsOf(run.moved),
    after: run.after === null ? null : countsOf(run.after),
    total: run.total,
    done: run.done,
    createdAt: run.createdAt,
    finishedAt: run.finishedAt,
  };
}

/** The hand-over runs, newest first (the page under 用户管理). */
export function listHandOvers(db: DbOrTx, take = 50) {
  return db.handOverRun.findMany({
    orderBy: { id: "desc" },
    take,
    select: {
      id: true,
      status: true,
      total: true,
      done: true,
      createdAt: true,
      finishedAt: true,
      fromStaff: { select: { id: true, name: true } },
      toStaff: { select: { id: true, name: true } },
    },
  });
}
