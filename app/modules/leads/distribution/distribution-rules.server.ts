import { z } from "zod";
import type { Prisma } from "#app/generated/prisma/client.ts";
import type { Db, DbOrTx, Tx } from "#app/lib/db.server.ts";
import { staffAuditWriter, type AuditMeta } from "#app/modules/audit/audit-log.server.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import {
  evaluationOrder,
  keywordList,
  MAX_KEYWORD_LENGTH,
  MAX_KEYWORDS,
  parseKeywords,
  type MatchableRule,
} from "./distribution-rule-matching.ts";
import {
  assertCanManageRules,
  invalid,
  NOT_FOUND,
  zodFieldErrors,
  type FieldErrors,
  type RulesResult,
} from "./rules-access.server.ts";
import { selectName } from "#app/lib/prisma-selects.ts";

// 线索自动分发规则: the ordered list of rules, their keywords and the salespeople each rule hands
// leads to with the edit rights it grants. Positions are unique; every change to the order locks all
// rule rows first (the list is short), so two managers reordering at once cannot collide. The
// evaluation itself is pure and lives in distribution-rule-matching.ts.

const ENTITY = "DistributionRule";

export interface RuleRights {
  canEditNeed: boolean;
  canEditContact: boolean;
  canEditCompany: boolean;
  canEditStatus: boolean;
}

export const RIGHT_KEYS = ["canEditNeed", "canEditContact", "canEditCompany", "canEditStatus"] as const;
export type RightKey = (typeof RIGHT_KEYS)[number];

export interface RuleAssigneeView extends RuleRights {
  staffId: number;
  name: string;
  title: string | null;
  status: "active" | "away" | "inactive";
  teamName: string | null;
}

export interface DistributionRuleView extends MatchableRule {
  name: string;
  updatedAt: Date;
  assignees: RuleAssigneeView[];
}

const ruleSelect = {
  id: true,
  name: true,
  position: true,
  active: true,
  isCatchAll: true,
  alsoApply: true,
  regionKeywords: true,
  phoneKeywords: true,
  updatedAt: true,
  assignees: {
    select: {
      staffId: true,
      canEditNeed: true,
      canEditContact: true,
      canEditCompany: true,
      canEditStatus: true,
      staff: { select: { name: true, title: true, status: true, team: selectName } },
    },
    orderBy: { staffId: "asc" },
  },
} satisfies Prisma.DistributionRuleSelect;

type RuleRow = Prisma.DistributionRuleGetPayload<{ select: typeof ruleSelect }>;

function toView(row: RuleRow): DistributionRuleView {
  return {
    id: row.id,
    name: row.name,
    position: row.position,
    active: row.active,
    isCatchAll: row.isCatchAll,
    alsoApply: row.alsoApply,
    regionKeywords: keywordList(row.regionKeywords),
    phoneKeywords: keywordList(row.phoneKeywords),
    updatedAt: row.updatedAt,
    assignees: row.assignees.map((a) => ({
      staffId: a.staffId,
      name: a.staff.name,
      title: a.staff.title,
      status: a.staff.status,
      teamName: a.staff.team?.name ?? null,
      canEditNeed: a.canEditNeed,
      canEditContact: a.canEditContact,
      canEditCompany: a.canEditCompany,
      canEditStatus: a.canEditStatus,
    })),
  };
}

/** Every rule in evaluation order (by position, the catch-all last). */
export async function listDistributionRules(db: DbOrTx): Promise<DistributionRuleView[]> {
  const rows = await db.distributionRule.findMany({ select: ruleSelect, orderBy: { position: "asc" } });
  return evaluationOrder(rows.map(toView));
}

export async function getDistributionRule(db: DbOrTx, ruleId: number): Promise<DistributionRuleView | null> {
  const row = await db.distributionRule.findUnique({ where: { id: ruleId }, select: ruleSelect });
  return row ? toView(row) : null;
}

