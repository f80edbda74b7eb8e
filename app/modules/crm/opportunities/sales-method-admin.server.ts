import { z } from "zod";
import type { OpportunityStage, Prisma, SalesStageKind } from "#app/generated/prisma/client.ts";
import type { Db, DbOrTx } from "#app/lib/db.server.ts";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { conflict, invalid, notFound, ok, type FieldErrors, type ServiceResult } from "#app/lib/service-result.ts";
import { staffAuditWriter } from "#app/modules/audit/audit-log.server.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { defaultSalesMethod, type StageView } from "./sales-stages.server.ts";

// 销售方法 editor (#18 item 4, decision 040): admins name methods and edit their stages — names in
// both languages, order, probability, forecast flag, the won/lost mapping (kind, and the fixed
// phase an open stage counts as: decision 038's legacyStage) and the active flag.
//
// Rules that keep the opportunities consistent:
// - a stage in use (an opportunity at it, in the bin too, or a stage-change history row naming it)
//   cannot be deleted — it is deactivated instead — and its kind/phase cannot change (an opportunity
//   at an open stage would suddenly be won);
// - a method keeps at least one active open stage, one won and one lost stage;
// - the default method cannot be deactivated; a method opportunities use cannot be deactivated.
// Writes run in a transaction that locks the method row, so two admins editing one method at once
// are serialised; each change is audited.

const audit = staffAuditWriter("SalesStage", "salesStage");
const auditMethod = staffAuditWriter("SalesMethod", "salesMethod");

export const OPEN_PHASES = ["prospecting", "qualification", "proposal", "negotiation"] as const;
export const STAGE_KINDS = ["open", "won", "lost"] as const satisfies readonly SalesStageKind[];

type ErrorKey = Extract<MessageKey, `stageEditor.error.${string}`>;
const msg = (key: ErrorKey) => ({ error: key });

const flag = z.preprocess((v) => v === true || v === "on" || v === "true" || v === "1", z.boolean());
const name = z.preprocess(
  (v) => (typeof v === "string" ? v.trim() : v),
  z.string(msg("stageEditor.error.name")).min(1, msg("stageEditor.error.name")).max(100, msg("stageEditor.error.name")),
);

const StageInput = z.object({
  nameZh: name,
  nameEn: name,
  probability: z.coerce
    .number(msg("stageEditor.error.probability"))
    .int(msg("stageEditor.error.probability"))
    .min(0, msg("stageEditor.error.probability"))
    .max(100, msg("stageEditor.error.probability")),
  kind: z.enum(STAGE_KINDS, msg("stageEditor.error.kind")),
  phase: z.enum(OPEN_PHASES, msg("stageEditor.error.kind")).optional().catch(undefined),
  forecast: flag,
  active: flag,
});
export type StageField = keyof z.input<typeof StageInput>;

const MethodInput = z.object({ nameZh: name, nameEn: name, active: flag, isDefault: flag });
export type MethodField = keyof z.input<typeof MethodInput>;

function fieldErrorsOf<F extends string>(error: z.ZodError): FieldErrors<F> {
  const out: FieldErrors<F> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "") as F;
    const key = issue.message.startsWith("stageEditor.") ? (issue.message as ErrorKey) : "stageEditor.error.invalid";
    out[field] ??= [key];
  }
  return out;
}

/** The fixed phase a stage counts as: won/lost map to themselves, an open stage to its chosen phase. */
function legacyOf(kind: SalesStageKind, phase: (typeof OPEN_PHASES)[number] | undefined): OpportunityStage {
  return kind === "open" ? (phase ?? "prospecting") : kind;
}

export interface AdminStage extends Omit<StageView, "methodId"> {
  /** Opportunities at the stage (bin included). */
  opportunities: number;
  /** In use: opportunities or history name it — deactivate, do not delete. */
  inUse: boolean;
}

export interface AdminMethod {
  id: number;
  nameZh: string;
  nameEn: string;
  isDefault: boolean;
  active: boolean;
  opportunities: number;
  stages: AdminStage[];
}

