import { z } from "zod";
import {
  Prisma,
  type ApprovalState,
  type ResponseMode,
  type ResponseTime,
  type ServiceContractStatus,
} from "#app/generated/prisma/client.ts";
import type { Db, DbOrTx } from "#app/lib/db.server.ts";
import { env } from "#app/lib/env.server.ts";
import { DEFAULT_LOCALE, isLocale } from "#app/lib/i18n/locales.ts";
import { scopeFor, teamScopeIds, type Action } from "#app/modules/auth/permissions.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { recordStaffAudit } from "#app/modules/audit/audit-log.server.ts";
import { nextRecordNumber } from "#app/modules/settings/record-number.server.ts";
import { hasOpenApproval, submitForApproval } from "#app/modules/approvals/approvals.server.ts";
import { enqueueJob } from "#app/modules/jobs/job-queue.server.ts";
import { notifyStaff } from "#app/modules/notifications/notifications.server.ts";
import { findPage } from "#app/modules/views/paged-list.server.ts";
import { servedCompaniesWhere, serviceCompanyWhere } from "#app/modules/zones/service-scope.server.ts";
import { sendEmail } from "#emails/send-email.server.ts";
import { businessDay, daysUntil, isoDay, parseIsoDay } from "./service-dates.ts";
import { APPROVAL_STATES, CONTRACT_STATUSES, CONTRACT_TYPES, RESPONSE_MODES, RESPONSE_TIMES } from "./service-enums.ts";
import type { ContractListQuery } from "./service-list-queries.ts";
import { selectIdAndName } from "#app/lib/prisma-selects.ts";

// 服务合约: service contracts (seed 000 §2.K). Types direct / third_party; status drafting → in_force →
// completed; approval pending → approved | rejected (a rejected draft may be resubmitted); covered
// assets with net/total value. Only an approved contract may come into force. Expiry reminders go to
// the owner CSR 30 and 7 days before the end date, once each (dedupe key + remindedDays).

export { APPROVAL_STATES, CONTRACT_STATUSES, CONTRACT_TYPES, RESPONSE_MODES, RESPONSE_TIMES };
/** Days before the end date when the owner is reminded, largest first. */
export const EXPIRY_REMINDER_DAYS = [30, 7] as const;
export const CONTRACT_EXPIRY_JOB = "service-contract.expiry-reminder";

export class ContractError extends Error {
  constructor(readonly code: "not-found" | "forbidden" | "invalid-state" | "invalid-input" | "wrong-company") {
    super(code);
    this.name = "ContractError";
  }
}

const day = (field: string) =>
  z
    .string()
    .trim()
    .transform((v, ctx) => {
      const parsed = parseIsoDay(v);
      if (!parsed) {
        ctx.addIssue({ code: "custom", message: "date", path: [field] });
        return z.NEVER;
      }
      return parsed;
    });

export const ContractInputSchema = z
  .object({
    companyId: z.coerce.number().int().positive(),
    name: z.string().trim().min(1).max(200),
    type: z.enum(CONTRACT_TYPES).default("direct"),
    responseMode: z.enum(RESPONSE_MODES),
    responseTime: z.enum(RESPONSE_TIMES),
    startDate: day("startDate"),
    endDate: day("endDate"),
    terms: z
      .string()
      .trim()
      .max(20000)
      .transform((v) => (v === "" ? null : v))
      .nullish(),
    ownerId: z.preprocess((v) => (v === "" || v === null ? null : v), z.coerce.number().int().positive().nullish()),
  })
  .refine((v) => v.startDate <= v.endDate, { path: ["endDate"], message: "before-start" });
export type ContractInput = z.input<typeof ContractInputSchema>;

const money = z.preprocess(
  (v) => (v === "" || v === null || v === undefined ? null : v),
  z.coerce.number().min(0).max(999_999_999_999).nullable(),
);
export const CoveredAssetSchema = z.object({
  assetId: z.coerce.number().int().positive(),
  netValue: money,
  totalValue: money,
});