/** Staff who may be named in a rule: everybody not switched off (停用), with their team. */
export async function listRuleStaffChoices(db: DbOrTx) {
  const staff = await db.staff.findMany({
    where: { status: { not: "inactive" } },
    select: { id: true, name: true, title: true, status: true, team: selectName },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  return staff.map((s) => ({
    id: s.id,
    name: s.name,
    title: s.title,
    status: s.status,
    teamName: s.team?.name ?? null,
  }));
}

// ───────────────────────────── Validation ─────────────────────────────

const checkbox = z.preprocess((v) => v === true || v === "on" || v === "1" || v === "true", z.boolean());

const keywordField = z.preprocess(
  (v) => (Array.isArray(v) ? v.join(" OR ") : typeof v === "string" ? v : ""),
  z.string().max(2000, "validation.tooLong"),
);

export const RuleInputSchema = z.object({
  name: z.string({ error: "validation.required" }).trim().min(1, "validation.required").max(100, "validation.tooLong"),
  regionKeywords: keywordField,
  phoneKeywords: keywordField,
  isCatchAll: checkbox,
  alsoApply: checkbox,
});

export type RuleField = "name" | "regionKeywords" | "phoneKeywords" | "isCatchAll" | "alsoApply";

interface CleanRule {
  name: string;
  regionKeywords: string[];
  phoneKeywords: string[];
  isCatchAll: boolean;
  alsoApply: boolean;
}

function checkKeywords(list: string[], field: RuleField, errors: FieldErrors<RuleField>) {
  if (list.length > MAX_KEYWORDS)
    errors[field] = { key: "distribution.validation.tooManyKeywords", vars: { max: MAX_KEYWORDS } };
  else if (list.some((k) => k.length > MAX_KEYWORD_LENGTH)) {
    errors[field] = { key: "distribution.validation.keywordTooLong", vars: { max: MAX_KEYWORD_LENGTH } };
  }
}

/** Parses the form; a catch-all needs no keywords (they are dropped), any other rule needs one. */
export function validateRuleInput(
  input: unknown,
): { ok: true; rule: CleanRule } | { ok: false; fieldErrors: FieldErrors<RuleField> } {
  const parsed = RuleInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: zodFieldErrors<RuleField>(parsed.error.issues) };
  const { name, isCatchAll } = parsed.data;
  const regionKeywords = isCatchAll ? [] : parseKeywords(parsed.data.regionKeywords);
  const phoneKeywords = isCatchAll ? [] : parseKeywords(parsed.data.phoneKeywords);
  const errors: FieldErrors<RuleField> = {};
  checkKeywords(regionKeywords, "regionKeywords", errors);
  checkKeywords(phoneKeywords, "phoneKeywords", errors);
  if (!isCatchAll && regionKeywords.length === 0 && phoneKeywords.length === 0 && !errors.regionKeywords) {
    errors.regionKeywords = { key: "distribution.validation.keywordsRequired" };
  }
  if (Object.keys(errors).length > 0) return { ok: false, fieldErrors: errors };
  // "Also apply" means nothing on the catch-all: it is evaluated last anyway.
  return {
    ok: true,
    rule: { name, regionKeywords, phoneKeywords, isCatchAll, alsoApply: isCatchAll ? false : parsed.data.alsoApply },
  };
}

// ───────────────────────────── Writing ─────────────────────────────

/** Locks every rule row (the list is short) and returns them by position. */
async function lockRules(tx: Tx) {
  const rows = await tx.$queryRaw<Array<{ id: number; position: number; isCatchAll: number | boolean }>>`
    SELECT id, \`position\`, isCatchAll FROM DistributionRule ORDER BY \`position\` FOR UPDATE`;
  return rows.map((r) => ({ id: Number(r.id), position: Number(r.position), isCatchAll: Boolean(r.isCatchAll) }));
}

const audit = staffAuditWriter(ENTITY, "distribution_rule");

const catchAllTaken = (name: string) => ({
  isCatchAll: { key: "distribution.validation.catchAllTaken" as const, vars: { name } },
});

async function otherCatchAll(tx: Tx, exceptId: number | null) {
  return tx.distributionRule.findFirst({
    where: { isCatchAll: true, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true, name: true },
  });
}

export async function createDistributionRule(
  db: Db,
  actor: StaffActor,
  input: unknown,
  meta: AuditMeta = {},
): Promise<RulesResult<{ ruleId: number }, RuleField>> {
  assertCanManageRules(actor);
  const valid = validateRuleInput(input);
  if (!valid.ok) return invalid(valid.fieldErrors);
  return db.$transaction(async (tx) => {
    const rules = await lockRules(tx);
    if (valid.rule.isCatchAll) {
      const other = await otherCatchAll(tx, null);
      if (other) return invalid(catchAllTaken(other.name));
    }
    const position = rules.reduce((max, r) => Math.max(max, r.position), -1) + 1;
    const rule = await tx.distributionRule.create({ data: { ...valid.rule, position } });
    await audit(tx, actor, meta, "created", rule.id, null, { ...valid.rule, position });
    return { ok: true, ruleId: rule.id };
  });
}

export async function updateDistributionRule(
  db: Db,
  actor: StaffActor,
  ruleId: number,
  input: unknown,
  meta: AuditMeta = {},
): Promise<RulesResult<object, RuleField>> {
  assertCanManageRules(actor);
  const valid = validateRuleInput(input);
  if (!valid.ok) return invalid(valid.fieldErrors);
  return db.$transaction(async (tx) => {
    await lockRules(tx);
    const before = await tx.distributionRule.findUnique({ where: { id: ruleId } });
    if (!before) return NOT_FOUND;
    if (valid.rule.isCatchAll) {
      const other = await otherCatchAll(tx, ruleId);
      if (other) return invalid(catchAllTaken(other.name));
    }
    await tx.distributionRule.update({ where: { id: ruleId }, data: valid.rule });
    await audit(
      tx,
      actor,
      meta,
      "updated",
      ruleId,
      {
        name: before.name,
        regionKeywords: before.regionKeywords,
        phoneKeywords: before.phoneKeywords,
        isCatchAll: before.isCatchAll,
        alsoApply: before.alsoApply,
      },
      valid.rule,
    );
    return { ok: true };
  });
}

export async function setDistributionRuleActive(
  db: Db,
  actor: StaffActor,
  ruleId: number,
  active: boolean,
  meta: AuditMeta = {},
): Promise<RulesResult> {
  assertCanManageRules(actor);
  return db.$transaction(async (tx) => {
    const result = await tx.distributionRule.updateMany({ where: { id: ruleId }, data: { active } });
    if (result.count === 0) return NOT_FOUND;
    await audit(tx, actor, meta, active ? "activated" : "deactivated", ruleId, null, { active });
    return { ok: true };
  });
}

/** Flips one of the two flags from the list page. Making a rule the catch-all clears its keywords. */
export async function setDistributionRuleFlag(
  db: Db,
  actor: StaffActor,
  ruleId: number,
  flag: "alsoApply" | "isCatchAll",
  value: boolean,
  meta: AuditMeta = {},
): Promise<RulesResult<object, RuleField>> {
  assertCanManageRules(actor);
  return db.$transaction(async (tx) => {
    await lockRules(tx);
    const rule = await tx.distributionRule.findUnique({ where: { id: ruleId } });
    if (!rule) return NOT_FOUND;
    if (flag === "isCatchAll" && value) {
      const other = await otherCatchAll(tx, ruleId);
      if (other) return invalid(catchAllTaken(other.name));
    }
    if (flag === "alsoApply" && value && rule.isCatchAll) {
      return invalid({ alsoApply: { key: "distribution.validation.alsoApplyCatchAll" } });
    }
    if (flag === "isCatchAll" && !value) {
      // Leaving the catch-all role needs keywords first; the detail page is where they are typed.
      return invalid({ isCatchAll: { key: "distribution.validation.catchAllOffNeedsKeywords" } });
    }
    const data =
      flag === "isCatchAll"
        ? { isCatchAll: true, alsoApply: false, regionKeywords: [], phoneKeywords: [] }
        : { alsoApply: value };
    await tx.distributionRule.update({ where: { id: ruleId }, data });
    await audit(tx, actor, meta, "flag_changed", ruleId, { [flag]: rule[flag] }, { [flag]: value });
    return { ok: true };
  });
}

/** Swaps a rule with its neighbour in the evaluation order (the catch-all stays last). */
export async function moveDistributionRule(
  db: Db,
  actor: StaffActor,
  ruleId: number,
  direction: "up" | "down",
  meta: AuditMeta = {},
): Promise<RulesResult<{ moved: boolean }>> {
  assertCanManageRules(actor);
  return db.$transaction(async (tx) => {
    const rules = (await lockRules(tx)).filter((r) => !r.isCatchAll);
    const index = rules.findIndex((r) => r.id === ruleId);
    if (index < 0) {
      const exists = await tx.distributionRule.count({ where: { id: ruleId } });
      return exists ? { ok: true, moved: false } : NOT_FOUND;
    }
    const neighbour = rules[direction === "up" ? index - 1 : index + 1];
    if (!neighbour) return { ok: true, moved: false };
    const rule = rules[index]!;
    // Through a free position: (position) is unique at every statement.
    const parked = rules.reduce((min, r) => Math.min(min, r.position), 0) - 1;
    await tx.distributionRule.update({ where: { id: rule.id }, data: { position: parked } });
    await tx.distributionRule.update({ where: { id: neighbour.id }, data: { position: rule.position } });
    await tx.distributionRule.update({ where: { id: rule.id }, data: { position: neighbour.position } });
    await audit(tx, actor, meta, "moved", rule.id, { position: rule.position }, { position: neighbour.position });
    return { ok: true, moved: true };
  });
}

export async function deleteDistributionRule(
  db: Db,
  actor: StaffActor,
  ruleId: number,
  meta: AuditMeta = {},
): Promise<RulesResult> {
  assertCanManageRules(actor);
  return db.$transaction(async (tx) => {
    await lockRules(tx);
    const rule = await tx.distributionRule.findUnique({ where: { id: ruleId }, include: { assignees: true } });
    if (!rule) return NOT_FOUND;
    await tx.distributionRule.delete({ where: { id: ruleId } });
    await audit(
      tx,
      actor,
      meta,
      "deleted",
      ruleId,
      {
        name: rule.name,
        position: rule.position,
        assignees: rule.assignees.map((a) => ({ staffId: a.staffId, ...pickRights(a) })),
      },
      null,
    );
    return { ok: true };
  });
}

// ───────────────────────────── Assignees ─────────────────────────────

export function pickRights(source: Partial<Record<RightKey, unknown>>): RuleRights {
  return {
    canEditNeed: source.canEditNeed === true,
    canEditContact: source.canEditContact === true,
    canEditCompany: source.canEditCompany === true,
    canEditStatus: source.canEditStatus === true,
  };
}

export async function addRuleAssignee(
  db: Db,
  actor: StaffActor,
  ruleId: number,
  staffId: number,
  rights: RuleRights,
  meta: AuditMeta = {},
): Promise<RulesResult<object, "staffId">> {
  assertCanManageRules(actor);
  return db.$transaction(async (tx) => {
    const rule = await tx.distributionRule.findUnique({ where: { id: ruleId }, select: { id: true } });
    if (!rule) return NOT_FOUND;
    const staff = await tx.staff.findUnique({ where: { id: staffId }, select: { status: true } });
    if (!staff || staff.status === "inactive") {
      return invalid({ staffId: { key: "distribution.validation.staffUnavailable" } });
    }
    const existing = await tx.distributionRuleAssignee.findUnique({ where: { ruleId_staffId: { ruleId, staffId } } });
    if (existing) return invalid({ staffId: { key: "distribution.validation.alreadyAssignee" } });
    await tx.distributionRuleAssignee.create({ data: { ruleId, staffId, ...rights } });
    await audit(tx, actor, meta, "assignee_added", ruleId, null, { staffId, ...rights });
    return { ok: true };
  });
}

/** Saves the rights of every listed assignee at once (the detail page's checkbox table). */
export async function saveRuleAssigneeRights(
  db: Db,
  actor: StaffActor,
  ruleId: number,
  rows: Array<{ staffId: number } & RuleRights>,
  meta: AuditMeta = {},
): Promise<RulesResult> {
  assertCanManageRules(actor);
  return db.$transaction(async (tx) => {
    const current = await tx.distributionRuleAssignee.findMany({ where: { ruleId } });
    if (current.length === 0 && !(await tx.distributionRule.count({ where: { id: ruleId } }))) return NOT_FOUND;
    const byStaff = new Map(current.map((a) => [a.staffId, a]));
    const changes: Array<{ staffId: number; before: RuleRights; after: RuleRights }> = [];
    for (const row of rows) {
      const before = byStaff.get(row.staffId);
      if (!before) continue;
      const after = pickRights(row);
      const was = pickRights(before);
      if (RIGHT_KEYS.every((k) => was[k] === after[k])) continue;
      await tx.distributionRuleAssignee.update({
        where: { ruleId_staffId: { ruleId, staffId: row.staffId } },
        data: after,
      });
      changes.push({ staffId: row.staffId, before: was, after });
    }
    if (changes.length > 0) await audit(tx, actor, meta, "rights_changed", ruleId, null, { changes });
    return { ok: true };
  });
}

export async function removeRuleAssignee(
  db: Db,
  actor: StaffActor,
  ruleId: number,
  staffId: number,
  meta: AuditMeta = {},
): Promise<RulesResult> {
  assertCanManageRules(actor);
  return db.$transaction(async (tx) => {
    const result = await tx.distributionRuleAssignee.deleteMany({ where: { ruleId, staffId } });
    if (result.count === 0) return NOT_FOUND;
    await audit(tx, actor, meta, "assignee_removed", ruleId, { staffId }, null);
    return { ok: true };
  });
}
