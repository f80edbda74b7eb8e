import { z } from "zod";
import { Prisma, type LeadBatchKind } from "#app/generated/prisma/client.ts";
import { db as defaultDb, type Db, type DbOrTx, type Tx } from "#app/lib/db.server.ts";
import type { MessageKey, TranslateVars } from "#app/lib/i18n/translate.ts";
import { recordStaffAudit, type AuditMeta } from "#app/modules/audit/audit-log.server.ts";
import { inScope, scopeFor, type PermissionSubject } from "#app/modules/auth/permissions.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { actorOf, loadStaffPrincipal } from "#app/modules/auth/staff-principal.server.ts";
import { registerJobHandler } from "#app/modules/jobs/job-handlers.server.ts";
import { enqueueJob } from "#app/modules/jobs/job-queue.server.ts";
import {
  applicableRules,
  MATCHABLE_LEAD_SELECT,
  type MatchableLead,
  type MatchableRule,
} from "../distribution/distribution-rule-matching.ts";
import { listDistributionRules, pickRights, type RuleRights } from "../distribution/distribution-rules.server.ts";
import {
  distributeLeadTx,
  LeadTransferTargetError,
  recallLeadTx,
  transferLeadTx,
  type AssigneeRights,
} from "../distribution/lead-distribution.server.ts";
import { ruleSteps, type DistributionStep } from "../distribution/distribution-plan.ts";
import { distributeChunkTx, recallChunkTx } from "./lead-batch-distribution.server.ts";
import { lockChunkLeads, transferChunkTx, type ChunkLead } from "./lead-batch-transfer.server.ts";
import { listLeads, type LeadCursor, type LeadListFilters, type LeadTab } from "./lead-queries.server.ts";

// Batch operations on leads (批量移交 / 按规则分发 / 手工分发 / 收回), run as background jobs.
//
// Creating a batch resolves the selection (ids, or every lead matching an inbox filter) to ids in one
// transaction and stores one LeadBatchItem per lead. The job then works through the pending items in
// chunks; each chunk is one transaction that (1) re-reads its items under row locks, keeping only
// those still pending, (2) applies the kind's change to all of them in set-based statements (one
// locking read of the leads, the decisions in memory by the plan the single-lead primitives of
// lead-distribution.server.ts follow, multi-row writes: decisions 055 and 058; `setBased: false`
// runs those primitives lead by lead instead), (3) marks each item done/skipped with its outcome and
// (4) records the chunk's counts in its own LeadBatchChunk row (no lock on the batch row, so chunks
// run in parallel). A job killed at any point therefore resumes at the last committed chunk: every lead of a chunk either
// moved (item done, one history row) or did not (item pending, nothing written), and a replay finds
// the committed items no longer pending. One commit per chunk instead of per lead is what makes a
// 10,000-lead batch fast (issue #12 item 7). See docs/decisions/014, 055 and 058.

export const LEAD_BATCH_JOB = "leads.batch";
/** Upper bound of one batch: beyond it the owner narrows the filter. */
export const MAX_BATCH_LEADS = 50_000;
/** Batches up to this size are processed during the request (still through the batch record). */
export const INLINE_BATCH_LIMIT = 50;
const INSERT_CHUNK = 1_000;
const PROCESS_CHUNK = 200;
/** Leads per transaction: big enough to pay one commit for many leads, small enough to keep locks short. */
const TRANSACTION_CHUNK = 50;
/**
 * Leads per set-based transaction (decision 058): a chunk costs about a dozen statements whatever
 * its size, so bigger chunks mean fewer round trips; 200 leads stay locked for tens of milliseconds.
 */
const SET_BASED_TRANSACTION_CHUNK = 200;
const PROCESS_CONCURRENCY = 4;

export type BatchSelection =
  { kind: "ids"; ids: number[] } | { kind: "filter"; tab: LeadTab; filters: LeadListFilters };

/** A rule as the batch applies it: a snapshot taken when the batch was created. */
export interface RuleSnapshot extends MatchableRule {
  name: string;
  assignees: Array<{ staffId: number; name: string } & RuleRights>;
}

export type BatchParams =
  | { kind: "transfer"; toStaffId: number; toName: string }
  | { kind: "distribute_rules"; rules: RuleSnapshot[] }
  | { kind: "distribute_manual"; assignees: Array<AssigneeRights & { name: string }> }
  | { kind: "recall"; fromStaffIds: number[] | "all"; fromNames: string[] };