/** Every method (inactive too), default first, with every stage in order and how much uses it. */
export async function listSalesMethodsForAdmin(db: DbOrTx): Promise<AdminMethod[]> {
  await defaultSalesMethod(db);
  const [methods, atStage, fromStage, toStage, perMethod] = await Promise.all([
    db.salesMethod.findMany({
      orderBy: [{ isDefault: "desc" }, { sortOrder: "asc" }, { id: "asc" }],
      include: { stages: { orderBy: [{ sortOrder: "asc" }, { id: "asc" }] } },
    }),
    db.opportunity.groupBy({ by: ["stageId"], where: { stageId: { not: null } }, _count: { _all: true } }),
    db.opportunityStageChange.groupBy({
      by: ["fromStageId"],
      where: { fromStageId: { not: null } },
      _count: { _all: true },
    }),
    db.opportunityStageChange.groupBy({
      by: ["toStageId"],
      where: { toStageId: { not: null } },
      _count: { _all: true },
    }),
    db.opportunity.groupBy({ by: ["salesMethodId"], where: { salesMethodId: { not: null } }, _count: { _all: true } }),
  ]);
  const count = new Map(atStage.map((r) => [r.stageId, r._count._all]));
  const history = new Set([...fromStage.map((r) => r.fromStageId), ...toStage.map((r) => r.toStageId)]);
  const byMethod = new Map(perMethod.map((r) => [r.salesMethodId, r._count._all]));
  return methods.map((m) => ({
    id: m.id,
    nameZh: m.nameZh,
    nameEn: m.nameEn,
    isDefault: m.isDefault,
    active: m.active,
    opportunities: byMethod.get(m.id) ?? 0,
    stages: m.stages.map((s) => ({
      id: s.id,
      nameZh: s.nameZh,
      nameEn: s.nameEn,
      sortOrder: s.sortOrder,
      probability: s.probability,
      kind: s.kind,
      legacyStage: s.legacyStage,
      forecast: s.forecast,
      active: s.active,
      opportunities: count.get(s.id) ?? 0,
      inUse: (count.get(s.id) ?? 0) > 0 || history.has(s.id),
    })),
  }));
}

async function stageInUse(tx: DbOrTx, stageId: number, legacy: OpportunityStage, isDefault: boolean): Promise<boolean> {
  const [opps, changes] = await Promise.all([
    // Rows without a stageId count as the default method's stage of their fixed phase (decision 038).
    tx.opportunity.count({
      where: isDefault ? { OR: [{ stageId }, { stageId: null, stage: legacy }] } : { stageId },
    }),
    tx.opportunityStageChange.count({ where: { OR: [{ fromStageId: stageId }, { toStageId: stageId }] } }),
  ]);
  return opps > 0 || changes > 0;
}

/** Locks the method row (edits of one method queue) and returns it with its stages, or null. */
async function lockMethod(tx: Prisma.TransactionClient, methodId: number) {
  const rows = await tx.$queryRaw<Array<{ id: number }>>`
    SELECT id FROM \`SalesMethod\` WHERE id = ${methodId} FOR UPDATE`;
  if (rows.length === 0) return null;
  return tx.salesMethod.findUniqueOrThrow({
    where: { id: methodId },
    include: { stages: { orderBy: [{ sortOrder: "asc" }, { id: "asc" }] } },
  });
}

type StageRow = { id: number; kind: SalesStageKind; active: boolean };

/** A method must keep an active open stage, a won stage and a lost stage (the board and closing need them). */
function keepsRequiredStages(stages: readonly StageRow[]): boolean {
  const active = stages.filter((s) => s.active);
  return (
    active.some((s) => s.kind === "open") &&
    active.some((s) => s.kind === "won") &&
    active.some((s) => s.kind === "lost")
  );
}

const Id = z.coerce.number().int().positive().max(2_147_483_647);

