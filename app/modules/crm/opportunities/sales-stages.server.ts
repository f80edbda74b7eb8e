import type { OpportunityStage, Prisma, SalesStageKind } from "#app/generated/prisma/client.ts";
import type { DbOrTx } from "#app/lib/db.server.ts";

// Sales methods (销售方法) and their configurable stages (decision 038). The migration creates the
// default method whose six stages map the fixed OpportunityStage values; a database emptied by tests
// or restored without it gets the same method back the first time it is needed. A row with no
// stageId (written by code that only knows the fixed stage, e.g. lead conversion) counts as the
// default method's stage with the same legacyStage.

export interface StageView {
  id: number;
  methodId: number;
  nameZh: string;
  nameEn: string;
  sortOrder: number;
  probability: number;
  kind: SalesStageKind;
  legacyStage: OpportunityStage;
  /** Counts in the forecast while open (stage editor, decision 040). */
  forecast: boolean;
  /** Offered for new moves; a deactivated stage stays on the opportunities at it. */
  active: boolean;
}

const DEFAULT_STAGES: Array<Omit<StageView, "id" | "methodId" | "forecast" | "active">> = [
  {
    nameZh: "线索收集",
    nameEn: "Prospecting",
    sortOrder: 1,
    probability: 10,
    kind: "open",
    legacyStage: "prospecting",
  },
  {
    nameZh: "资格认证",
    nameEn: "Qualification",
    sortOrder: 2,
    probability: 30,
    kind: "open",
    legacyStage: "qualification",
  },
  { nameZh: "方案报价", nameEn: "Proposal", sortOrder: 3, probability: 60, kind: "open", legacyStage: "proposal" },
  {
    nameZh: "商务谈判",
    nameEn: "Negotiation",
    sortOrder: 4,
    probability: 80,
    kind: "open",
    legacyStage: "negotiation",
  },
  { nameZh: "结案/成功", nameEn: "Closed won", sortOrder: 5, probability: 100, kind: "won", legacyStage: "won" },
  { nameZh: "结案/失败", nameEn: "Closed lost", sortOrder: 6, probability: 0, kind: "lost", legacyStage: "lost" },
];

const stageSelect = {
  id: true,
  methodId: true,
  nameZh: true,
  nameEn: true,
  sortOrder: true,
  probability: true,
  kind: true,
  legacyStage: true,
  forecast: true,
  active: true,
} satisfies Prisma.SalesStageSelect;

const methodInclude = { stages: { select: stageSelect, orderBy: { sortOrder: "asc" } } } as const;

export type MethodView = Prisma.SalesMethodGetPayload<{ include: typeof methodInclude }>;

/** The default sales method with its stages in order (created when missing). */
export async function defaultSalesMethod(db: DbOrTx): Promise<MethodView> {
  const found = await db.salesMethod.findFirst({
    where: { isDefault: true },
    orderBy: { id: "asc" },
    include: methodInclude,
  });
  if (found) return found;
  const created = await db.salesMethod.create({
    data: {
      nameZh: "标准销售方法",
      nameEn: "Standard sales method",
      isDefault: true,
      stages: { create: DEFAULT_STAGES },
    },
    include: methodInclude,
  });
  // Two first uses at once may both create one: everyone settles on the lowest id.
  const first = await db.salesMethod.findFirst({
    where: { isDefault: true },
    orderBy: { id: "asc" },
    include: methodInclude,
  });
  return first ?? created;
}

/** Active methods, default first, each with its stages in order. */
export async function listSalesMethods(db: DbOrTx): Promise<MethodView[]> {
  const fallback = await defaultSalesMethod(db);
  const methods = await db.salesMethod.findMany({
    where: { active: true },
    orderBy: [{ isDefault: "desc" }, { sortOrder: "asc" }, { id: "asc" }],
    include: methodInclude,
  });
  return methods.length > 0 ? methods : [fallback];
}

/** The method `id` (active), or the default one when `id` is absent or unknown. */
export async function salesMethodOrDefault(db: DbOrTx, id: number | null | undefined): Promise<MethodView> {
  if (id) {
    const method = await db.salesMethod.findFirst({ where: { id, active: true }, include: methodInclude });
    if (method) return method;
  }
  return defaultSalesMethod(db);
}

/** One active stage of an active method (a move target), or null. */
export async function findStage(db: DbOrTx, stageId: number): Promise<StageView | null> {
  return db.salesStage.findFirst({
    where: { id: stageId, active: true, method: { active: true } },
    select: stageSelect,
  });
}

/** The stage a row is at: its stageId, or the default method's stage for its fixed stage. */
export function currentStage(
  row: { stageId: number | null; stage: OpportunityStage },
  method: MethodView,
  byId: ReadonlyMap<number, StageView>,
): StageView | null {
  if (row.stageId !== null) return byId.get(row.stageId) ?? null;
  return method.stages.find((s) => s.legacyStage === row.stage) ?? null;
}

/**
 * The where for "at stage S": its id, plus rows without a stageId at the same fixed stage when S
 * belongs to the default method.
 */
export function atStageWhere(stage: StageView, defaultMethodId: number): Prisma.OpportunityWhereInput {
  if (stage.methodId !== defaultMethodId) return { stageId: stage.id };
  return { OR: [{ stageId: stage.id }, { stageId: null, stage: stage.legacyStage }] };
}

/** The where for "uses method M" (rows without a method use the default one). */
export function inMethodWhere(methodId: number, defaultMethodId: number): Prisma.OpportunityWhereInput {
  if (methodId !== defaultMethodId) return { salesMethodId: methodId };
  return { OR: [{ salesMethodId: methodId }, { salesMethodId: null }] };
}