export type BatchRequest =
  | { kind: "transfer"; toStaffId: number }
  | { kind: "distribute_rules"; ruleIds: number[] | "all" }
  | { kind: "distribute_manual"; assignees: AssigneeRights[] }
  | { kind: "recall"; fromStaffIds: number[] | "all" };

export interface BatchError {
  key: MessageKey;
  vars?: TranslateVars;
}

export type CreateBatchResult = { ok: true; batchId: number; total: number } | { ok: false; error: BatchError };

/** The permission module action a batch kind needs: moving ownership is `transfer`, the rest `modify`. */
export function batchAction(kind: LeadBatchKind): "transfer" | "modify" {
  return kind === "transfer" ? "transfer" : "modify";
}

/** May this person run this kind of batch at all (on their own leads at least)? */
export function canRunBatch(subject: PermissionSubject, kind: LeadBatchKind): boolean {
  return scopeFor(subject, "leads", batchAction(kind)) !== null;
}

/** Per lead: the owner, or someone whose leads × action scope covers the owner. */
function mayActOn(
  actor: StaffActor,
  kind: LeadBatchKind,
  lead: { ownerId: number; ownerTeamId: number | null },
): boolean {
  const scope = scopeFor(actor, "leads", batchAction(kind));
  if (scope === null) return false;
  if (lead.ownerId === actor.staffId) return true;
  return inScope(scope, { id: actor.staffId, teamId: actor.teamId, teamIds: actor.teamIds }, lead);
}

// ───────────────────────────── Selection ─────────────────────────────

/** Every lead id the inbox would list for this viewer, tab and filter (at most `limit`). */
async function filterIds(db: DbOrTx, actor: StaffActor, tab: LeadTab, filters: LeadListFilters, limit: number) {
  const ids: number[] = [];
  let after: LeadCursor | null = null;
  for (;;) {
    const page = await listLeads(db, actor, { tab, filters, after, take: 1_000 });
    for (const item of page.items) ids.push(item.id);
    if (!page.next || ids.length > limit) break;
    after = page.next;
  }
  return ids;
}

/** The selection as distinct lead ids, in the order given (ids) or newest first (filter). */
export async function resolveSelection(
  db: DbOrTx,
  actor: StaffActor,
  selection: BatchSelection,
  limit = MAX_BATCH_LEADS,
): Promise<number[]> {
  if (selection.kind === "ids") return [...new Set(selection.ids)].slice(0, limit + 1);
  return filterIds(db, actor, selection.tab, selection.filters, limit);
}

/** How many leads a filter selects (for "select all N matching"), capped just above the batch limit. */
export async function countSelection(db: DbOrTx, actor: StaffActor, selection: BatchSelection) {
  const ids = await resolveSelection(db, actor, selection);
  return { count: Math.min(ids.length, MAX_BATCH_LEADS), overLimit: ids.length > MAX_BATCH_LEADS };
}

// ───────────────────────────── Preview ─────────────────────────────

interface LeadForPreview extends MatchableLead {
  id: number;
  number: string;
  contactName: string | null;
  companyName: string | null;
  ownerId: number;
  owner: { teamId: number | null };
}

const PREVIEW_SELECT = {
  id: true,
  number: true,
  contactName: true,
  companyName: true,
  ownerId: true,
  owner: { select: { teamId: true } },
  ...MATCHABLE_LEAD_SELECT,
} satisfies Prisma.LeadSelect;

export interface PreviewLead {
  id: number;
  number: string;
  contactName: string | null;
  companyName: string | null;
  region: string | null;
}

export interface DistributionPreview {
  total: number;
  overLimit: boolean;
  /** Leads the actor may not distribute (neither owner nor in scope); the batch will skip them. */
  forbidden: number;
  /** Leads at least one applied rule takes. */
  matched: number;
  rules: Array<{
    id: number;
    name: string;
    isCatchAll: boolean;
    alsoApply: boolean;
    count: number;
    sample: PreviewLead[];
    assignees: RuleSnapshot["assignees"];
    inactiveAssignees: string[];
  }>;
  unmatched: { count: number; sample: PreviewLead[] };
}

const SAMPLE_SIZE = 5;

