import { randomBytes } from "node:crypto";
import { sha256 } from "@oslojs/crypto/sha2";
import { encodeHexLowerCase } from "@oslojs/encoding";
import { Prisma, type LeadRoutedBy } from "#app/generated/prisma/client.ts";
import type { Db, DbOrTx, Tx } from "#app/lib/db.server.ts";
import { env } from "#app/lib/env.server.ts";
import { DEFAULT_LOCALE, isLocale, type Locale } from "#app/lib/i18n/locales.ts";
import { createTranslator } from "#app/lib/i18n/translate.ts";
import { phoneKey } from "#app/modules/crm/match-keys.ts";
import { nextRecordNumber } from "#app/modules/settings/record-number.server.ts";
import { notifyStaff, type NewNotification } from "#app/modules/notifications/notifications.server.ts";
import { matchIndex } from "#search/fuzzy/contact-index.server.ts";
import { enqueueSearchSync } from "#search/search-jobs.server.ts";
import { sendEmail, type SendEmailInput } from "#emails/send-email.server.ts";
import {
  findLeadMatches,
  findRecentDuplicate,
  leadKeys,
  type LeadKeys,
  type LeadMatch,
} from "./lead-matching.server.ts";
import {
  routeCategoryLead,
  routedByFromDb,
  routedByToDb,
  routeManualLead,
  type RoutedBy,
  type RoutingDecision,
} from "../distribution/lead-routing.server.ts";
import { isWriteConflict, prismaErrorCode } from "#app/lib/db-errors.server.ts";
import { parseLeadSubmission, type LeadSubmission } from "./lead-submission.ts";
import { selectIdAndName } from "#app/lib/prisma-selects.ts";
import { leadSourceForChannel } from "../record/lead-source.ts";
// A cycle on purpose: the group commit reuses this module's pieces, and submitLead hands it the intakes.
import { intakeCommits } from "./lead-intake-batch.server.ts";

// The one way a lead enters the CRM (portal forms, the public intake API, staff entry):
//   validate → idempotency / duplicate guard → route → create lead, items, history → notify the
//   owner in the back office and by e-mail (outbox) → return.
// Everything from the routing decision to the outbox row happens in ONE transaction, so a failure
// anywhere leaves no lead, no mail, no notification and the token cursor where it was.
//
// Concurrency: each intake locks its registration category row (and, through routing, its token
// group row) before it looks for replays and claims a turn. Intakes of one channel therefore queue
// for a few milliseconds each instead of racing, which makes the round-robin exact and lets a
// concurrent replay (double click, client retry) find the winner's lead. The transaction runs at
// READ COMMITTED so reads made after the lock see what committed while we waited, and no gap
// locks are taken (those deadlock concurrent inserts).

export type { RoutedBy } from "../distribution/lead-routing.server.ts";

export interface IntakeContext {
  categoryId: number | null;
  /** forum: staff hand a training-classroom member to sales (转交销售, issue #17). */
  source: "portal" | "api" | "staff" | "forum";
  idempotencyKey?: string | null;
  memberId?: number | null;
  submitterIp?: string | null;
  userAgent?: string | null;
  actorStaffId?: number | null;
  /** staff manual entry: owner chosen by hand → routedBy "manual" */
  ownerStaffId?: number | null;
  /** staff manual entry: the 营销战役 chosen by hand (checked by the caller); a category's wins. */
  campaignId?: number | null;
  /** 线索来源 picked by hand (an active lead_source code, checked by the caller); else the channel's. */
  sourceCode?: string | null;
  /**
   * The portal basket's prices for `submission.items`, in the same order, computed on the server by
   * the catalog's pricing (#18): kept on the lead items so conversion copies them to the fen.
   */
  itemPrices?: ReadonlyArray<{ unit: string | null; unitPrice: string; lineTotal: string }> | null;
}

export interface IntakeLead {
  id: number;
  number: string;
  owner: { id: number; name: string };
  routedBy: RoutedBy;
  matches: Array<{ type: "contact" | "company"; id: number; score: number }>;
}