/**
 * The contracts the actor may `action` with the service permission: of customers they serve, or owned
 * by them (their team, with team scope); none without the right.
 */
function scopeWhere(actor: StaffActor, action: Action): Prisma.ServiceContractWhereInput {
  const scope = scopeFor(actor, "service", action);
  if (scope === null) return { id: -1 };
  if (scope === "all") return {};
  return {
    OR: [
      { company: serviceCompanyWhere(scope, actor) },
      scope === "team" && actor.teamId !== null
        ? { owner: { teamId: { in: teamScopeIds(actor) } } }
        : { ownerId: actor.staffId },
    ],
  };
}

export interface CoveringContract {
  id: number;
  responseMode: ResponseMode;
  responseTime: ResponseTime;
}

const MODE_RANK: Record<ResponseMode, number> = { h8x5: 0, h8x7: 1, h24x7: 2 };

/**
 * The contract that sets the service level for a request: in force, approved and valid on `at`'s
 * calendar day (Asia/Shanghai). With an asset, only contracts covering that asset count; without
 * one, any such contract of the company. Several match → the best response mode, then the latest end.
 */
export async function findCoveringContract(
  db: DbOrTx,
  input: { companyId: number; assetId?: number | null; at: Date },
): Promise<CoveringContract | null> {
  const today = businessDay(input.at);
  const candidates = await db.serviceContract.findMany({
    where: {
      companyId: input.companyId,
      status: "in_force",
      approvalState: "approved",
      startDate: { lte: today },
      endDate: { gte: today },
      ...(input.assetId ? { assets: { some: { assetId: input.assetId } } } : {}),
    },
    select: { id: true, responseMode: true, responseTime: true, endDate: true },
    orderBy: [{ endDate: "desc" }, { id: "asc" }],
  });
  if (candidates.length === 0) return null;
  const best = [...candidates].sort((a, b) => MODE_RANK[b.responseMode] - MODE_RANK[a.responseMode])[0]!;
  return { id: best.id, responseMode: best.responseMode, responseTime: best.responseTime };
}

async function assertCompanyInScope(tx: DbOrTx, actor: StaffActor, companyId: number) {
  const served = servedCompaniesWhere(actor, "add");
  if (served === null) throw new ContractError("forbidden");
  const company = await tx.company.findFirst({ where: { AND: [{ id: companyId }, served] }, select: { id: true } });
  if (!company) throw new ContractError("forbidden");
}

export async function createContract(
  db: Db,
  raw: ContractInput,
  actor: StaffActor,
): Promise<{ id: number; number: string }> {
  const input = ContractInputSchema.parse(raw);
  return db.$transaction(async (tx) => {
    await assertCompanyInScope(tx, actor, input.companyId);
    const temp = `TMP${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`.slice(0, 20);
    const created = await tx.serviceContract.create({
      data: {
        number: temp,
        companyId: input.companyId,
        ...contractTerms(input),
        ownerId: input.ownerId ?? actor.staffId,
      },
    });
    const number = await nextRecordNumber(tx, "serviceContract");
    await tx.serviceContract.update({ where: { id: created.id }, data: { number } });
    await recordStaffAudit(tx, actor, {
      action: "service-contract.created",
      entityType: "serviceContract",
      entityId: created.id,
      after: { number, name: input.name, companyId: input.companyId },
    });
    // With an approval flow configured (审核管理) the new draft goes to its approvers; without one the
    // contract keeps the built-in approve/reject by service managers.
    await submitForApproval(tx, actor, { itemType: "service_contract", itemId: created.id });
    return { id: created.id, number };
  });
}

/** What the contract form sets, on create and on edit alike. */
function contractTerms(input: z.output<typeof ContractInputSchema>) {
  return {
    name: input.name,
    type: input.type,
    responseMode: input.responseMode,
    responseTime: input.responseTime,
    startDate: input.startDate,
    endDate: input.endDate,
    terms: input.terms ?? null,
  };
}