/** Adds a stage at the end of a method, or edits one (`stageId`). */
export async function saveSalesStage(
  db: Db,
  actor: StaffActor,
  input: { methodId: unknown; stageId?: unknown; values: Record<string, unknown> },
): Promise<ServiceResult<{ stageId: number }, StageField>> {
  const methodId = Id.safeParse(input.methodId);
  if (!methodId.success) return notFound();
  const stageId = input.stageId === undefined || input.stageId === "" ? null : Id.safeParse(input.stageId);
  if (stageId && !stageId.success) return notFound();
  const parsed = StageInput.safeParse(input.values);
  if (!parsed.success) return invalid(fieldErrorsOf<StageField>(parsed.error));
  const v = parsed.data;
  const legacyStage = legacyOf(v.kind, v.phase);
  return db.$transaction(async (tx) => {
    const method = await lockMethod(tx, methodId.data);
    if (!method) return notFound();
    const data = {
      nameZh: v.nameZh,
      nameEn: v.nameEn,
      probability: v.probability,
      kind: v.kind,
      legacyStage,
      forecast: v.forecast,
      active: v.active,
    };
    if (!stageId) {
      const sortOrder = (method.stages.at(-1)?.sortOrder ?? 0) + 1;
      const created = await tx.salesStage.create({ data: { methodId: method.id, sortOrder, ...data } });
      await audit(tx, actor, {}, "created", created.id, null, { methodId: method.id, ...data });
      return ok({ stageId: created.id });
    }
    const before = method.stages.find((s) => s.id === stageId.data);
    if (!before) return notFound();
    const remapped = before.kind !== v.kind || before.legacyStage !== legacyStage;
    if (remapped && (await stageInUse(tx, before.id, before.legacyStage, method.isDefault))) {
      return conflict("stageEditor.error.kindInUse");
    }
    const after = method.stages.map((s) => (s.id === before.id ? { ...s, kind: v.kind, active: v.active } : s));
    if (!keepsRequiredStages(after)) return conflict("stageEditor.error.required");
    await tx.salesStage.update({ where: { id: before.id }, data });
    await audit(tx, actor, {}, "updated", before.id, pick(before), data);
    return ok({ stageId: before.id });
  });
}

function pick(s: { nameZh: string; nameEn: string; probability: number; kind: SalesStageKind; active: boolean }) {
  return { nameZh: s.nameZh, nameEn: s.nameEn, probability: s.probability, kind: s.kind, active: s.active };
}

/** Deletes a stage nobody uses; a stage in use answers a conflict (deactivate it instead). */
export async function deleteSalesStage(
  db: Db,
  actor: StaffActor,
  input: { methodId: unknown; stageId: unknown },
): Promise<ServiceResult<{ deleted: true }>> {
  const methodId = Id.safeParse(input.methodId);
  const stageId = Id.safeParse(input.stageId);
  if (!methodId.success || !stageId.success) return notFound();
  return db.$transaction(async (tx) => {
    const method = await lockMethod(tx, methodId.data);
    const stage = method?.stages.find((s) => s.id === stageId.data);
    if (!method || !stage) return notFound();
    if (await stageInUse(tx, stage.id, stage.legacyStage, method.isDefault)) return conflict("stageEditor.error.inUse");
    if (!keepsRequiredStages(method.stages.filter((s) => s.id !== stage.id))) {
      return conflict("stageEditor.error.required");
    }
    await tx.salesStage.delete({ where: { id: stage.id } });
    await audit(tx, actor, {}, "deleted", stage.id, pick(stage), null);
    return ok({ deleted: true as const });
  });
}

