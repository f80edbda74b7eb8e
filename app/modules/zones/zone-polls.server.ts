import { z } from "zod";
import type { Db, DbOrTx } from "#app/lib/db.server.ts";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { recordStaffAudit } from "#app/modules/audit/audit-log.server.ts";
import { selectName } from "#app/lib/prisma-selects.ts";

// 投票: a CSR asks the customers of one zone what matters to them; each active zone member votes once.
// "Once" is the primary key (pollId, memberId) of ZonePollVote, so two concurrent votes by the same
// member cannot both land. A vote and a close take the poll row's lock in turn, so no vote slips in
// after the close committed.

export const MAX_POLL_OPTIONS = 10;

export const PollInputSchema = z.object({
  question: z
    .string({ error: "knowledge.poll.error.questionRequired" })
    .trim()
    .min(1, "knowledge.poll.error.questionRequired")
    .max(300, "knowledge.error.tooLong"),
  options: z
    .array(z.string().trim().max(200, "knowledge.error.tooLong"))
    .transform((list) => list.filter((o) => o !== ""))
    .pipe(
      z
        .array(z.string())
        .min(2, "knowledge.poll.error.optionsMin")
        .max(MAX_POLL_OPTIONS, "knowledge.poll.error.optionsMax")
        .refine(
          (list) => new Set(list.map((o) => o.toLowerCase())).size === list.length,
          "knowledge.poll.error.optionsDuplicate",
        ),
    ),
  closesAt: z
    .union([z.date(), z.string()])
    .optional()
    .nullable()
    .transform((v, ctx) => {
      if (v === undefined || v === null || v === "") return null;
      const date = v instanceof Date ? v : new Date(v);
      if (Number.isNaN(date.getTime())) {
        ctx.addIssue({ code: "custom", message: "knowledge.poll.error.closesAt" });
        return z.NEVER;
      }
      return date;
    }),
});

export type PollField = "question" | "options" | "closesAt";

export type PollResult<T extends object = object> =
  | ({ ok: true } & T)
  | { ok: false; reason: "not-found" }
  | { ok: false; reason: "invalid"; fieldErrors: Partial<Record<PollField, MessageKey>> };

export type VoteResult =
  { ok: true } | { ok: false; reason: "not-found" | "not-member" | "closed" | "already-voted" | "invalid-option" };

export function isPollOpen(poll: { closedAt: Date | null; closesAt: Date | null }, now = new Date()): boolean {
  return poll.closedAt === null && (poll.closesAt === null || poll.closesAt > now);
}

export async function createPoll(
  db: Db,
  actor: { staffId: number; ipAddress?: string | null },
  zoneId: number,
  input: unknown,
  now = new Date(),
): Promise<PollResult<{ id: number }>> {
  const zone = await db.zone.findUnique({ where: { id: zoneId }, select: { id: true } });
  if (!zone) return { ok: false, reason: "not-found" };
  const parsed = PollInputSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Partial<Record<PollField, MessageKey>> = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as PollField | undefined;
      if (field && !(field in fieldErrors)) fieldErrors[field] = issue.message as MessageKey;
    }
    return { ok: false, reason: "invalid", fieldErrors };
  }
  const { question, options, closesAt } = parsed.data;
  if (closesAt && closesAt <= now) {
    return { ok: false, reason: "invalid", fieldErrors: { closesAt: "knowledge.poll.error.closesAtPast" } };
  }
  const poll = await db.$transaction(async (tx) => {
    const created = await tx.zonePoll.create({
      data: {
        zoneId,
        question,
        closesAt,
        createdById: actor.staffId,
        options: { create: options.map((label, position) => ({ label, position })) },
      },
      select: { id: true },
    });
    await recordStaffAudit(tx, actor, {
      action: "zone.poll.create",
      entityType: "ZonePoll",
      entityId: created.id,
      after: { zoneId, question, options },
      ipAddress: actor.ipAddress,
    });
    return created;
  });
  return { ok: true, id: poll.id };
}

export async function closePoll(
  db: Db,
  actor: { staffId: number; ipAddress?: string | null },
  zoneId: number,
  pollId: number,
): Promise<PollResult> {
  return db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<Array<{ closedAt: Date | null }>>`
      SELECT closedAt FROM ZonePoll WHERE id = ${pollId} AND zoneId = ${zoneId} FOR UPDATE`;
    if (locked.length === 0) return { ok: false, reason: "not-found" } as const;
    if (locked[0]!.closedAt !== null) return { ok: true } as const;
    await tx.zonePoll.update({ where: { id: pollId }, data: { closedAt: new Date() } });
    await recordStaffAudit(tx, actor, {
      action: "zone.poll.close",
      entityType: "ZonePoll",
      entityId: pollId,
      ipAddress: actor.ipAddress,
    });
    return { ok: true } as const;
  });
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}