function previewLead(lead: LeadForPreview): PreviewLead {
  const region = [lead.companyProvince, lead.companyCity].filter(Boolean).join(" · ") || null;
  return { id: lead.id, number: lead.number, contactName: lead.contactName, companyName: lead.companyName, region };
}

async function* leadsInChunks(db: DbOrTx, ids: number[]): AsyncGenerator<LeadForPreview[]> {
  for (let i = 0; i < ids.length; i += 2_000) {
    const chunk = ids.slice(i, i + 2_000);
    yield (await db.lead.findMany({ where: { id: { in: chunk } }, select: PREVIEW_SELECT })) as LeadForPreview[];
  }
}

/** Snapshot of the chosen active rules (all active ones for "all"), in evaluation order. */
export async function snapshotRules(db: DbOrTx, ruleIds: number[] | "all"): Promise<RuleSnapshot[]> {
  const rules = await listDistributionRules(db);
  const wanted = ruleIds === "all" ? null : new Set(ruleIds);
  return rules
    .filter((r) => r.active && (wanted === null || wanted.has(r.id)))
    .map((r) => ({
      id: r.id,
      name: r.name,
      position: r.position,
      active: r.active,
      isCatchAll: r.isCatchAll,
      alsoApply: r.alsoApply,
      regionKeywords: r.regionKeywords,
      phoneKeywords: r.phoneKeywords,
      assignees: r.assignees
        .filter((a) => a.status !== "inactive")
        .map((a) => ({ staffId: a.staffId, name: a.name, ...pickRights(a) })),
    }));
}

/** "These N selected leads would go to …": per rule the count, a sample and the assignees. */
export async function previewDistribution(
  db: DbOrTx,
  actor: StaffActor,
  selection: BatchSelection,
  ruleIds: number[] | "all",
): Promise<DistributionPreview> {
  const ids = await resolveSelection(db, actor, selection);
  const overLimit = ids.length > MAX_BATCH_LEADS;
  const rules = await snapshotRules(db, ruleIds);
  const allRules = await listDistributionRules(db);
  const inactive = new Map(
    allRules.map((r) => [r.id, r.assignees.filter((a) => a.status === "inactive").map((a) => a.name)]),
  );
  const perRule = new Map(rules.map((r) => [r.id, { count: 0, sample: [] as PreviewLead[] }]));
  const unmatched = { count: 0, sample: [] as PreviewLead[] };
  let forbidden = 0;
  let matched = 0;
  for await (const leads of leadsInChunks(db, ids.slice(0, MAX_BATCH_LEADS))) {
    for (const lead of leads) {
      if (!mayActOn(actor, "distribute_rules", { ownerId: lead.ownerId, ownerTeamId: lead.owner.teamId })) {
        forbidden++;
        continue;
      }
      const applied = applicableRules(lead, rules);
      if (applied.length === 0) {
        unmatched.count++;
        if (unmatched.sample.length < SAMPLE_SIZE) unmatched.sample.push(previewLead(lead));
      } else matched++;
      for (const rule of applied) {
        const entry = perRule.get(rule.id)!;
        entry.count++;
        if (entry.sample.length < SAMPLE_SIZE) entry.sample.push(previewLead(lead));
      }
    }
  }
  return {
    total: Math.min(ids.length, MAX_BATCH_LEADS),
    overLimit,
    forbidden,
    matched,
    rules: rules.map((r) => ({
      id: r.id,
      name: r.name,
      isCatchAll: r.isCatchAll,
      alsoApply: r.alsoApply,
      count: perRule.get(r.id)!.count,
      sample: perRule.get(r.id)!.sample,
      assignees: r.assignees,
      inactiveAssignees: inactive.get(r.id) ?? [],
    })),
    unmatched,
  };
}

// ───────────────────────────── Creating ─────────────────────────────

async function activeStaffNames(tx: DbOrTx, ids: number[]) {
  const staff = await tx.staff.findMany({
    where: { id: { in: ids }, status: { not: "inactive" } },
    select: { id: true, name: true },
  });
  return new Map(staff.map((s) => [s.id, s.name]));
}

