import { z } from "zod";
import { Prisma } from "#app/generated/prisma/client.ts";
import type { Db, Tx } from "#app/lib/db.server.ts";
import { env } from "#app/lib/env.server.ts";
import { numberFormatFor } from "#app/modules/settings/record-number.server.ts";
import { formatRecordNumber, periodFor, type NumberFormatSpec } from "#app/modules/settings/record-number-format.ts";
import { matchIndex } from "#search/fuzzy/contact-index.server.ts";
import { enqueueSearchSync } from "#search/search-jobs.server.ts";
import { encodeProps } from "#emails/queued-props.ts";
import { emailSubject } from "#emails/render.server.ts";
import { pickNextTurn, type RotationMember, type RotationStaff } from "../distribution/token-rotation.server.ts";
import type { RoutingDecision, RoutingStep } from "../distribution/lead-routing.server.ts";
import {
  DUPLICATE_WINDOW_MS,
  itemRows,
  leadEventRows,
  leadRow,
  ownerMessage,
  prepareIntake,
  readLead,
  replayOf,
  Slots,
  submitSingle,
  TX_OPTIONS,
  type IntakeContext,
  type IntakeGuard,
  type IntakeLead,
  type IntakeResult,
  type LeadRow,
  type LockedCategory,
  type PreparedIntake,
} from "./lead-intake.server.ts";
import { bestDuplicate } from "./lead-matching.server.ts";
import type { LeadSubmission } from "./lead-submission.ts";

// Group commit of a channel's intakes (decision 063). Each intake validates, matches and prepares
// on its own (prepareIntake, no lock), then joins this process's queue. One flusher takes what
// queued (up to MAX_GROUP) and writes it in ONE READ COMMITTED transaction: the categories and
// token groups locked once (categories before groups, each by id: the single path's order), the
// replays of every key in one read, the turns decided in memory in arrival order by the same
// pickNextTurn, one multi-row statement each for leads, items, history, search changes,
// notifications and outbox rows, and one counter bump of N for the numbers. Each waiting request
// then gets its own answer — what the single path (submitSingle) would have answered.
// A group whose transaction fails twice (deadlock, a bad row) is replayed request by request on the
// single path, so one bad submission never fails its neighbours.

export const MAX_GROUP = 50;
const ATTEMPTS = 2;

export interface QueuedIntake {
  submission: LeadSubmission;
  ctx: IntakeContext & { categoryId: number };
  guard: IntakeGuard;
  prepared: PreparedIntake;
}

/** What the group transaction decided for one intake; `replayed-id` is read back after commit. */
export type GroupOutcome =
  | { status: "created"; lead: IntakeLead }
  | { status: "replayed-id"; id: number }
  | { status: "invalid"; errors: Record<string, string[]> };

/** A group the set-based path does not take (e.g. the first lead number ever): the single path does. */
class SingleOnly extends Error {}

interface Waiting extends QueuedIntake {
  resolve: (result: IntakeResult) => void;
  reject: (error: unknown) => void;
}

/** The per-process queue and its one flusher. */
class IntakeCommits {
  private readonly queue: Waiting[] = [];
  private flushing = false;
  private readonly prepares: Slots;

  constructor(private readonly db: Db) {
    // prepareIntake fans out into up to 4 parallel reads on the pool: bound them so that the
    // flusher and the rest of the app always find a connection.
    this.prepares = new Slots(Math.max(1, Math.floor((env.DATABASE_POOL_SIZE - 2) / 4)));
  }

  async submit(submission: LeadSubmission, ctx: IntakeContext, guard: IntakeGuard): Promise<IntakeResult> {
    if (ctx.categoryId === null) throw new Error("group commit takes a channel's intakes only");
    await matchIndex().ready(this.db);
    const prepared = await this.prepares.run(() => prepareIntake(this.db, submission, ctx));
    if (!prepared.ok) return { status: "invalid", errors: prepared.errors };
    const queued = { submission, ctx: { ...ctx, categoryId: ctx.categoryId }, guard, prepared };
    return new Promise<IntakeResult>((resolve, reject) => {
      this.queue.push({ ...queued, resolve, reject });
      if (!this.flushing) void this.drain();
    });
  }

