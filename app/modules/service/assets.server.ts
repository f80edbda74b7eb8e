import { z } from "zod";
import type { AssetStatus, Prisma } from "#app/generated/prisma/client.ts";
import type { Db, DbOrTx, Tx } from "#app/lib/db.server.ts";
import type { Action } from "#app/modules/auth/permissions.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { recordStaffAudit } from "#app/modules/audit/audit-log.server.ts";
import { nextRecordNumber } from "#app/modules/settings/record-number.server.ts";
import { findPage } from "#app/modules/views/paged-list.server.ts";
import { servedCompaniesWhere } from "#app/modules/zones/service-scope.server.ts";
import { parseIsoDay } from "./service-dates.ts";
import { ASSET_STATUSES, MAINTENANCE_METHODS } from "./service-enums.ts";
import type { AssetListQuery } from "./service-list-queries.ts";
import { selectIdAndName } from "#app/lib/prisma-selects.ts";

// 客户资产 (seed 000 §2.K): what a customer bought from us, as a tree system → unit → part, with a
// maintenance log. Staff maintain them; a zone's members read their company's (read-only).

export { ASSET_STATUSES, MAINTENANCE_METHODS };
/** system → unit → part: an asset may sit at most two levels below a root. */
export const MAX_ASSET_DEPTH = 3;

export class AssetError extends Error {
  constructor(readonly code: "not-found" | "forbidden" | "bad-parent" | "invalid-input") {
    super(code);
    this.name = "AssetError";
  }
}

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === "" ? null : v))
    .nullish();
const optionalDay = z
  .string()
  .trim()
  .transform((v, ctx) => {
    if (v === "") return null;
    const day = parseIsoDay(v);
    if (!day) {
      ctx.addIssue({ code: "custom", message: "date" });
      return z.NEVER;
    }
    return day;
  })
  .nullish();

export const AssetInputSchema = z
  .object({
    companyId: z.coerce.number().int().positive(),
    name: z.string().trim().min(1).max(200),
    model: optionalText(100),
    serialNumber: optionalText(100),
    spec: optionalText(500),
    quantity: z.coerce.number().int().min(1).max(1_000_000).default(1),
    customerAssetNo: optionalText(100),
    referenceNo: optionalText(100),
    supplier: optionalText(200),
    status: z.enum(ASSET_STATUSES).default("installed"),
    installedOn: optionalDay,
    warrantyScope: optionalText(500),
    warrantyStart: optionalDay,
    warrantyEnd: optionalDay,
    parentId: z.preprocess((v) => (v === "" || v === null ? null : v), z.coerce.number().int().positive().nullish()),
    productId: z.preprocess((v) => (v === "" || v === null ? null : v), z.coerce.number().int().positive().nullish()),
  })
  .refine((v) => !v.warrantyStart || !v.warrantyEnd || v.warrantyStart <= v.warrantyEnd, {
    path: ["warrantyEnd"],
    message: "before-start",
  });
export type AssetInput = z.input<typeof AssetInputSchema>;

export const MaintenanceInputSchema = z.object({
  performedOn: z
    .string()
    .trim()
    .transform((v, ctx) => {
      const day = parseIsoDay(v);
      if (!day) {
        ctx.addIssue({ code: "custom", message: "date" });
        return z.NEVER;
      }
      return day;
    }),
  method: z.enum(MAINTENANCE_METHODS),
  summary: z.string().trim().min(1).max(1000),
});

/** The assets of the customers the actor serves for `action` (service scope); none without the right. */
function inScopeWhere(actor: StaffActor, action: Action): Prisma.AssetWhereInput {
  const companies = servedCompaniesWhere(actor, action);
  return companies === null ? { id: -1 } : { company: companies };
}

/** Depth of `parentId` from its root (root = 1), checking it belongs to `companyId` and is not `selfId`'s subtree. */
async function checkParent(tx: Tx, companyId: number, parentId: number, selfId: number | null): Promise<void> {
  let depth = 1;
  let cursor: number | null = parentId;
  while (cursor !== null) {
    if (cursor === selfId) throw new AssetError("bad-parent");
    const row: { companyId: number; parentId: number | null } | null = await tx.asset.findUnique({
      where: { id: cursor },
      select: { companyId: true, parentId: true },
    });
    if (!row || row.companyId !== companyId) throw new AssetError("bad-parent");
    cursor = row.parentId;
    if (cursor !== null) depth++;
    if (depth > MAX_ASSET_DEPTH) throw new AssetError("bad-parent");
  }
  // the new/moved asset sits one level below the parent, plus its own subtree below it
  const below = selfId === null ? 0 : await subtreeHeight(tx, selfId);
  if (depth + 1 + below > MAX_ASSET_DEPTH) throw new AssetError("bad-parent");
}

async function subtreeHeight(tx: Tx, id: number): Promise<number> {
  const children = await tx.asset.findMany({ where: { parentId: id }, select: { id: true } });
  let height = 0;
  for (const child of children) height = Math.max(height, 1 + (await subtreeHeight(tx, child.id)));
  return height;
}