async function buildParams(tx: Tx, request: BatchRequest): Promise<BatchParams | BatchError> {
  switch (request.kind) {
    case "transfer": {
      const names = await activeStaffNames(tx, [request.toStaffId]);
      const name = names.get(request.toStaffId);
      if (!name) return { key: "distribution.batch.error.target" };
      return { kind: "transfer", toStaffId: request.toStaffId, toName: name };
    }
    case "distribute_rules": {
      if (request.ruleIds !== "all" && request.ruleIds.length === 0) return { key: "distribution.batch.error.noRules" };
      const rules = await snapshotRules(tx, request.ruleIds);
      if (rules.length === 0) return { key: "distribution.batch.error.noRules" };
      return { kind: "distribute_rules", rules };
    }
    case "distribute_manual": {
      const ids = [...new Set(request.assignees.map((a) => a.staffId))];
      if (ids.length === 0) return { key: "distribution.batch.error.noAssignees" };
      const names = await activeStaffNames(tx, ids);
      if (names.size !== ids.length) return { key: "distribution.batch.error.target" };
      const seen = new Set<number>();
      const assignees = request.assignees
        .filter((a) => !seen.has(a.staffId) && seen.add(a.staffId))
        .map((a) => ({ staffId: a.staffId, name: names.get(a.staffId)!, ...pickRights(a) }));
      return { kind: "distribute_manual", assignees };
    }
    case "recall": {
      if (request.fromStaffIds === "all") return { kind: "recall", fromStaffIds: "all", fromNames: [] };
      const ids = [...new Set(request.fromStaffIds)];
      if (ids.length === 0) return { key: "distribution.batch.error.noRecallFrom" };
      const staff = await tx.staff.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
      if (staff.length !== ids.length) return { key: "distribution.batch.error.target" };
      return { kind: "recall", fromStaffIds: ids, fromNames: staff.map((s) => s.name) };
    }
  }
}

/**
 * Creates the batch and its items in one transaction and enqueues the job. Small batches are also
 * processed right away (the job then finds nothing left to do).
 */
export async function createLeadBatch(
  db: Db,
  actor: StaffActor,
  selection: BatchSelection,
  request: BatchRequest,
  options: { inlineLimit?: number } & AuditMeta = {},
): Promise<CreateBatchResult> {
  if (!canRunBatch(actor, request.kind)) return { ok: false, error: { key: "distribution.batch.error.forbidden" } };
  const created = await db.$transaction(
    async (tx): Promise<CreateBatchResult> => {
      const params = await buildParams(tx, request);
      if ("key" in params) return { ok: false, error: params };
      const ids = await resolveSelection(tx, actor, selection);
      if (ids.length === 0) return { ok: false, error: { key: "distribution.batch.error.empty" } };
      if (ids.length > MAX_BATCH_LEADS) {
        return { ok: false, error: { key: "distribution.batch.error.tooMany", vars: { max: MAX_BATCH_LEADS } } };
      }
      // Ids typed into a form may name leads that do not exist: keep only real ones.
      const existing: number[] = [];
      for (let i = 0; i < ids.length; i += INSERT_CHUNK) {
        const rows = await tx.lead.findMany({
          where: { id: { in: ids.slice(i, i + INSERT_CHUNK) } },
          select: { id: true },
        });
        existing.push(...rows.map((r) => r.id));
      }
      if (existing.length === 0) return { ok: false, error: { key: "distribution.batch.error.empty" } };
      const batch = await tx.leadBatch.create({
        data: {
          kind: request.kind,
          params: params as unknown as Prisma.InputJsonValue,
          total: existing.length,
          createdById: actor.staffId,
        },
      });
      for (let i = 0; i < existing.length; i += INSERT_CHUNK) {
        await tx.leadBatchItem.createMany({
          data: existing.slice(i, i + INSERT_CHUNK).map((leadId) => ({ batchId: batch.id, leadId })),
        });
      }
      await enqueueJob(tx, {
        type: LEAD_BATCH_JOB,
        payload: { batchId: batch.id },
        dedupeKey: `lead-batch:${batch.id}`,
      });
      await recordStaffAudit(tx, actor, {
        action: `lead_batch.created`,
        entityType: "LeadBatch",
        entityId: batch.id,
        after: { kind: request.kind, total: existing.length, selection: selection.kind },
        ipAddress: options.ipAddress ?? null,
      });
      return { ok: true, batchId: batch.id, total: existing.length };
    },
    { timeout: 120_000 },
  );
  if (created.ok && created.total <= (options.inlineLimit ?? INLINE_BATCH_LIMIT)) {
    await processLeadBatch(db, created.batchId);
  }
  return created;
}