  /** Intakes that queue while a group is written form the next group: no timer, no added wait. */
  private async drain(): Promise<void> {
    this.flushing = true;
    try {
      while (this.queue.length > 0) await this.flush(this.queue.splice(0, MAX_GROUP));
    } finally {
      this.flushing = false;
    }
  }

  private async flush(group: Waiting[]): Promise<void> {
    const answers = await commitGroup(this.db, group);
    group.forEach((w, i) => {
      const answer = answers[i]!;
      if (answer.status === "fulfilled") w.resolve(answer.value);
      else w.reject(answer.reason);
    });
  }
}

/**
 * Writes a group (in arrival order) and answers each intake as the single path would. A group the
 * set-based write refuses or that fails twice goes through the single path, intake by intake.
 */
export async function commitGroup(
  db: Db,
  group: readonly QueuedIntake[],
): Promise<PromiseSettledResult<IntakeResult>[]> {
  let outcomes: GroupOutcome[] | null;
  try {
    outcomes = await commitIntakeGroup(db, group);
  } catch {
    outcomes = null;
  }
  if (!outcomes) {
    // In arrival order (turns follow it), with what each intake already prepared; a bad row fails alone.
    const settled: PromiseSettledResult<IntakeResult>[] = [];
    for (const w of group) {
      try {
        settled.push({ status: "fulfilled", value: await submitSingle(db, w.submission, w.ctx, w.guard, w.prepared) });
      } catch (reason) {
        settled.push({ status: "rejected", reason });
      }
    }
    return settled;
  }
  return Promise.allSettled(group.map((w, i) => answer(db, w, outcomes[i]!)));
}

async function answer(db: Db, w: QueuedIntake, outcome: GroupOutcome): Promise<IntakeResult> {
  if (outcome.status !== "replayed-id") return outcome;
  const lead = await readLead(db, { id: outcome.id });
  if (lead) return replayOf(lead, w.guard.requestHash);
  // The earlier lead was deleted in between: this one is new after all (as the single path does).
  return submitSingle(db, w.submission, w.ctx, w.guard, w.prepared);
}

const commitsByDb = new WeakMap<Db, IntakeCommits>();
export function intakeCommits(db: Db): IntakeCommits {
  let commits = commitsByDb.get(db);
  if (!commits) {
    commits = new IntakeCommits(db);
    commitsByDb.set(db, commits);
  }
  return commits;
}

/**
 * Writes a group of prepared intakes, in the given (arrival) order, in one transaction, retried
 * once; throws when the group must go through the single path instead.
 */
export async function commitIntakeGroup(db: Db, group: readonly QueuedIntake[]): Promise<GroupOutcome[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction((tx) => writeIntakeGroup(tx, group), TX_OPTIONS);
    } catch (error) {
      if (error instanceof SingleOnly || attempt >= ATTEMPTS) throw error;
    }
  }
}

// ─────────────────────────────── the group transaction ───────────────────────────────

interface GroupRow {
  id: number;
  name: string;
  cursor: number;
}

/** A member row as claimNextTurn reads it, with its group. */
type MemberRow = RotationStaff & { groupId: number; position: number; active: number | boolean };

const STAFF_SELECT = { id: true, name: true, email: true, locale: true, status: true } as const;
const OwnerEmail = z.string().trim().max(320).pipe(z.email());