export type IntakeResult =
  | { status: "created"; lead: IntakeLead }
  | { status: "replayed"; lead: IntakeLead }
  | { status: "invalid"; errors: Record<string, string[]> }
  /** The Idempotency-Key already names a different submission (IETF Idempotency-Key draft: 422). */
  | { status: "keyReused" };

/** An identical submission (same channel, same content) within this window returns the first lead. */
export const DUPLICATE_WINDOW_MS = 10 * 60 * 1000;

export const TX_OPTIONS = {
  isolationLevel: Prisma.TransactionIsolationLevel.ReadCommitted,
  maxWait: 10_000,
  timeout: 20_000,
};
const MAX_ATTEMPTS = 3;

export interface SubmitOptions {
  /**
   * "batched" (the default for a channel's intakes): group commit with the concurrent intakes of
   * this process (lead-intake-batch.server.ts, decision 063). "single": one transaction for this
   * intake alone — staff entry always, and the reference the batched path is tested against.
   */
  path?: "single" | "batched";
}

export async function submitLead(
  db: Db,
  input: unknown,
  ctx: IntakeContext,
  options: SubmitOptions = {},
): Promise<IntakeResult> {
  const admitted = await admitIntake(db, input, ctx);
  if (admitted.status !== "admitted") return admitted;
  const { submission, guard } = admitted;
  if (ctx.categoryId !== null && (options.path ?? "batched") === "batched") {
    return intakeCommits(db).submit(submission, ctx, guard);
  }
  return submitSingle(db, submission, ctx, guard);
}

/** Validation and the sequential replay: what both paths do before anything is prepared or locked. */
export async function admitIntake(
  db: Db,
  input: unknown,
  ctx: IntakeContext,
): Promise<IntakeResult | { status: "admitted"; submission: LeadSubmission; guard: IntakeGuard }> {
  const parsed = parseLeadSubmission(input);
  if (!parsed.success) return { status: "invalid", errors: parsed.errors };
  const submission = parsed.data;
  const guard: IntakeGuard = {
    idempotencyKey: storedIdempotencyKey(ctx),
    requestHash: submissionHash(ctx.categoryId, submission),
  };
  // A sequential replay needs neither a transaction nor a lock.
  if (guard.idempotencyKey) {
    const existing = await readLead(db, { idempotencyKey: guard.idempotencyKey });
    if (existing) return replayOf(existing, guard.requestHash);
  }
  return { status: "admitted", submission, guard };
}

export interface IntakeGuard {
  idempotencyKey: string | null;
  requestHash: string;
}

/**
 * One intake in its own transaction (decision 061). The batched path falls back to this, with what
 * it already prepared, when a group's transaction fails twice.
 */
export async function submitSingle(
  db: Db,
  submission: LeadSubmission,
  ctx: IntakeContext,
  guard: IntakeGuard,
  preparedBefore: PreparedIntake | null = null,
): Promise<IntakeResult> {
  const { idempotencyKey, requestHash } = guard;
  return intakeSlots(db).run(async () => {
    // The fuzzy matcher's in-memory index is built at first use and synced every few seconds: do
    // that here, on the pool, so it never runs inside (and stretches) an intake transaction.
    if (!preparedBefore) await matchIndex().ready(db);
    let prepared: Awaited<ReturnType<typeof prepareIntake>> | null = preparedBefore;
    for (let attempt = 1; ; attempt++) {
      try {
        const outcome = await db.$transaction(async (tx): Promise<TxOutcome> => {
          // The lock-free reads come first, on this transaction's connection: one connection per
          // intake is what the bulkhead bounds (on `db` they fan out into up to 8 parallel reads
          // per intake, against a pool of 10). A retry reuses them.
          prepared ??= await prepareIntake(tx, submission, ctx);
          if (!prepared.ok) return { status: "invalid", errors: prepared.errors };
          return createLead(tx, submission, ctx, prepared, { idempotencyKey, requestHash });
        }, TX_OPTIONS);
        if (outcome.status !== "replayed-id") return outcome;
        const lead = await readLead(db, { id: outcome.id });
        if (lead) return replayOf(lead, requestHash);
        // The earlier lead was deleted in between: take this one as new.
      } catch (error) {
        // Safety net behind the category lock: a concurrent twin committed the same key first. Our
        // transaction (with its cursor move) is rolled back; answer with the winner.
        if (idempotencyKey && isUniqueViolation(error)) {
          const winner = await readLead(db, { idempotencyKey });
          if (winner) return replayOf(winner, requestHash);
        }
        if (attempt >= MAX_ATTEMPTS || !isWriteConflict(error)) throw error;
      }
    }
  });
}