// ───────────────────────────── Processing ─────────────────────────────

export interface ProcessOptions {
  /** Items per read of pending items. */
  chunkSize?: number;
  /** Stop (as if killed) after this many items; the batch stays running and resumes on the next run. */
  maxItems?: number;
  /** Transactions run at once, each over its own chunk of leads (default 4; 1 when maxItems is set). */
  concurrency?: number;
  /** Leads per transaction (default 200 set-based, 50 lead by lead); a crash rolls back only the chunk it happened in. */
  transactionSize?: number;
  /** Chunks in set-based statements (default, decision 058); false runs the single-lead primitives lead by lead (for comparison). */
  setBased?: boolean;
  /** Test hook for crash injection: called inside the chunk's transaction after a lead's change, before its item is marked. */
  afterApply?: (leadId: number) => void;
}

export interface ProcessResult {
  processed: number;
  finished: boolean;
}

type Outcome = { state: "done" | "skipped"; outcome: string };

async function applyToLead(
  tx: Tx,
  batchId: number,
  params: BatchParams,
  actor: StaffActor | null,
  leadId: number,
  kind: LeadBatchKind,
): Promise<Outcome> {
  // One read for the permission check and the rule matching (the primitive locks the row itself).
  const rows = await tx.$queryRaw<Array<MatchableLead & { ownerId: number; ownerTeamId: number | null }>>`
    SELECT l.ownerId, s.teamId AS ownerTeamId, l.companyProvince, l.companyCity, l.contactPhone,
           l.contactMobile, l.contactFax, l.companyPhone, l.companyFax
    FROM \`Lead\` l JOIN Staff s ON s.id = l.ownerId WHERE l.id = ${leadId}`;
  const lead = rows[0];
  if (!lead) return { state: "skipped", outcome: "gone" };
  const owner = {
    ownerId: Number(lead.ownerId),
    ownerTeamId: lead.ownerTeamId === null ? null : Number(lead.ownerTeamId),
  };
  if (!actor || !mayActOn(actor, kind, owner)) {
    return { state: "skipped", outcome: "forbidden" };
  }
  const opts = { batchId };
  switch (params.kind) {
    case "transfer": {
      if (owner.ownerId === params.toStaffId) return { state: "skipped", outcome: "already-owner" };
      try {
        const { changed } = await transferLeadTx(tx, leadId, params.toStaffId, actor.staffId, opts);
        return changed ? { state: "done", outcome: "transferred" } : { state: "skipped", outcome: "unchanged" };
      } catch (error) {
        if (error instanceof LeadTransferTargetError) return { state: "skipped", outcome: "target-inactive" };
        throw error;
      }
    }
    case "distribute_manual": {
      const { changed } = await distributeLeadTx(tx, leadId, params.assignees.map(stripName), actor.staffId, opts);
      return changed ? { state: "done", outcome: "distributed" } : { state: "skipped", outcome: "unchanged" };
    }
    case "recall": {
      const { changed } = await recallLeadTx(tx, leadId, params.fromStaffIds, actor.staffId, opts);
      return changed ? { state: "done", outcome: "recalled" } : { state: "skipped", outcome: "nothing-to-recall" };
    }
    case "distribute_rules": {
      // One distribution per applied rule, so each assignment remembers its rule.
      const { applied, steps } = ruleSteps(lead, params.rules);
      let changed = false;
      for (const step of steps) {
        const result = await distributeLeadTx(tx, leadId, [...step.assignees], actor.staffId, {
          ...opts,
          ruleId: step.ruleId,
        });
        changed ||= result.changed;
      }
      return ruleOutcome(applied, changed);
    }
  }
}

/** A rules batch's outcome for one lead: which rules applied, and whether anything changed. */
function ruleOutcome(applied: ReadonlyArray<{ id: number }>, changed: boolean): Outcome {
  if (applied.length === 0) return { state: "skipped", outcome: "no-rule" };
  const outcome = `rule:${applied.map((r) => r.id).join("+")}`;
  return changed ? { state: "done", outcome } : { state: "skipped", outcome: `unchanged:${outcome}` };
}