function assetData(input: z.output<typeof AssetInputSchema>) {
  return {
    name: input.name,
    model: input.model ?? null,
    serialNumber: input.serialNumber ?? null,
    spec: input.spec ?? null,
    quantity: input.quantity,
    customerAssetNo: input.customerAssetNo ?? null,
    referenceNo: input.referenceNo ?? null,
    supplier: input.supplier ?? null,
    status: input.status,
    installedOn: input.installedOn ?? null,
    warrantyScope: input.warrantyScope ?? null,
    warrantyStart: input.warrantyStart ?? null,
    warrantyEnd: input.warrantyEnd ?? null,
    parentId: input.parentId ?? null,
    productId: input.productId ?? null,
  };
}

async function assertCompanyInScope(tx: DbOrTx, actor: StaffActor, companyId: number) {
  const served = servedCompaniesWhere(actor, "add");
  if (served === null) throw new AssetError("forbidden");
  const company = await tx.company.findFirst({ where: { AND: [{ id: companyId }, served] }, select: { id: true } });
  if (!company) throw new AssetError("forbidden");
}

export async function createAsset(db: Db, raw: AssetInput, actor: StaffActor): Promise<{ id: number; number: string }> {
  const input = AssetInputSchema.parse(raw);
  return db.$transaction(async (tx) => {
    await assertCompanyInScope(tx, actor, input.companyId);
    if (input.parentId) await checkParent(tx, input.companyId, input.parentId, null);
    const temp = `TMP${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`.slice(0, 20);
    const created = await tx.asset.create({ data: { ...assetData(input), companyId: input.companyId, number: temp } });
    const number = await nextRecordNumber(tx, "asset");
    await tx.asset.update({ where: { id: created.id }, data: { number } });
    await recordStaffAudit(tx, actor, {
      action: "asset.created",
      entityType: "asset",
      entityId: created.id,
      after: { number, name: input.name, companyId: input.companyId, parentId: input.parentId ?? null },
    });
    return { id: created.id, number };
  });
}

export async function updateAsset(db: Db, assetId: number, raw: AssetInput, actor: StaffActor): Promise<void> {
  const input = AssetInputSchema.parse(raw);
  await db.$transaction(async (tx) => {
    const before = await tx.asset.findFirst({ where: { id: assetId, ...inScopeWhere(actor, "modify") } });
    if (!before) throw new AssetError("not-found");
    // an asset stays with its company; moving it between customers is not an edit
    if (input.companyId !== before.companyId) throw new AssetError("invalid-input");
    if (input.parentId) await checkParent(tx, before.companyId, input.parentId, assetId);
    const data = assetData(input);
    await tx.asset.update({ where: { id: assetId }, data });
    await recordStaffAudit(tx, actor, {
      action: "asset.updated",
      entityType: "asset",
      entityId: assetId,
      before: { name: before.name, status: before.status, parentId: before.parentId },
      after: { name: data.name, status: data.status, parentId: data.parentId },
    });
  });
}

export async function addMaintenance(
  db: Db,
  assetId: number,
  raw: z.input<typeof MaintenanceInputSchema>,
  actor: StaffActor,
): Promise<{ id: number }> {
  const input = MaintenanceInputSchema.parse(raw);
  return db.$transaction(async (tx) => {
    const asset = await tx.asset.findFirst({
      where: { id: assetId, ...inScopeWhere(actor, "modify") },
      select: { id: true },
    });
    if (!asset) throw new AssetError("not-found");
    const row = await tx.assetMaintenance.create({
      data: {
        assetId,
        performedOn: input.performedOn,
        method: input.method,
        summary: input.summary,
        staffId: actor.staffId,
      },
    });
    // the log moves the asset's status where the method says so
    const status: AssetStatus | null =
      input.method === "upgrade"
        ? "upgraded"
        : input.method === "install" || input.method === "reinstall"
          ? "installed"
          : null;
    if (status) await tx.asset.update({ where: { id: assetId }, data: { status } });
    await recordStaffAudit(tx, actor, {
      action: "asset.maintenance-added",
      entityType: "asset",
      entityId: assetId,
      after: { maintenanceId: row.id, method: input.method, performedOn: raw.performedOn },
    });
    return { id: row.id };
  });
}

const ASSET_PAGE_SIZE = 20;

/** An asset as lists and trees show it. */
const assetSummarySelect = {
  id: true,
  number: true,
  name: true,
  model: true,
  serialNumber: true,
  status: true,
  warrantyEnd: true,
} as const;

function assetOrder(query: AssetListQuery): Prisma.AssetOrderByWithRelationInput[] {
  switch (query.sort) {
    case "name":
      return [{ name: query.dir }, { id: "desc" }];
    case "company":
      return [{ company: { name: query.dir } }, { id: "desc" }];
    case "warranty":
      return [{ warrantyEnd: { sort: query.dir, nulls: "last" } }, { id: "desc" }];
    case "created":
      return [{ id: query.dir }];
  }
}