/** A replay answers with the first lead only when it repeats the same submission. */
export function replayOf(lead: StoredLead, requestHash: string): IntakeResult {
  if (lead.requestHash !== null && lead.requestHash !== requestHash) return { status: "keyReused" };
  const { requestHash: _stored, ...answer } = lead;
  return { status: "replayed", lead: answer };
}

type TxOutcome =
  | { status: "created"; lead: IntakeLead }
  | { status: "replayed-id"; id: number }
  | { status: "invalid"; errors: Record<string, string[]> };

export interface LockedCategory {
  id: number;
  name: string;
  campaignId: number | null;
  tokenGroupId: number | null;
  designatedStaffId: number;
  active: number | boolean;
}

/** What an intake knows before it takes any lock (see prepareIntake). */
export interface PreparedIntake {
  ok: true;
  items: ItemRow[];
  memberId: number | null;
  keys: LeadKeys;
  matches: LeadMatch[];
  possibleDuplicateOfId: number | null;
  /** Its score: a group commit weighs it against the group's earlier leads (decision 063). */
  possibleDuplicateScore: number | null;
}

/**
 * Everything an intake reads that no lock protects: the SKUs, the member, the exact and fuzzy
 * matches and a likely earlier lead of the same person. Runs before the channel's lock (decision
 * 061), takes none and writes nothing.
 */
export async function prepareIntake(
  db: DbOrTx,
  submission: LeadSubmission,
  ctx: Pick<IntakeContext, "memberId">,
): Promise<PreparedIntake | { ok: false; errors: Record<string, string[]> }> {
  const keys = leadKeys(submission);
  const [items, memberId, matches, duplicate] = await Promise.all([
    resolveItems(db, submission),
    resolveMember(db, submission, ctx),
    findLeadMatches(db, submission, keys),
    findRecentDuplicate(db, submission, keys),
  ]);
  if (!items.ok) return { ok: false, errors: items.errors };
  return {
    ok: true,
    items: items.rows,
    memberId,
    keys,
    matches,
    possibleDuplicateOfId: duplicate?.id ?? null,
    possibleDuplicateScore: duplicate?.score ?? null,
  };
}