async function writeIntakeGroup(tx: Tx, group: readonly QueuedIntake[]): Promise<GroupOutcome[]> {
  const outcomes: Array<GroupOutcome | null> = group.map(() => null);

  // 1. Every channel of the group, locked once, by id (the single path locks one of them).
  const categoryIds = [...new Set(group.map((w) => w.ctx.categoryId))].sort((a, b) => a - b);
  const categoryRows = await tx.$queryRaw<LockedCategory[]>`
    SELECT \`id\`, \`name\`, \`campaignId\`, \`tokenGroupId\`, \`designatedStaffId\`, \`active\`
    FROM \`RegistrationCategory\` WHERE \`id\` IN (${Prisma.join(categoryIds)}) ORDER BY \`id\` FOR UPDATE`;
  const categories = new Map(categoryRows.map((c) => [Number(c.id), normaliseCategory(c)]));
  group.forEach((w, i) => {
    const category = categories.get(w.ctx.categoryId);
    if (!category || !category.active)
      outcomes[i] = { status: "invalid", errors: { category: ["leads.error.categoryUnavailable"] } };
  });

  // 2. Replays that committed before the lock (one read for every key and body of the group).
  const earlier = await committedReplays(tx, group, outcomes);

  // 3. The token groups of these channels, locked once, by id; their members in one read.
  const groupIds = [
    ...new Set(
      group.flatMap((w, i) => {
        const id = outcomes[i] ? null : categories.get(w.ctx.categoryId)!.tokenGroupId;
        return id === null ? [] : [id];
      }),
    ),
  ].sort((a, b) => a - b);
  const rotations = await lockRotations(tx, groupIds);

  // 4. Arrival order: replays (also of an earlier intake of this group), else the next turn.
  const byKey = new Map<string, number>();
  const byHash = new Map<string, number>();
  const creating: Array<{ index: number; turn: Turn }> = [];
  group.forEach((w, i) => {
    if (outcomes[i]) return;
    const { idempotencyKey, requestHash } = w.guard;
    const found = idempotencyKey
      ? (earlier.keys.get(idempotencyKey) ?? byKey.get(idempotencyKey))
      : (earlier.hashes.get(requestHash) ?? byHash.get(requestHash));
    if (found !== undefined) {
      outcomes[i] = { status: "replayed-id", id: found };
      return;
    }
    // Lead ids are not known yet: the index stands in until the insert returns them.
    if (idempotencyKey) byKey.set(idempotencyKey, -1 - i);
    if (!byHash.has(requestHash)) byHash.set(requestHash, -1 - i);
    creating.push({ index: i, turn: takeTurn(categories.get(w.ctx.categoryId)!, rotations) });
  });
  if (creating.length > 0) await createGroupLeads(tx, group, creating, categories, rotations, outcomes);
  // An in-group replay named its first twin by index: now it is a lead id.
  return outcomes.map((o) => {
    if (o?.status !== "replayed-id" || o.id > 0) return o!;
    const first = outcomes[-1 - o.id];
    if (first?.status !== "created") throw new Error("in-group replay of an intake that created nothing");
    return { status: "replayed-id", id: first.lead.id };
  });
}

function normaliseCategory(c: LockedCategory): LockedCategory {
  return {
    ...c,
    id: Number(c.id),
    campaignId: c.campaignId === null ? null : Number(c.campaignId),
    tokenGroupId: c.tokenGroupId === null ? null : Number(c.tokenGroupId),
    designatedStaffId: Number(c.designatedStaffId),
    active: Boolean(c.active),
  };
}

async function committedReplays(
  tx: Tx,
  group: readonly QueuedIntake[],
  outcomes: ReadonlyArray<GroupOutcome | null>,
): Promise<{ keys: Map<string, number>; hashes: Map<string, number> }> {
  const open = group.filter((_, i) => !outcomes[i]);
  const keys = [...new Set(open.flatMap((w) => (w.guard.idempotencyKey ? [w.guard.idempotencyKey] : [])))];
  const hashes = [...new Set(open.flatMap((w) => (w.guard.idempotencyKey ? [] : [w.guard.requestHash])))];
  const probes: Prisma.Sql[] = [];
  if (keys.length > 0)
    probes.push(Prisma.sql`(SELECT 'key' AS \`kind\`, \`idempotencyKey\` AS \`value\`, \`id\` FROM \`Lead\`
      WHERE \`idempotencyKey\` IN (${Prisma.join(keys)}))`);
  if (hashes.length > 0)
    probes.push(Prisma.sql`(SELECT 'hash' AS \`kind\`, \`requestHash\` AS \`value\`, MIN(\`id\`) AS \`id\` FROM \`Lead\`
      WHERE \`requestHash\` IN (${Prisma.join(hashes)}) AND \`createdAt\` >= ${new Date(Date.now() - DUPLICATE_WINDOW_MS)}
      GROUP BY \`requestHash\`)`);
  const found = { keys: new Map<string, number>(), hashes: new Map<string, number>() };
  if (probes.length === 0) return found;
  const rows = await tx.$queryRaw<Array<{ kind: string; value: string; id: number | bigint }>>`
    ${Prisma.join(probes, " UNION ALL ")}`;
  for (const row of rows) (row.kind === "key" ? found.keys : found.hashes).set(row.value, Number(row.id));
  return found;
}