/**
 * A chunk in set-based statements (decision 058): one locking read of its leads, the permission
 * check per lead, then the kind's chunk primitive — the same outcomes applyToLead gives lead by lead.
 */
async function setBasedChunk(
  tx: Tx,
  batchId: number,
  params: BatchParams,
  actor: StaffActor | null,
  kind: LeadBatchKind,
  leadIds: number[],
): Promise<Map<number, Outcome>> {
  const leads = await lockChunkLeads(tx, leadIds);
  const outcomes = new Map<number, Outcome>();
  const permitted: ChunkLead[] = [];
  for (const leadId of leadIds) {
    const lead = leads.get(leadId);
    if (!lead) outcomes.set(leadId, { state: "skipped", outcome: "gone" });
    else if (!actor || !mayActOn(actor, kind, lead)) outcomes.set(leadId, { state: "skipped", outcome: "forbidden" });
    else permitted.push(lead);
  }
  if (!actor) return outcomes;
  switch (params.kind) {
    case "transfer": {
      const moving = permitted.filter((lead) => {
        if (lead.ownerId !== params.toStaffId) return true;
        outcomes.set(lead.id, { state: "skipped", outcome: "already-owner" });
        return false;
      });
      const moved = await transferChunkTx(tx, moving, params.toStaffId, actor.staffId, batchId);
      for (const lead of moving) {
        outcomes.set(
          lead.id,
          moved ? { state: "done", outcome: "transferred" } : { state: "skipped", outcome: "target-inactive" },
        );
      }
      break;
    }
    case "distribute_manual": {
      const steps: DistributionStep[] = [{ assignees: params.assignees.map(stripName), ruleId: null }];
      const changed = await distributeChunkTx(tx, permitted, () => steps, actor.staffId, batchId);
      for (const lead of permitted) {
        outcomes.set(
          lead.id,
          changed.has(lead.id) ? { state: "done", outcome: "distributed" } : { state: "skipped", outcome: "unchanged" },
        );
      }
      break;
    }
    case "distribute_rules": {
      const matched = new Map(permitted.map((lead) => [lead.id, ruleSteps(lead, params.rules)]));
      const changed = await distributeChunkTx(
        tx,
        permitted,
        (lead) => matched.get(lead.id)!.steps,
        actor.staffId,
        batchId,
      );
      for (const lead of permitted)
        outcomes.set(lead.id, ruleOutcome(matched.get(lead.id)!.applied, changed.has(lead.id)));
      break;
    }
    case "recall": {
      const changed = await recallChunkTx(tx, permitted, params.fromStaffIds, actor.staffId, batchId);
      for (const lead of permitted) {
        outcomes.set(
          lead.id,
          changed.has(lead.id)
            ? { state: "done", outcome: "recalled" }
            : { state: "skipped", outcome: "nothing-to-recall" },
        );
      }
      break;
    }
  }
  return outcomes;
}

function stripName(a: AssigneeRights & { name?: string }): AssigneeRights {
  return {
    staffId: a.staffId,
    canEditNeed: a.canEditNeed,
    canEditContact: a.canEditContact,
    canEditCompany: a.canEditCompany,
    canEditStatus: a.canEditStatus,
  };
}

/** Deadlocks and lock-wait timeouts roll the whole lead transaction back: simply try again. */
async function withRetry<T>(run: () => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      const transient = /deadlock|lock wait timeout|P2034|try restarting transaction/i.test(text);
      if (!transient || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt));
    }
  }
}

/**
 * One chunk, one transaction: each still-pending lead's change and its item's outcome, then the
 * chunk's progress row, commit together. Returns how many leads it handled (items another run already took are
 * not pending any more and are left alone).
 */