async function createLead(
  tx: Tx,
  submission: LeadSubmission,
  ctx: IntakeContext,
  prepared: PreparedIntake,
  guard: { idempotencyKey: string | null; requestHash: string },
): Promise<TxOutcome> {
  const { items, memberId, matches } = prepared;

  // 1. Serialise intakes of this channel (see the header).
  let category: LockedCategory | null = null;
  let manualOwnerId: number | null = null;
  if (ctx.categoryId !== null) {
    const rows = await tx.$queryRaw<LockedCategory[]>`
      SELECT \`id\`, \`name\`, \`campaignId\`, \`tokenGroupId\`, \`designatedStaffId\`, \`active\`
      FROM \`RegistrationCategory\` WHERE \`id\` = ${ctx.categoryId} FOR UPDATE`;
    category = rows[0] ?? null;
    if (!category || !category.active)
      return { status: "invalid", errors: { category: ["leads.error.categoryUnavailable"] } };
  } else {
    manualOwnerId = ctx.ownerStaffId ?? ctx.actorStaffId ?? null;
    const locked = manualOwnerId
      ? await tx.$queryRaw<
          Array<{ id: number }>
        >`SELECT \`id\` FROM \`Staff\` WHERE \`id\` = ${manualOwnerId} FOR UPDATE`
      : [];
    if (locked.length === 0) return { status: "invalid", errors: { owner: ["leads.error.ownerNotFound"] } };
  }

  // 2. Replays that committed while we waited for the lock.
  const [earlier] = guard.idempotencyKey
    ? await tx.$queryRaw<Array<{ id: number }>>`
        SELECT \`id\` FROM \`Lead\` WHERE \`idempotencyKey\` = ${guard.idempotencyKey}`
    : await tx.$queryRaw<Array<{ id: number }>>`
        SELECT \`id\` FROM \`Lead\` WHERE \`requestHash\` = ${guard.requestHash}
          AND \`createdAt\` >= ${new Date(Date.now() - DUPLICATE_WINDOW_MS)} ORDER BY \`id\` LIMIT 1`;
  if (earlier) return { status: "replayed-id", id: Number(earlier.id) };

  // 3. Route (claims the token turn: the cursor moves in this transaction).
  const decision = category
    ? await routeCategoryLead(tx, category)
    : await routeManualLead(tx, manualOwnerId as number);
  if (!decision) return { status: "invalid", errors: { owner: ["leads.error.ownerNotFound"] } };

  // 4. The lead and everything that belongs to it.
  const now = new Date();
  const leadId = await insertLead(tx, leadRow({ submission, ctx, prepared, category, decision, guard, now }));
  if (items.length > 0) await tx.leadItem.createMany({ data: itemRows(leadId, items, ctx) });
  await tx.leadEvent.createMany({ data: leadEventRows({ leadId, ctx, memberId, category, decision, now }) });

  const message = ownerMessage({ leadId, submission, items, decision, category, ctx, matches, now });
  // The lead becomes findable in search once the worker runs this job (same transaction: no lead, no job).
  await enqueueSearchSync(tx, "leads", [leadId]);
  await notifyStaff(tx, message.notification);
  // The number goes into the e-mail, so it is taken here: the counter row stays locked for the
  // remaining two statements and the commit only.
  const number = await nextRecordNumber(tx, "lead");
  await tx.$executeRaw`UPDATE \`Lead\` SET \`number\` = ${number} WHERE \`id\` = ${leadId}`;
  await sendEmail(tx, message.email(number));

  return {
    status: "created",
    lead: {
      id: leadId,
      number,
      owner: { id: decision.owner.id, name: decision.owner.name },
      routedBy: decision.routedBy,
      matches,
    },
  };
}

/** The Lead row an intake inserts (its number a unique placeholder until the number is taken, last). */
export function leadRow(args: {
  submission: LeadSubmission;
  ctx: IntakeContext;
  prepared: PreparedIntake;
  category: LockedCategory | null;
  decision: RoutingDecision;
  guard: IntakeGuard;
  now: Date;
}): LeadRow {
  const { submission, ctx, prepared, category, decision, guard, now } = args;
  return {
    // Unique placeholder until the number is taken, last: the number counter is one row for every
    // channel, locked from the moment it is bumped until commit (decision 061).
    number: `~${randomBytes(9).toString("hex")}`,
    categoryId: category?.id ?? null,
    campaignId: category?.campaignId ?? ctx.campaignId ?? null,
    memberId: prepared.memberId,
    ownerId: decision.owner.id,
    status: "new",
    ...leadFields(submission, prepared.keys),
    routedBy: routedByToDb(decision.routedBy),
    routedTokenGroupId: decision.tokenGroupId,
    routedPosition: decision.position,
    source: ctx.source,
    sourceCode: ctx.sourceCode ?? leadSourceForChannel(ctx.source),
    submitterIp: ctx.submitterIp?.slice(0, 45) ?? null,
    userAgent: ctx.userAgent?.slice(0, 255) ?? null,
    idempotencyKey: guard.idempotencyKey,
    requestHash: guard.requestHash,
    matches: JSON.stringify(prepared.matches),
    possibleDuplicateOfId: prepared.possibleDuplicateOfId,
    createdAt: now,
    updatedAt: now,
  };
}