interface Rotation {
  id: number;
  name: string;
  cursorBefore: number;
  cursor: number;
  members: RotationMember[];
}

async function lockRotations(tx: Tx, groupIds: readonly number[]): Promise<Map<number, Rotation>> {
  const rotations = new Map<number, Rotation>();
  if (groupIds.length === 0) return rotations;
  const rows = await tx.$queryRaw<GroupRow[]>`
    SELECT \`id\`, \`name\`, \`cursor\` FROM \`TokenGroup\` WHERE \`id\` IN (${Prisma.join(groupIds)})
    ORDER BY \`id\` FOR UPDATE`;
  if (rows.length === 0) return rotations;
  // As claimNextTurn reads them: an "away until" that has passed counts as back.
  const members = await tx.$queryRaw<MemberRow[]>`
    SELECT m.\`groupId\`, m.\`position\`, m.\`active\`, s.\`id\`, s.\`name\`, s.\`email\`, s.\`locale\`,
      CASE WHEN s.\`status\` = 'away' AND s.\`awayUntil\` <= UTC_TIMESTAMP(3) THEN 'active' ELSE s.\`status\` END AS \`status\`
    FROM \`TokenGroupMember\` m JOIN \`Staff\` s ON s.\`id\` = m.\`staffId\`
    WHERE m.\`groupId\` IN (${Prisma.join(rows.map((r) => Number(r.id)))}) ORDER BY m.\`groupId\`, m.\`position\``;
  for (const row of rows) {
    const cursor = Number(row.cursor);
    rotations.set(Number(row.id), { id: Number(row.id), name: row.name, cursorBefore: cursor, cursor, members: [] });
  }
  for (const m of members) {
    rotations.get(Number(m.groupId))!.members.push({
      position: Number(m.position),
      active: Boolean(m.active),
      staff: { id: Number(m.id), name: m.name, email: m.email, locale: m.locale, status: m.status },
    });
  }
  return rotations;
}

/** claimNextTurn in memory: the group's cursor moves for the next intake of the same group. */
type Turn =
  | { kind: "chosen"; decision: RoutingDecision }
  /** Nobody eligible (or no group): the campaign owner or the designated person decide, after the reads. */
  | { kind: "fallback"; tokenGroupId: number | null; steps: RoutingStep[]; skipped: RoutingDecision["skipped"] };

function takeTurn(category: LockedCategory, rotations: Map<number, Rotation>): Turn {
  const rotation = category.tokenGroupId !== null ? rotations.get(category.tokenGroupId) : undefined;
  if (!rotation) return { kind: "fallback", tokenGroupId: null, steps: [{ code: "no-token-group" }], skipped: [] };
  const cursorBefore = rotation.cursor;
  const pick = pickNextTurn(rotation.members, cursorBefore);
  if (!pick.chosen) {
    const code = rotation.members.length === 0 ? "group-empty" : "group-no-eligible";
    return {
      kind: "fallback",
      tokenGroupId: rotation.id,
      steps: [{ code, groupId: rotation.id, group: rotation.name }],
      skipped: pick.skipped,
    };
  }
  rotation.cursor = pick.chosen.position;
  return {
    kind: "chosen",
    decision: {
      owner: pick.chosen.staff,
      routedBy: "token-group",
      tokenGroupId: rotation.id,
      position: pick.chosen.position,
      steps: [
        {
          code: "token-turn",
          groupId: rotation.id,
          group: rotation.name,
          position: pick.chosen.position,
          cursorBefore,
          staffId: pick.chosen.staff.id,
          name: pick.chosen.staff.name,
        },
      ],
      skipped: pick.skipped,
    },
  };
}