/** Edits the terms of a contract that is not completed. A changed end date re-arms the reminders. */
export async function updateContract(db: Db, contractId: number, raw: ContractInput, actor: StaffActor): Promise<void> {
  const input = ContractInputSchema.parse(raw);
  await db.$transaction(async (tx) => {
    const before = await tx.serviceContract.findFirst({ where: { id: contractId, ...scopeWhere(actor, "modify") } });
    if (!before) throw new ContractError("not-found");
    if (before.status === "completed") throw new ContractError("invalid-state");
    if (input.companyId !== before.companyId) throw new ContractError("invalid-input");
    await tx.serviceContract.update({
      where: { id: contractId },
      data: { ...contractTerms(input), ownerId: input.ownerId ?? before.ownerId },
    });
    await recordStaffAudit(tx, actor, {
      action: "service-contract.updated",
      entityType: "serviceContract",
      entityId: contractId,
      before: { endDate: isoDay(before.endDate), responseMode: before.responseMode, responseTime: before.responseTime },
      after: { endDate: isoDay(input.endDate), responseMode: input.responseMode, responseTime: input.responseTime },
    });
  });
}

export type ContractTransition = "submit" | "approve" | "reject" | "activate" | "complete";

/**
 * drafting+pending ─approve→ approved ─activate→ in_force ─complete→ completed; reject → rejected,
 * submit (a rejected draft) → pending. Approving needs `canApprove` (service scope "all").
 */
export async function transitionContract(
  db: Db,
  input: { contractId: number; transition: ContractTransition; actor: StaffActor; canApprove: boolean },
): Promise<{ status: ServiceContractStatus; approvalState: ApprovalState }> {
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM \`ServiceContract\` WHERE id = ${input.contractId} FOR UPDATE`;
    const row = await tx.serviceContract.findFirst({
      where: { id: input.contractId, ...scopeWhere(input.actor, "modify") },
    });
    if (!row) throw new ContractError("not-found");
    let next: { status: ServiceContractStatus; approvalState: ApprovalState } = {
      status: row.status,
      approvalState: row.approvalState,
    };
    switch (input.transition) {
      case "submit":
        if (row.status !== "drafting" || row.approvalState !== "rejected") throw new ContractError("invalid-state");
        next = { ...next, approvalState: "pending" };
        break;
      case "approve":
      case "reject":
        if (!input.canApprove) throw new ContractError("forbidden");
        // Under an approval flow the flow's approvers decide, in the approval panel or queue.
        if (await hasOpenApproval(tx, "service_contract", row.id)) throw new ContractError("invalid-state");
        if (row.status !== "drafting" || row.approvalState !== "pending") throw new ContractError("invalid-state");
        next = { ...next, approvalState: input.transition === "approve" ? "approved" : "rejected" };
        break;
      case "activate":
        if (row.status !== "drafting" || row.approvalState !== "approved") throw new ContractError("invalid-state");
        next = { ...next, status: "in_force" };
        break;
      case "complete":
        if (row.status !== "in_force") throw new ContractError("invalid-state");
        next = { ...next, status: "completed" };
        break;
    }
    await tx.serviceContract.update({ where: { id: row.id }, data: next });
    if (input.transition === "submit") {
      await submitForApproval(tx, input.actor, { itemType: "service_contract", itemId: row.id });
    }
    await recordStaffAudit(tx, input.actor, {
      action: `service-contract.${input.transition}`,
      entityType: "serviceContract",
      entityId: row.id,
      before: { status: row.status, approvalState: row.approvalState },
      after: next,
    });
    return next;
  });
}