export function itemRows(leadId: number, items: readonly ItemRow[], ctx: Pick<IntakeContext, "itemPrices">) {
  return items.map((row, index) => ({ ...row, ...ctx.itemPrices?.[index], leadId }));
}

/** The "created" and "routed" history rows of a new lead. */
export function leadEventRows(args: {
  leadId: number;
  ctx: IntakeContext;
  memberId: number | null;
  category: LockedCategory | null;
  decision: RoutingDecision;
  now: Date;
}): Prisma.LeadEventCreateManyInput[] {
  const { leadId, ctx, memberId, category, decision, now } = args;
  return [
    {
      leadId,
      type: "created",
      ...creator(ctx, memberId),
      detail: {
        source: ctx.source,
        categoryId: category?.id ?? null,
        memberId,
        submitterIp: ctx.submitterIp ?? null,
      },
      createdAt: now,
    },
    {
      leadId,
      type: "routed",
      actorType: decision.routedBy === "manual" ? "staff" : "system",
      actorId: decision.routedBy === "manual" ? (ctx.actorStaffId ?? null) : null,
      detail: routingDetail(decision) as unknown as Prisma.InputJsonValue,
      createdAt: now,
    },
  ];
}

export type LeadRow = Record<string, string | number | boolean | Date | null>;

/** INSERT … RETURNING: one round trip where Prisma's create sends the insert and then reads the row back. */
export async function insertLead(tx: Tx, row: LeadRow): Promise<number> {
  const columns = Object.keys(row).map((column) => Prisma.raw(`\`${column}\``));
  const [inserted] = await tx.$queryRaw<Array<{ id: number | bigint }>>`
    INSERT INTO \`Lead\` (${Prisma.join(columns)}) VALUES (${Prisma.join(Object.values(row))}) RETURNING \`id\``;
  return Number(inserted!.id);
}

// ─────────────────────────────── pieces ───────────────────────────────

export type ItemRow = { sku: string; productName: string | null; quantity: number };

async function resolveItems(
  db: DbOrTx,
  submission: LeadSubmission,
): Promise<{ ok: true; rows: ItemRow[] } | { ok: false; errors: Record<string, string[]> }> {
  const items = submission.items ?? [];
  if (items.length === 0) return { ok: true, rows: [] };
  const products = await db.product.findMany({
    where: { sku: { in: [...new Set(items.map((i) => i.sku))] }, active: true },
    select: { sku: true, name: true },
  });
  // SKUs compare case-insensitively, as the column's collation does.
  const bySku = new Map(products.map((p) => [p.sku.toLowerCase(), p]));
  const errors: Record<string, string[]> = {};
  const rows: ItemRow[] = [];
  items.forEach((item, index) => {
    const product = bySku.get(item.sku.toLowerCase());
    if (!product) errors[`items.${index}.sku`] = ["leads.error.unknownSku"];
    else rows.push({ sku: product.sku, productName: product.name, quantity: item.quantity });
  });
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, rows };
}

/** The signed-in member, or (for API callers) the member with the given e-mail; unknown e-mails link nobody. */
async function resolveMember(
  db: DbOrTx,
  submission: LeadSubmission,
  ctx: Pick<IntakeContext, "memberId">,
): Promise<number | null> {
  if (ctx.memberId) return ctx.memberId;
  if (!submission.memberEmail) return null;
  const member = await db.member.findUnique({ where: { email: submission.memberEmail }, select: { id: true } });
  return member?.id ?? null;
}

export function leadFields(submission: LeadSubmission, keys: LeadKeys) {
  const c = submission.contact;
  const k = submission.company;
  return {
    contactName: c?.name ?? null,
    contactTitle: c?.title ?? null,
    contactEmail: c?.email ?? null,
    contactPhone: c?.phone ?? null,
    contactMobile: c?.mobile ?? null,
    contactFax: c?.fax ?? null,
    companyName: k?.name ?? null,
    companyProvince: k?.province ?? null,
    companyCity: k?.city ?? null,
    companyAddress: k?.address ?? null,
    companyPhone: k?.phone ?? null,
    companyFax: k?.fax ?? null,
    requirement: submission.requirement ?? null,
    emailKey: keys.emailKey,
    phoneKey: keys.phoneKey,
    companyKey: keys.companyKey,
  };
}