/** routeCategoryLead's steps 2 and 3 for the intakes no turn took, from two reads for the group. */
async function fallbackDecisions(
  tx: Tx,
  pending: ReadonlyArray<{ category: LockedCategory; turn: Extract<Turn, { kind: "fallback" }> }>,
): Promise<RoutingDecision[]> {
  if (pending.length === 0) return [];
  const campaignIds = [
    ...new Set(pending.flatMap((p) => (p.category.campaignId === null ? [] : [p.category.campaignId]))),
  ];
  const campaigns =
    campaignIds.length === 0
      ? []
      : await tx.campaign.findMany({
          where: { id: { in: campaignIds } },
          select: { id: true, name: true, owner: { select: STAFF_SELECT } },
        });
  const designatedIds = [...new Set(pending.map((p) => p.category.designatedStaffId))];
  const designated = await tx.staff.findMany({ where: { id: { in: designatedIds } }, select: STAFF_SELECT });
  const campaignById = new Map(campaigns.map((c) => [c.id, c]));
  const staffById = new Map<number, RotationStaff>(designated.map((s) => [s.id, s]));
  return pending.map(({ category, turn }) => {
    const steps = [...turn.steps];
    const base = { tokenGroupId: turn.tokenGroupId, position: null, skipped: turn.skipped };
    if (category.campaignId !== null) {
      const campaign = campaignById.get(category.campaignId);
      if (campaign) {
        const owner = {
          campaignId: campaign.id,
          campaign: campaign.name,
          staffId: campaign.owner.id,
          name: campaign.owner.name,
        };
        if (campaign.owner.status === "active") {
          steps.push({ code: "campaign-owner", ...owner });
          return { ...base, owner: campaign.owner, routedBy: "campaign-owner", steps };
        }
        steps.push({ code: "campaign-owner-unavailable", ...owner, status: campaign.owner.status });
      } else steps.push({ code: "no-campaign" });
    } else steps.push({ code: "no-campaign" });
    const person = staffById.get(category.designatedStaffId);
    // The single path's findUniqueOrThrow: the group fails and each intake goes its own way.
    if (!person) throw new Error(`designated staff ${category.designatedStaffId} not found`);
    steps.push({ code: "designated", staffId: person.id, name: person.name });
    return { ...base, owner: person, routedBy: "default-owner", steps };
  });
}