/** Adds (or re-values) a covered asset; the asset must belong to the contract's company. */
export async function setCoveredAsset(
  db: Db,
  contractId: number,
  raw: z.input<typeof CoveredAssetSchema>,
  actor: StaffActor,
): Promise<void> {
  const input = CoveredAssetSchema.parse(raw);
  await db.$transaction(async (tx) => {
    const contract = await tx.serviceContract.findFirst({ where: { id: contractId, ...scopeWhere(actor, "modify") } });
    if (!contract) throw new ContractError("not-found");
    if (contract.status === "completed") throw new ContractError("invalid-state");
    const asset = await tx.asset.findUnique({ where: { id: input.assetId }, select: { companyId: true } });
    if (!asset || asset.companyId !== contract.companyId) throw new ContractError("wrong-company");
    const values = {
      netValue: input.netValue === null ? null : new Prisma.Decimal(input.netValue.toFixed(2)),
      totalValue: input.totalValue === null ? null : new Prisma.Decimal(input.totalValue.toFixed(2)),
    };
    await tx.serviceContractAsset.upsert({
      where: { contractId_assetId: { contractId, assetId: input.assetId } },
      create: { contractId, assetId: input.assetId, ...values },
      update: values,
    });
    await recordStaffAudit(tx, actor, {
      action: "service-contract.asset-covered",
      entityType: "serviceContract",
      entityId: contractId,
      after: { assetId: input.assetId, netValue: input.netValue, totalValue: input.totalValue },
    });
  });
}

export async function removeCoveredAsset(
  db: Db,
  contractId: number,
  assetId: number,
  actor: StaffActor,
): Promise<void> {
  await db.$transaction(async (tx) => {
    const contract = await tx.serviceContract.findFirst({ where: { id: contractId, ...scopeWhere(actor, "modify") } });
    if (!contract) throw new ContractError("not-found");
    if (contract.status === "completed") throw new ContractError("invalid-state");
    await tx.serviceContractAsset.deleteMany({ where: { contractId, assetId } });
    await recordStaffAudit(tx, actor, {
      action: "service-contract.asset-uncovered",
      entityType: "serviceContract",
      entityId: contractId,
      before: { assetId },
    });
  });
}

// ───────────── queries ─────────────

const CONTRACT_PAGE_SIZE = 20;
/** "About to end": in force and ending within this many days (the list's `expiring=30`). */
const EXPIRING_DAYS = 30;

function contractOrder(query: ContractListQuery): Prisma.ServiceContractOrderByWithRelationInput[] {
  switch (query.sort) {
    case "end":
      return [{ endDate: query.dir }, { id: "asc" }];
    case "start":
      return [{ startDate: query.dir }, { id: "asc" }];
    case "name":
      return [{ name: query.dir }, { id: "asc" }];
    case "company":
      return [{ company: { name: query.dir } }, { id: "asc" }];
  }
}

/** A service contract as its list row shows it; the detail page reads these fields and more. */
const contractSummarySelect = {
  id: true,
  number: true,
  name: true,
  type: true,
  status: true,
  approvalState: true,
  responseMode: true,
  responseTime: true,
  startDate: true,
  endDate: true,
  company: selectIdAndName,
  owner: selectIdAndName,
} satisfies Prisma.ServiceContractSelect;

/** Contracts of the customers the actor serves (service × browse), filtered, sorted and paged. */
export async function listContracts(db: DbOrTx, actor: StaffActor, query: ContractListQuery, now = new Date()) {
  const today = businessDay(now);
  const where: Prisma.ServiceContractWhereInput = {
    AND: [
      scopeWhere(actor, "browse"),
      query.status ? { status: query.status } : {},
      query.companyId ? { companyId: query.companyId } : {},
      query.expiring
        ? { status: "in_force", endDate: { gte: today, lte: new Date(today.getTime() + EXPIRING_DAYS * 86_400_000) } }
        : {},
      query.q
        ? {
            OR: [
              { name: { contains: query.q } },
              { number: { contains: query.q } },
              { company: { name: { contains: query.q } } },
            ],
          }
        : {},
    ],
  };
  const { rows, ...paging } = await findPage(
    query.page,
    CONTRACT_PAGE_SIZE,
    (take) => db.serviceContract.count({ where, take }),
    (window) =>
      db.serviceContract.findMany({
        where,
        orderBy: contractOrder(query),
        ...window,
        select: { ...contractSummarySelect, _count: { select: { assets: true } } },
      }),
  );
  const withExpiry = rows.map((r) => ({ ...r, daysLeft: r.status === "in_force" ? daysUntil(r.endDate, now) : null }));
  return { ...paging, rows: withExpiry };
}