export function creator(ctx: IntakeContext, memberId: number | null): { actorType: string; actorId: number | null } {
  if (ctx.source === "staff" || ctx.source === "forum")
    return { actorType: "staff", actorId: ctx.actorStaffId ?? null };
  if (ctx.memberId) return { actorType: "member", actorId: memberId };
  return { actorType: ctx.source === "api" ? "api" : "visitor", actorId: null };
}

/** What the "routed" LeadEvent stores; the lead detail page renders it with the leads.routing.* strings. */
export interface RoutedEventDetail {
  routedBy: RoutedBy;
  ownerId: number;
  ownerName: string;
  tokenGroupId: number | null;
  position: number | null;
  steps: RoutingDecision["steps"];
  skipped: RoutingDecision["skipped"];
}

export function routingDetail(decision: RoutingDecision): RoutedEventDetail {
  return {
    routedBy: decision.routedBy,
    ownerId: decision.owner.id,
    ownerName: decision.owner.name,
    tokenGroupId: decision.tokenGroupId,
    position: decision.position,
    steps: decision.steps,
    skipped: decision.skipped,
  };
}

/** "联系人@单位" as people say it: 张伟@北京星辰科技有限公司, or whichever half is known. */
export function leadWho(submission: Pick<LeadSubmission, "contact" | "company">): string {
  const c = submission.contact;
  const person = c?.name ?? c?.email ?? c?.mobile ?? c?.phone ?? null;
  const company = submission.company?.name ?? null;
  return person && company ? `${person}@${company}` : (person ?? company ?? "");
}

function excerpt(text: string | undefined, max: number): string | undefined {
  if (!text) return undefined;
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The owner's bell notification and e-mail (the e-mail shows the lead's number, taken last). */
export function ownerMessage(args: {
  leadId: number;
  submission: LeadSubmission;
  items: ItemRow[];
  decision: RoutingDecision;
  category: LockedCategory | null;
  ctx: IntakeContext;
  matches: LeadMatch[];
  now: Date;
}): { notification: NewNotification; email: (number: string) => SendEmailInput<"lead-assigned"> } {
  const { submission, decision } = args;
  const locale: Locale = isLocale(decision.owner.locale) ? decision.owner.locale : DEFAULT_LOCALE;
  const t = createTranslator(locale);
  const who = leadWho(submission);
  const link = `/crm/leads/${args.leadId}`;
  const sourceLabel = args.category?.name ?? t(`leads.source.${args.ctx.source}`);
  const notification: NewNotification = {
    staffId: decision.owner.id,
    type: "lead.assigned",
    title: t("leads.notification.newLead", { who }),
    body: t("leads.notification.body", {
      source: sourceLabel,
      requirement: excerpt(submission.requirement, 200) ?? "",
    }).trim(),
    link,
  };
  const contact = submission.contact;
  const company = submission.company;
  const phones = [contact?.mobile, contact?.phone].filter(Boolean).join(" / ");
  const place = [company?.province, company?.city].filter(Boolean).join(" ");
  const email = (number: string): SendEmailInput<"lead-assigned"> => ({
    to: decision.owner.email,
    template: "lead-assigned",
    // Rendered by the worker: the React render cost a quarter of the intake's CPU (issue #12 item 7).
    render: "worker",
    locale,
    props: {
      ownerName: decision.owner.name,
      leadNumber: number,
      who: who.slice(0, 320),
      contactName: contact?.name,
      contactTitle: contact?.title,
      contactEmail: contact?.email,
      contactPhone: phones || undefined,
      companyName: company?.name,
      companyPlace: place || undefined,
      requirement: excerpt(submission.requirement, 600),
      items: args.items.map((i) => ({ sku: i.sku, name: i.productName ?? undefined, quantity: i.quantity })),
      categoryName: args.category?.name,
      routedBy: decision.routedBy,
      submittedAt: args.now,
      matchCount: args.matches.length,
      leadUrl: new URL(link, env.APP_URL).toString(),
    },
  });
  return { notification, email };
}