async function createGroupLeads(
  tx: Tx,
  group: readonly QueuedIntake[],
  creating: ReadonlyArray<{ index: number; turn: Turn }>,
  categories: Map<number, LockedCategory>,
  rotations: Map<number, Rotation>,
  outcomes: Array<GroupOutcome | null>,
): Promise<void> {
  const now = new Date();
  const numbering = await leadNumbering(tx, now);
  // Routing: the cursors move once per group; the fallbacks read campaigns and people once.
  for (const rotation of rotations.values()) {
    if (rotation.cursor !== rotation.cursorBefore)
      await tx.$executeRaw`
        UPDATE \`TokenGroup\` SET \`cursor\` = ${rotation.cursor}, \`updatedAt\` = NOW(3) WHERE \`id\` = ${rotation.id}`;
  }
  const pending = creating.flatMap(({ index, turn }) =>
    turn.kind === "fallback" ? [{ index, category: categories.get(group[index]!.ctx.categoryId)!, turn }] : [],
  );
  const fallbacks = await fallbackDecisions(tx, pending);
  const decisionOf = new Map(pending.map((p, i) => [p.index, fallbacks[i]!]));

  const leads = creating.map(({ index, turn }) => {
    const w = group[index]!;
    const category = categories.get(w.ctx.categoryId)!;
    const decision = turn.kind === "chosen" ? turn.decision : decisionOf.get(index)!;
    return { index, w, category, decision, row: leadRow({ ...w, category, decision, now }) };
  });

  // The leads, in turn order: ids follow turns (one statement, auto-increment in row order).
  const columns = Object.keys(leads[0]!.row).map((column) => Prisma.raw(`\`${column}\``));
  const inserted = await tx.$queryRaw<Array<{ id: number | bigint; number: string }>>`
    INSERT INTO \`Lead\` (${Prisma.join(columns)})
    VALUES ${Prisma.join(leads.map((l) => Prisma.sql`(${Prisma.join(Object.values(l.row))})`))}
    RETURNING \`id\`, \`number\``;
  const idOf = new Map(inserted.map((r) => [r.number, Number(r.id)]));
  const created = leads.map((l) => ({ ...l, leadId: idOf.get(l.row.number as string)! }));
  await flagGroupDuplicates(tx, created);

  const items = created.flatMap((l) => itemRows(l.leadId, l.w.prepared.items, l.w.ctx));
  if (items.length > 0) await tx.leadItem.createMany({ data: items });
  await tx.leadEvent.createMany({
    data: created.flatMap((l) =>
      leadEventRows({
        leadId: l.leadId,
        ctx: l.w.ctx,
        memberId: l.w.prepared.memberId,
        category: l.category,
        decision: l.decision,
        now,
      }),
    ),
  });
  await enqueueSearchSync(
    tx,
    "leads",
    created.map((l) => l.leadId),
  );
  const messages = created.map((l) =>
    ownerMessage({
      leadId: l.leadId,
      submission: l.w.submission,
      items: l.w.prepared.items,
      decision: l.decision,
      category: l.category,
      ctx: l.w.ctx,
      matches: l.w.prepared.matches,
      now,
    }),
  );
  // As notifyStaff writes one.
  await tx.notification.createMany({
    data: messages.map(({ notification: n }) => ({
      staffId: n.staffId,
      type: n.type,
      title: n.title.slice(0, 200),
      body: n.body?.slice(0, 1000) ?? null,
      link: n.link ?? null,
    })),
  });

  // The numbers, last (the counter row is every channel's): one bump of N.
  const numbers = await nextLeadNumbers(tx, created.length, numbering);
  await tx.$executeRaw`UPDATE \`Lead\` SET \`number\` = CASE \`id\`
    ${Prisma.join(
      created.map((l, i) => Prisma.sql`WHEN ${l.leadId} THEN ${numbers[i]!}`),
      " ",
    )} END WHERE \`id\` IN (${Prisma.join(created.map((l) => l.leadId))})`;
  // As sendEmail queues a worker-rendered e-mail without an idempotency key.
  const mailAt = new Date();
  await tx.emailOutbox.createMany({
    data: messages.map((m, i) => {
      const email = m.email(numbers[i]!);
      return {
        toAddress: OwnerEmail.parse(email.to),
        subject: emailSubject(email.template, email.props, email.locale).slice(0, 255),
        html: "",
        text: "",
        template: email.template,
        props: encodeProps(email.props) as Prisma.InputJsonValue,
        locale: email.locale,
        nextAttemptAt: mailAt,
        createdAt: mailAt,
      };
    }),
  });

  created.forEach((l, i) => {
    outcomes[l.index] = {
      status: "created",
      lead: {
        id: l.leadId,
        number: numbers[i]!,
        owner: { id: l.decision.owner.id, name: l.decision.owner.name },
        routedBy: l.decision.routedBy,
        matches: l.w.prepared.matches,
      },
    };
  });
}

/**
 * Each lead's "possible duplicate" as the single path would have found it, the group's earlier
 * leads included: they were not committed when the lead was prepared. One UPDATE when any changes.
 */