/** Moves a stage one place up or down in its method (swaps with its neighbour; numbers stay dense). */
export async function moveSalesStage(
  db: Db,
  actor: StaffActor,
  input: { methodId: unknown; stageId: unknown; direction: unknown },
): Promise<ServiceResult<{ moved: boolean }>> {
  const methodId = Id.safeParse(input.methodId);
  const stageId = Id.safeParse(input.stageId);
  if (!methodId.success || !stageId.success) return notFound();
  if (input.direction !== "up" && input.direction !== "down") return invalid({}, ["stageEditor.error.invalid"]);
  const step = input.direction === "up" ? -1 : 1;
  return db.$transaction(async (tx) => {
    const method = await lockMethod(tx, methodId.data);
    if (!method) return notFound();
    const order = method.stages.map((s) => s.id);
    const at = order.indexOf(stageId.data);
    if (at < 0) return notFound();
    const to = at + step;
    if (to < 0 || to >= order.length) return ok({ moved: false });
    [order[at], order[to]] = [order[to]!, order[at]!];
    for (const [i, id] of order.entries()) {
      await tx.salesStage.update({ where: { id }, data: { sortOrder: i + 1 } });
    }
    await audit(tx, actor, {}, "reordered", stageId.data, { position: at + 1 }, { position: to + 1 });
    return ok({ moved: true });
  });
}

/** Adds a method (with an open, a won and a lost stage to start from) or edits one (`methodId`). */
export async function saveSalesMethod(
  db: Db,
  actor: StaffActor,
  input: { methodId?: unknown; values: Record<string, unknown> },
): Promise<ServiceResult<{ methodId: number }, MethodField>> {
  const parsed = MethodInput.safeParse(input.values);
  if (!parsed.success) return invalid(fieldErrorsOf<MethodField>(parsed.error));
  const v = parsed.data;
  const editing = input.methodId === undefined || input.methodId === "" ? null : Id.safeParse(input.methodId);
  if (editing && !editing.success) return notFound();
  return db.$transaction(async (tx) => {
    if (!editing) {
      const last = await tx.salesMethod.aggregate({ _max: { sortOrder: true } });
      const created = await tx.salesMethod.create({
        data: {
          nameZh: v.nameZh,
          nameEn: v.nameEn,
          active: v.active,
          isDefault: false,
          sortOrder: (last._max.sortOrder ?? 0) + 1,
          stages: { create: STARTER_STAGES },
        },
      });
      await auditMethod(tx, actor, {}, "created", created.id, null, { nameZh: v.nameZh, nameEn: v.nameEn });
      if (v.isDefault) await makeDefault(tx, created.id);
      return ok({ methodId: created.id });
    }
    const method = await lockMethod(tx, editing.data);
    if (!method) return notFound();
    const isDefault = method.isDefault || v.isDefault;
    if (!v.active && isDefault) return conflict("stageEditor.error.defaultActive");
    if (!v.active && method.active) {
      const used = await tx.opportunity.count({ where: { salesMethodId: method.id } });
      if (used > 0) return conflict("stageEditor.error.methodInUse");
    }
    await tx.salesMethod.update({
      where: { id: method.id },
      data: { nameZh: v.nameZh, nameEn: v.nameEn, active: v.active },
    });
    if (v.isDefault && !method.isDefault) await makeDefault(tx, method.id);
    await auditMethod(
      tx,
      actor,
      {},
      "updated",
      method.id,
      { nameZh: method.nameZh, nameEn: method.nameEn, active: method.active, isDefault: method.isDefault },
      { nameZh: v.nameZh, nameEn: v.nameEn, active: v.active, isDefault },
    );
    return ok({ methodId: method.id });
  });
}

/** One default method: rows without a method (lead conversion) count as the default's (decision 038). */
async function makeDefault(tx: DbOrTx, methodId: number): Promise<void> {
  await tx.salesMethod.updateMany({ where: { isDefault: true, id: { not: methodId } }, data: { isDefault: false } });
  await tx.salesMethod.update({ where: { id: methodId }, data: { isDefault: true, active: true } });
}

const STARTER_STAGES = [
  {
    nameZh: "初步接洽",
    nameEn: "First contact",
    sortOrder: 1,
    probability: 10,
    kind: "open",
    legacyStage: "prospecting",
  },
  { nameZh: "结案/成功", nameEn: "Closed won", sortOrder: 2, probability: 100, kind: "won", legacyStage: "won" },
  {
    nameZh: "结案/失败",
    nameEn: "Closed lost",
    sortOrder: 3,
    probability: 0,
    kind: "lost",
    legacyStage: "lost",
    forecast: false,
  },
] satisfies Prisma.SalesStageCreateWithoutMethodInput[];