async function processChunk(
  db: Db,
  batch: { id: number; kind: LeadBatchKind; params: BatchParams },
  actor: Parameters<typeof applyToLead>[3],
  leadIds: number[],
  afterApply?: (leadId: number) => void,
  setBased = true,
): Promise<number> {
  return db.$transaction(
    async (tx) => {
      // No lock on the batch row: progress goes into this chunk's own LeadBatchChunk row (decision
      // 055), so chunks of one batch run side by side. The item locks keep a lead from being
      // handled twice by two runs at once; through the primary key, so only this chunk's items are
      // locked (the (batchId, state) index would lock every pending item it scans).
      const rows = await tx.$queryRaw<Array<{ leadId: number }>>`
        SELECT leadId FROM LeadBatchItem FORCE INDEX (PRIMARY)
        WHERE batchId = ${batch.id} AND leadId IN (${Prisma.join(leadIds)}) AND state = 'pending'
        ORDER BY leadId FOR UPDATE`;
      const lockedIds = rows.map((row) => Number(row.leadId));
      const outcomes = new Map<number, Outcome>();
      if (setBased && lockedIds.length > 0) {
        const decided = await setBasedChunk(tx, batch.id, batch.params, actor, batch.kind, lockedIds);
        // In lead order, like the per-lead path (the crash hook counts leads).
        for (const leadId of lockedIds) {
          outcomes.set(leadId, decided.get(leadId)!);
          afterApply?.(leadId);
        }
      } else {
        for (const leadId of lockedIds) {
          outcomes.set(leadId, await applyToLead(tx, batch.id, batch.params, actor, leadId, batch.kind));
          afterApply?.(leadId);
        }
      }
      // One UPDATE per distinct outcome (usually one or two per chunk), not one per lead.
      const byOutcome = new Map<string, { result: Outcome; ids: number[] }>();
      for (const [leadId, result] of outcomes) {
        const key = `${result.state}\n${result.outcome}`;
        const group = byOutcome.get(key) ?? byOutcome.set(key, { result, ids: [] }).get(key)!;
        group.ids.push(leadId);
      }
      for (const { result, ids } of byOutcome.values()) {
        await tx.$executeRaw`
          UPDATE LeadBatchItem SET state = ${result.state}, outcome = ${result.outcome.slice(0, 100)}
          WHERE batchId = ${batch.id} AND leadId IN (${Prisma.join(ids)})`;
      }
      const done = [...outcomes.values()].filter((o) => o.state === "done").length;
      if (rows.length > 0) {
        await tx.leadBatchChunk.create({
          data: {
            batchId: batch.id,
            firstLeadId: Number(rows[0]!.leadId),
            processed: rows.length,
            succeeded: done,
            skipped: rows.length - done,
          },
        });
      }
      return rows.length;
    },
    // READ COMMITTED: every plain read after the lead locks sees what was committed before the
    // lock was granted (a snapshot taken earlier could miss a claim or recall that just committed).
    { timeout: 60_000, maxWait: 10_000, isolationLevel: Prisma.TransactionIsolationLevel.ReadCommitted },
  );
}

export interface BatchProgress {
  processed: number;
  succeeded: number;
  skipped: number;
}

/** What the committed chunks did so far: one row per chunk (≤ 1,000 for the largest batch). */
export async function batchProgress(db: DbOrTx, batchId: number): Promise<BatchProgress> {
  const sums = await db.leadBatchChunk.aggregate({
    where: { batchId },
    _sum: { processed: true, succeeded: true, skipped: true },
  });
  return {
    processed: sums._sum.processed ?? 0,
    succeeded: sums._sum.succeeded ?? 0,
    skipped: sums._sum.skipped ?? 0,
  };
}

/** Counts of items by outcome (pending items are not counted). */
export async function batchSummary(db: DbOrTx, batchId: number): Promise<Record<string, number>> {
  const groups = await db.leadBatchItem.groupBy({
    by: ["outcome"],
    where: { batchId, state: { not: "pending" } },
    _count: { _all: true },
  });
  const summary: Record<string, number> = {};
  for (const g of groups) summary[g.outcome ?? "unknown"] = g._count._all;
  return summary;
}

/**
 * Works through a batch's pending items. Safe to run again at any time (after a crash, or twice at
 * once): items already handled are skipped under their row lock.
 */