async function flagGroupDuplicates(
  tx: Tx,
  created: ReadonlyArray<{ leadId: number; w: QueuedIntake; row: LeadRow }>,
): Promise<void> {
  const changes: Array<{ id: number; duplicateOf: number }> = [];
  created.forEach((lead, i) => {
    const { keys, possibleDuplicateOfId: id, possibleDuplicateScore: score } = lead.w.prepared;
    const sameKeys = created
      .slice(0, i)
      .filter(
        ({ row }) =>
          (keys.emailKey !== null && row.emailKey === keys.emailKey) ||
          (typeof row.phoneKey === "string" && keys.phoneProbes.includes(row.phoneKey)) ||
          (keys.companyKey !== null && row.companyKey === keys.companyKey),
      )
      .reverse();
    if (sameKeys.length === 0) return;
    const candidates = sameKeys.map(({ leadId, row }) => ({
      id: leadId,
      contactName: row.contactName as string | null,
      contactEmail: row.contactEmail as string | null,
      contactMobile: row.contactMobile as string | null,
      contactPhone: row.contactPhone as string | null,
      companyName: row.companyName as string | null,
      companyCity: row.companyCity as string | null,
      companyProvince: row.companyProvince as string | null,
      emailKey: row.emailKey as string | null,
      phoneKey: row.phoneKey as string | null,
    }));
    const older = id !== null && score !== null ? { id, score } : null;
    const best = bestDuplicate(lead.w.submission, candidates, older);
    if (best && best.id !== id) changes.push({ id: lead.leadId, duplicateOf: best.id });
  });
  if (changes.length === 0) return;
  await tx.$executeRaw`UPDATE \`Lead\` SET \`possibleDuplicateOfId\` = CASE \`id\`
    ${Prisma.join(
      changes.map((c) => Prisma.sql`WHEN ${c.id} THEN ${c.duplicateOf}`),
      " ",
    )} END WHERE \`id\` IN (${Prisma.join(changes.map((c) => c.id))})`;
}

interface Numbering {
  spec: NumberFormatSpec;
  period: string;
}

/**
 * The lead number's format and period; the counter's first use (legacy numbers decide its start)
 * goes to the single path, found before anything is written so the group leaves no gap in the ids.
 */
async function leadNumbering(tx: Tx, now: Date): Promise<Numbering> {
  const spec = await numberFormatFor(tx, "lead");
  const period = periodFor(spec.datePart, now);
  if (period === "") {
    const counter = await tx.$queryRaw<unknown[]>`
      SELECT 1 FROM \`NumberCounter\` WHERE \`kind\` = 'lead' AND \`period\` = ''`;
    if (counter.length === 0) throw new SingleOnly("first lead counter: legacy numbers decide its start");
  }
  return { spec, period };
}

/**
 * nextRecordNumber(tx, "lead") N times in one bump. Numbers stored without the counter (imports)
 * are stepped over by the single path: a group that meets one goes there instead.
 */
async function nextLeadNumbers(tx: Tx, count: number, { spec, period }: Numbering): Promise<string[]> {
  const affected = await tx.$executeRaw`
    INSERT INTO \`NumberCounter\` (\`kind\`, \`period\`, \`value\`) VALUES ('lead', ${period}, ${count})
    ON DUPLICATE KEY UPDATE \`value\` = \`value\` + ${count}`;
  if (affected === 1 && period === "") throw new SingleOnly("first lead counter: legacy numbers decide its start");
  const [row] = await tx.$queryRaw<Array<{ value: number | bigint }>>`
    SELECT \`value\` FROM \`NumberCounter\` WHERE \`kind\` = 'lead' AND \`period\` = ${period} FOR UPDATE`;
  const last = Number(row!.value);
  const numbers = Array.from({ length: count }, (_, i) => formatRecordNumber(spec, period, last - count + 1 + i));
  const taken = await tx.$queryRaw<unknown[]>`
    SELECT 1 FROM \`Lead\` WHERE \`number\` IN (${Prisma.join(numbers)}) LIMIT 1`;
  if (taken.length > 0) throw new SingleOnly("a lead number of this group is taken: the single path steps over it");
  return numbers;
}