/** Assets of the customers the actor serves (service × browse), filtered, sorted and paged. */
export async function listAssets(db: DbOrTx, actor: StaffActor, query: AssetListQuery) {
  const where: Prisma.AssetWhereInput = {
    AND: [
      inScopeWhere(actor, "browse"),
      query.companyId ? { companyId: query.companyId } : {},
      query.status ? { status: query.status } : {},
      query.q
        ? {
            OR: [
              { name: { contains: query.q } },
              { number: { contains: query.q } },
              { serialNumber: { contains: query.q } },
              { model: { contains: query.q } },
              { company: { name: { contains: query.q } } },
            ],
          }
        : {},
    ],
  };
  return findPage(
    query.page,
    ASSET_PAGE_SIZE,
    (take) => db.asset.count({ where, take }),
    (window) =>
      db.asset.findMany({
        where,
        orderBy: assetOrder(query),
        ...window,
        select: {
          ...assetSummarySelect,
          parent: selectIdAndName,
          company: selectIdAndName,
          _count: { select: { children: true } },
        },
      }),
  );
}

export type AssetListRow = Awaited<ReturnType<typeof listAssets>>["rows"][number];

const detailSelect = {
  id: true,
  number: true,
  companyId: true,
  name: true,
  model: true,
  serialNumber: true,
  spec: true,
  quantity: true,
  customerAssetNo: true,
  referenceNo: true,
  supplier: true,
  status: true,
  installedOn: true,
  warrantyScope: true,
  warrantyStart: true,
  warrantyEnd: true,
  parentId: true,
  productId: true,
  company: selectIdAndName,
  parent: { select: { id: true, number: true, name: true } },
  children: { orderBy: { id: "asc" }, select: { id: true, number: true, name: true, model: true, status: true } },
  maintenance: {
    orderBy: [{ performedOn: "desc" }, { id: "desc" }],
    select: { id: true, performedOn: true, method: true, summary: true, staffId: true },
  },
  contracts: {
    select: {
      netValue: true,
      totalValue: true,
      contract: { select: { id: true, number: true, name: true, status: true, endDate: true, approvalState: true } },
    },
  },
} satisfies Prisma.AssetSelect;

/** May the actor change this asset (service × modify over its customer)? */
export async function mayModifyAsset(db: DbOrTx, actor: StaffActor, assetId: number): Promise<boolean> {
  return (await db.asset.count({ where: { id: assetId, ...inScopeWhere(actor, "modify") } })) > 0;
}

/** Assets of `companyId` a new asset may hang under, when the actor may add assets for that company. */
export async function assetParentOptions(db: DbOrTx, actor: StaffActor, companyId: number) {
  const served = servedCompaniesWhere(actor, "add");
  if (served === null) return [];
  return db.asset.findMany({
    where: { companyId, company: served },
    orderBy: { id: "asc" },
    take: 200,
    select: { id: true, number: true, name: true },
  });
}

export async function getAssetForStaff(db: DbOrTx, assetId: number, actor: StaffActor) {
  return db.asset.findFirst({ where: { id: assetId, ...inScopeWhere(actor, "browse") }, select: detailSelect });
}

/** A zone's asset: null unless it belongs to `companyId` (the caller's zone company). */
export async function getZoneAsset(db: DbOrTx, companyId: number, assetId: number) {
  const asset = await db.asset.findFirst({ where: { id: assetId, companyId }, select: detailSelect });
  if (!asset) return null;
  // contracts shown in the zone are the approved ones; drafts are internal
  return {
    ...asset,
    contracts: asset.contracts.filter(
      (c) => c.contract.approvalState === "approved" && c.contract.status !== "drafting",
    ),
  };
}

export interface AssetTreeNode {
  id: number;
  number: string;
  name: string;
  model: string | null;
  serialNumber: string | null;
  status: AssetStatus;
  warrantyEnd: Date | null;
  children: AssetTreeNode[];
}

/** All of a company's assets as a forest (systems with their units and parts). */
export async function listCompanyAssetTree(db: DbOrTx, companyId: number): Promise<AssetTreeNode[]> {
  const rows = await db.asset.findMany({
    where: { companyId },
    orderBy: { id: "asc" },
    select: { ...assetSummarySelect, parentId: true },
  });
  const nodes = new Map<number, AssetTreeNode>(rows.map((r) => [r.id, { ...r, children: [] }]));
  const roots: AssetTreeNode[] = [];
  for (const row of rows) {
    const node = nodes.get(row.id)!;
    const parent = row.parentId !== null ? nodes.get(row.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** Assets a staff member could pick as a parent of an asset of `companyId`. */
export function listParentCandidates(db: DbOrTx, companyId: number, excludeId?: number) {
  return db.asset.findMany({
    where: { companyId, ...(excludeId ? { id: { not: excludeId } } : {}) },
    orderBy: { id: "asc" },
    take: 200,
    select: { id: true, number: true, name: true },
  });
}