// ─────────────────────────────── idempotency ───────────────────────────────

/** "<category id>:<key>" (staff entry: "staff:<key>"); overlong keys are hashed to fit the column. */
export function storedIdempotencyKey(ctx: Pick<IntakeContext, "categoryId" | "idempotencyKey">): string | null {
  const key = ctx.idempotencyKey?.trim();
  if (!key) return null;
  const scope = ctx.categoryId === null ? "staff" : String(ctx.categoryId);
  const stored = `${scope}:${key}`;
  return stored.length <= 191 ? stored : `${scope}:sha256:${encodeHexLowerCase(sha256(new TextEncoder().encode(key)))}`;
}

function norm(value: string | undefined): string | null {
  return value ? value.normalize("NFKC").replace(/\s+/g, " ").trim().toLowerCase() : null;
}

/** SHA-256 of the normalised submission: what makes two submissions "the same" for the duplicate guard. */
export function submissionHash(categoryId: number | null, submission: LeadSubmission): string {
  const c = submission.contact;
  const k = submission.company;
  const canonical = [
    categoryId ?? "staff",
    [norm(c?.name), norm(c?.title), norm(c?.email), phoneKey(c?.phone), phoneKey(c?.mobile), phoneKey(c?.fax)],
    [norm(k?.name), norm(k?.province), norm(k?.city), norm(k?.address), phoneKey(k?.phone), phoneKey(k?.fax)],
    norm(submission.requirement),
    (submission.items ?? [])
      .map((i) => [i.sku.toLowerCase(), i.quantity])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0])) || Number(a[1]) - Number(b[1])),
  ];
  return encodeHexLowerCase(sha256(new TextEncoder().encode(JSON.stringify(canonical))));
}

const LEAD_SELECT = {
  id: true,
  number: true,
  routedBy: true,
  matches: true,
  requestHash: true,
  owner: selectIdAndName,
} as const;

export type StoredLead = IntakeLead & { requestHash: string | null };

export async function readLead(db: Db, where: { id: number } | { idempotencyKey: string }): Promise<StoredLead | null> {
  const row = await db.lead.findUnique({ where, select: LEAD_SELECT });
  if (!row) return null;
  return {
    id: row.id,
    number: row.number,
    owner: row.owner,
    routedBy: routedByFromDb(row.routedBy as LeadRoutedBy),
    matches: storedMatches(row.matches),
    requestHash: row.requestHash,
  };
}

function storedMatches(value: unknown): LeadMatch[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (m): m is LeadMatch =>
      typeof m === "object" &&
      m !== null &&
      (m.type === "contact" || m.type === "company") &&
      typeof m.id === "number" &&
      typeof m.score === "number",
  );
}

function isUniqueViolation(error: unknown): boolean {
  return prismaErrorCode(error) === "P2002";
}

// ─────────────────────────────── bulkhead ───────────────────────────────

/**
 * Caps concurrent intake transactions per database client at half the pool. Intakes of one channel
 * wait on the same row lock; without a cap a burst (600 at once) would park every pooled connection
 * in a lock wait and starve the rest of the app (page loads, sign-ins). Waiting here costs nothing.
 */
export class Slots {
  private active = 0;
  private readonly queue: Array<() => void> = [];
  constructor(private readonly limit: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.queue.push(resolve));
    else this.active++;
    try {
      return await task();
    } finally {
      const next = this.queue.shift();
      if (next) next();
      else this.active--;
    }
  }
}

const slotsByDb = new WeakMap<Db, Slots>();
function intakeSlots(db: Db): Slots {
  let slots = slotsByDb.get(db);
  if (!slots) {
    slots = new Slots(Math.max(1, Math.floor(env.DATABASE_POOL_SIZE / 2)));
    slotsByDb.set(db, slots);
  }
  return slots;
}