/**
 * One vote by an active member of the poll's zone. Checks (inside one transaction holding the poll
 * row's lock): the poll is in this zone and open, the option is one of its options, the member's
 * membership is active. The primary key refuses a second vote, also a concurrent one.
 */
export async function castVote(
  db: Db,
  voter: { memberId: number; zoneId: number },
  pollId: number,
  optionId: number,
  now = new Date(),
): Promise<VoteResult> {
  try {
    return await db.$transaction(async (tx) => {
      const locked = await tx.$queryRaw<Array<{ zoneId: number; closedAt: Date | null; closesAt: Date | null }>>`
        SELECT zoneId, closedAt, closesAt FROM ZonePoll WHERE id = ${pollId} LOCK IN SHARE MODE`;
      const poll = locked[0];
      if (!poll || poll.zoneId !== voter.zoneId) return { ok: false, reason: "not-found" } as const;
      const membership = await tx.zoneMembership.findFirst({
        where: { zoneId: voter.zoneId, memberId: voter.memberId, status: "active" },
        select: { id: true },
      });
      if (!membership) return { ok: false, reason: "not-member" } as const;
      if (!isPollOpen(poll, now)) return { ok: false, reason: "closed" } as const;
      const option = await tx.zonePollOption.findFirst({ where: { id: optionId, pollId }, select: { id: true } });
      if (!option) return { ok: false, reason: "invalid-option" } as const;
      await tx.zonePollVote.create({ data: { pollId, optionId, memberId: voter.memberId } });
      return { ok: true } as const;
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: "already-voted" };
    throw error;
  }
}

export interface PollView {
  id: number;
  question: string;
  closesAt: Date | null;
  closedAt: Date | null;
  createdAt: Date;
  open: boolean;
  totalVotes: number;
  myOptionId: number | null;
  /** Counts are null when the viewer may not see results yet (member who has not voted, poll open). */
  options: Array<{ id: number; label: string; votes: number | null }>;
}

async function loadPolls(db: DbOrTx, where: { zoneId?: number; id?: number }, take = 50) {
  return db.zonePoll.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: {
      id: true,
      zoneId: true,
      question: true,
      closesAt: true,
      closedAt: true,
      createdAt: true,
      zone: selectName,
      options: { orderBy: { position: "asc" }, select: { id: true, label: true, _count: { select: { votes: true } } } },
      _count: { select: { votes: true } },
    },
  });
}

/** Polls of a zone as its member sees them: results once they voted or the poll closed. */
export async function listPollsForMember(
  db: DbOrTx,
  zoneId: number,
  memberId: number,
  now = new Date(),
): Promise<PollView[]> {
  const polls = await loadPolls(db, { zoneId });
  const mine = await db.zonePollVote.findMany({
    where: { memberId, pollId: { in: polls.map((p) => p.id) } },
    select: { pollId: true, optionId: true },
  });
  const myVote = new Map(mine.map((v) => [v.pollId, v.optionId]));
  return polls.map((p) => {
    const open = isPollOpen(p, now);
    const myOptionId = myVote.get(p.id) ?? null;
    const showResults = !open || myOptionId !== null;
    return {
      id: p.id,
      question: p.question,
      closesAt: p.closesAt,
      closedAt: p.closedAt,
      createdAt: p.createdAt,
      open,
      myOptionId,
      totalVotes: showResults ? p._count.votes : 0,
      options: p.options.map((o) => ({ id: o.id, label: o.label, votes: showResults ? o._count.votes : null })),
    };
  });
}

export interface StaffPollView extends Omit<PollView, "myOptionId" | "options"> {
  zoneId: number;
  zoneName: string;
  eligibleVoters: number;
  options: Array<{ id: number; label: string; votes: number }>;
}

/** Polls with full results, for the back office (one zone, or the newest across zones). */
export async function listPollsForStaff(
  db: DbOrTx,
  filter: { zoneId?: number; take?: number } = {},
  now = new Date(),
): Promise<StaffPollView[]> {
  const polls = await loadPolls(db, filter.zoneId ? { zoneId: filter.zoneId } : {}, filter.take ?? 50);
  const zoneIds = [...new Set(polls.map((p) => p.zoneId))];
  const members = zoneIds.length
    ? await db.zoneMembership.groupBy({
        by: ["zoneId"],
        where: { zoneId: { in: zoneIds }, status: "active" },
        _count: { _all: true },
      })
    : [];
  const eligible = new Map(members.map((m) => [m.zoneId, m._count._all]));
  return polls.map((p) => ({
    id: p.id,
    zoneId: p.zoneId,
    zoneName: p.zone.name,
    question: p.question,
    closesAt: p.closesAt,
    closedAt: p.closedAt,
    createdAt: p.createdAt,
    open: isPollOpen(p, now),
    totalVotes: p._count.votes,
    eligibleVoters: eligible.get(p.zoneId) ?? 0,
    options: p.options.map((o) => ({ id: o.id, label: o.label, votes: o._count.votes })),
  }));
}