export async function processLeadBatch(db: Db, batchId: number, options: ProcessOptions = {}): Promise<ProcessResult> {
  const batch = await db.leadBatch.findUnique({ where: { id: batchId } });
  if (!batch) return { processed: 0, finished: true };
  if (batch.status === "done") return { processed: 0, finished: true };
  if (batch.status === "pending" || batch.status === "failed") {
    await db.leadBatch.update({
      where: { id: batchId },
      data: { status: "running", startedAt: batch.startedAt ?? new Date(), lastError: null },
    });
  }
  const params = batch.params as unknown as BatchParams;
  const principal = await loadStaffPrincipal(db, batch.createdById, `batch:${batchId}`);
  const actor = principal ? actorOf(principal) : null;
  const setBased = options.setBased ?? true;
  const transactionSize = Math.max(
    1,
    options.transactionSize ?? (setBased ? SET_BASED_TRANSACTION_CHUNK : TRANSACTION_CHUNK),
  );
  const concurrency = options.maxItems !== undefined ? 1 : (options.concurrency ?? PROCESS_CONCURRENCY);
  // Each read of pending items gives every lane at least one full transaction's worth.
  const chunkSize = options.chunkSize ?? Math.max(PROCESS_CHUNK, transactionSize * concurrency);
  let processed = 0;
  try {
    for (;;) {
      const items = await db.leadBatchItem.findMany({
        where: { batchId, state: "pending" },
        select: { leadId: true },
        orderBy: { leadId: "asc" },
        take: chunkSize,
      });
      if (items.length === 0) break;
      let stop = false;
      let next = 0;
      // A few chunks at once, each in its own transaction (leads are independent; the item locks
      // keep any lead from being handled twice).
      const lane = async () => {
        while (!stop && next < items.length) {
          const left = options.maxItems === undefined ? Infinity : options.maxItems - processed;
          if (left <= 0) {
            stop = true;
            return;
          }
          const size = Math.min(transactionSize, left);
          const chunk = items.slice(next, next + size).map((item) => item.leadId);
          next += chunk.length;
          try {
            processed += await withRetry(() =>
              processChunk(db, { id: batchId, kind: batch.kind, params }, actor, chunk, options.afterApply, setBased),
            );
          } catch (error) {
            stop = true;
            throw error;
          }
        }
      };
      const lanes = Array.from({ length: concurrency }, lane);
      const results = await Promise.allSettled(lanes);
      const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
      if (failed) throw failed.reason;
      if (stop) return { processed, finished: false };
    }
  } catch (error) {
    await db.leadBatch.update({
      where: { id: batchId },
      data: { lastError: error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 2000) : String(error) },
    });
    throw error;
  }
  const summary = await batchSummary(db, batchId);
  // The totals move to the batch row once, when nothing locks it any more.
  const totals = await batchProgress(db, batchId);
  await db.leadBatch.updateMany({
    where: { id: batchId, status: { not: "done" } },
    data: { status: "done", finishedAt: new Date(), summary, ...totals },
  });
  return { processed, finished: true };
}

const JobPayload = z.object({ batchId: z.number().int().positive() });

registerJobHandler(LEAD_BATCH_JOB, async (payload) => {
  const { batchId } = JobPayload.parse(payload);
  await processLeadBatch(defaultDb, batchId);
});

// ───────────────────────────── Reading ─────────────────────────────

export async function getLeadBatch(db: DbOrTx, batchId: number) {
  const stored = await db.leadBatch.findUnique({ where: { id: batchId } });
  if (!stored) return null;
  // A running batch's counters are the sum of its committed chunks; a finished one has them stored.
  const batch = stored.status === "done" ? stored : { ...stored, ...(await batchProgress(db, batchId)) };
  const creator = await db.staff.findUnique({ where: { id: batch.createdById }, select: { id: true, name: true } });
  const summary =
    batch.status === "done" && batch.summary && typeof batch.summary === "object"
      ? (batch.summary as Record<string, number>)
      : await batchSummary(db, batchId);
  return { ...batch, params: batch.params as unknown as BatchParams, summary, creator };
}

export type LeadBatchView = NonNullable<Awaited<ReturnType<typeof getLeadBatch>>>;

/** A few items of one outcome, for the result page ("which leads were skipped?"). */
export async function batchItemsByOutcome(db: DbOrTx, batchId: number, outcome: string, take = 20) {
  const items = await db.leadBatchItem.findMany({
    where: { batchId, outcome },
    select: { lead: { select: { id: true, number: true, contactName: true, companyName: true } } },
    orderBy: { leadId: "asc" },
    take,
  });
  return items.map((i) => i.lead);
}

/** May this person see the batch page? Its creator, or anyone managing leads company-wide. */
export function canViewBatch(actor: StaffActor, batch: { createdById: number }) {
  return batch.createdById === actor.staffId || scopeFor(actor, "leads", "modify") === "all";
}