export type ContractListRow = Awaited<ReturnType<typeof listContracts>>["rows"][number];

const detailSelect = {
  ...contractSummarySelect,
  companyId: true,
  terms: true,
  ownerId: true,
  remindedDays: true,
  createdAt: true,
  assets: {
    orderBy: { assetId: "asc" },
    select: {
      netValue: true,
      totalValue: true,
      asset: { select: { id: true, number: true, name: true, model: true, serialNumber: true, status: true } },
    },
  },
} satisfies Prisma.ServiceContractSelect;

/** May the actor change this contract (service × modify over it)? */
export async function mayModifyContract(db: DbOrTx, actor: StaffActor, contractId: number): Promise<boolean> {
  return (await db.serviceContract.count({ where: { id: contractId, ...scopeWhere(actor, "modify") } })) > 0;
}

/** Approving a contract is for staff whose service × modify scope is "all". */
export function canApproveContracts(actor: StaffActor): boolean {
  return scopeFor(actor, "service", "modify") === "all";
}

export async function getContractForStaff(db: DbOrTx, contractId: number, actor: StaffActor) {
  return db.serviceContract.findFirst({
    where: { id: contractId, ...scopeWhere(actor, "browse") },
    select: detailSelect,
  });
}

/** What a zone shows: approved contracts that came into force (drafts and rejected ones are internal). */
const zoneVisible: Prisma.ServiceContractWhereInput = {
  approvalState: "approved",
  status: { in: ["in_force", "completed"] },
};

export function listZoneContracts(db: DbOrTx, companyId: number) {
  return db.serviceContract.findMany({
    where: { companyId, ...zoneVisible },
    orderBy: [{ status: "asc" }, { endDate: "desc" }],
    select: {
      id: true,
      number: true,
      name: true,
      type: true,
      status: true,
      responseMode: true,
      responseTime: true,
      startDate: true,
      endDate: true,
      _count: { select: { assets: true } },
    },
  });
}

export async function getZoneContract(db: DbOrTx, companyId: number, contractId: number) {
  const row = await db.serviceContract.findFirst({
    where: { id: contractId, companyId, ...zoneVisible },
    select: detailSelect,
  });
  if (!row) return null;
  // the zone sees the contract, not our internal bookkeeping
  const { remindedDays: _reminded, ownerId: _owner, ...visible } = row;
  return visible;
}

/** Staff who may own a contract: active staff whose roles touch the service module (or admins). */
export function listServiceStaff(db: DbOrTx) {
  return db.staff.findMany({
    where: {
      status: { not: "inactive" },
      roles: { some: { role: { OR: [{ isAdmin: true }, { permissions: { some: { module: "service" } } }] } } },
    },
    orderBy: { name: "asc" },
    take: 200,
    select: { id: true, name: true },
  });
}

/** Sum of the covered assets' values. */
export function contractTotals(
  assets: ReadonlyArray<{ netValue: Prisma.Decimal | null; totalValue: Prisma.Decimal | null }>,
) {
  let net = new Prisma.Decimal(0);
  let total = new Prisma.Decimal(0);
  for (const a of assets) {
    if (a.netValue) net = net.plus(a.netValue);
    if (a.totalValue) total = total.plus(a.totalValue);
  }
  return { net: net.toFixed(2), total: total.toFixed(2) };
}

// ───────────── expiry reminders ─────────────

function remindedList(value: Prisma.JsonValue | null): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

/** The reminder a contract ending on `endDate` is due for on `now`: the smallest threshold reached. */
export function dueThreshold(endDate: Date, now: Date): number | null {
  const left = daysUntil(endDate, now);
  if (left < 0) return null;
  const reached = EXPIRY_REMINDER_DAYS.filter((threshold) => left <= threshold);
  return reached.length > 0 ? Math.min(...reached) : null;
}

/**
 * The periodic check (run by the worker): for every in-force contract within 30 days of its end,
 * enqueue the reminder it is due for. The dedupe key (contract, end date, threshold) makes repeats
 * harmless, so the check may run on every instance and as often as wanted.
 */
export async function enqueueContractExpiryReminders(db: DbOrTx, now: Date = new Date()): Promise<number> {
  const today = businessDay(now);
  const horizon = new Date(today.getTime() + EXPIRY_REMINDER_DAYS[0] * 86_400_000);
  const rows = await db.serviceContract.findMany({
    where: { status: "in_force", endDate: { gte: today, lte: horizon } },
    select: { id: true, endDate: true, remindedDays: true },
  });
  let enqueued = 0;
  for (const row of rows) {
    const threshold = dueThreshold(row.endDate, now);
    if (threshold === null) continue;
    const key = `${isoDay(row.endDate)}/${threshold}`;
    if (remindedList(row.remindedDays).includes(key)) continue;
    await enqueueJob(db, {
      type: CONTRACT_EXPIRY_JOB,
      payload: { contractId: row.id, endDate: isoDay(row.endDate), threshold },
      dedupeKey: `contract-expiry:${row.id}:${key}`,
    });
    enqueued++;
  }
  return enqueued;
}

export const ExpiryJobSchema = z.object({
  contractId: z.number().int().positive(),
  endDate: z.string(),
  threshold: z.number().int().positive(),
});

/**
 * Sends one reminder: in-app notification and e-mail to the owner CSR (or the zone's CSRs when the
 * contract has no owner), and records it in remindedDays — all in one transaction, under a row lock.
 */
export async function sendContractExpiryReminder(db: Db, payload: unknown, now: Date = new Date()): Promise<boolean> {
  const job = ExpiryJobSchema.parse(payload);
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM \`ServiceContract\` WHERE id = ${job.contractId} FOR UPDATE`;
    const contract = await tx.serviceContract.findUnique({
      where: { id: job.contractId },
      select: {
        id: true,
        number: true,
        name: true,
        status: true,
        endDate: true,
        remindedDays: true,
        owner: { select: { id: true, name: true, email: true, status: true, locale: true } },
        company: {
          select: {
            name: true,
            zone: {
              select: {
                managers: {
                  select: { staff: { select: { id: true, name: true, email: true, status: true, locale: true } } },
                },
              },
            },
          },
        },
      },
    });
    // the contract ended early, was extended or deleted since the job was queued: nothing to say
    if (!contract || contract.status !== "in_force" || isoDay(contract.endDate) !== job.endDate) return false;
    const key = `${job.endDate}/${job.threshold}`;
    const reminded = remindedList(contract.remindedDays);
    if (reminded.includes(key)) return false;
    const daysLeft = Math.max(0, daysUntil(contract.endDate, now));
    const recipients = (
      contract.owner ? [contract.owner] : (contract.company.zone?.managers.map((m) => m.staff) ?? [])
    ).filter((s) => s.status !== "inactive");
    const link = `/crm/service-contracts/${contract.id}`;
    for (const staff of recipients) {
      await notifyStaff(tx, {
        staffId: staff.id,
        type: "service-contract.expiring",
        title: `服务合约 ${contract.number} 将在 ${daysLeft} 天后到期`,
        body: `${contract.company.name} · ${contract.name} · ${job.endDate}`,
        link,
      });
      await sendEmail(tx, {
        to: staff.email,
        template: "service-contract-expiring",
        locale: isLocale(staff.locale) ? staff.locale : DEFAULT_LOCALE,
        idempotencyKey: `contract-expiry/${contract.id}/${key}/${staff.id}`,
        props: {
          ownerName: staff.name,
          contractNumber: contract.number,
          contractName: contract.name,
          companyName: contract.company.name,
          endDate: job.endDate,
          daysLeft,
          contractUrl: new URL(link, env.APP_URL).toString(),
        },
      });
    }
    // a 7-day reminder also settles a 30-day one that was never sent (contract signed late)
    const settled = EXPIRY_REMINDER_DAYS.filter((t) => t >= job.threshold).map((t) => `${job.endDate}/${t}`);
    await tx.serviceContract.update({
      where: { id: contract.id },
      data: { remindedDays: [...new Set([...reminded, ...settled])] },
    });
    return true;
  });
}
