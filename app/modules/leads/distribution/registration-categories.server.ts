import { z } from "zod";
import type { RegistrationKind } from "#app/generated/prisma/client.ts";
import type { Db, DbOrTx, Tx } from "#app/lib/db.server.ts";
import { staffAuditWriter, type AuditMeta } from "#app/modules/audit/audit-log.server.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { createChannelKey } from "../intake/channel-keys.server.ts";
import {
  assertCanManageRules,
  invalid,
  isUniqueViolation,
  NOT_FOUND,
  zodFieldErrors,
  type FieldErrors,
  type RulesResult,
} from "./rules-access.server.ts";
import { tokenGroupSummary } from "./token-groups.server.ts";
import { selectIdAndName, selectName } from "#app/lib/prisma-selects.ts";

// 登记分类: the interface parameters of one website channel (seed 000 §2.H.3) — its code and name,
// what kind of submission it carries, where its leads go (token group → campaign owner → designated
// person), which browser origins may post to the intake API, and its channel API keys.

export const REGISTRATION_KINDS = [
  "guest",
  "requirement",
  "order",
  "service",
] as const satisfies readonly RegistrationKind[];

export const CODE_PATTERN = /^[A-Z0-9-]{2,40}$/;
const MAX_ORIGINS = 50;

const auditCategory = staffAuditWriter("RegistrationCategory", "registration_category");

/** "" and missing mean "none" for the optional bindings. */
const optionalId = z.preprocess(
  (v) => (v === "" || v === undefined || v === null ? null : v),
  z.coerce.number({ error: "rules.categories.error.invalidChoice" }).int().positive().nullable(),
);

export const CategoryInputSchema = z.object({
  code: z
    .string({ error: "validation.required" })
    .trim()
    .toUpperCase()
    .min(1, "validation.required")
    .regex(CODE_PATTERN, "rules.categories.error.codeFormat"),
  name: z.string({ error: "validation.required" }).trim().min(1, "validation.required").max(100, "validation.tooLong"),
  kind: z.enum(REGISTRATION_KINDS, { error: "rules.categories.error.kind" }),
  campaignId: optionalId,
  tokenGroupId: optionalId,
  designatedStaffId: z.preprocess(
    (v) => (v === "" || v === null ? undefined : v),
    z.coerce.number({ error: "rules.categories.error.designatedRequired" }).int().positive(),
  ),
  allowedOrigins: z
    .string()
    .max(10_000, "validation.tooLong")
    .optional()
    .transform((v) => v ?? ""),
});

export type CategoryField = keyof z.input<typeof CategoryInputSchema>;
export type CategoryInput = z.output<typeof CategoryInputSchema>;

// ───────────────────────────── Allowed origins ─────────────────────────────

export type OriginsParse = { ok: true; origins: string[] } | { ok: false; line: number; value: string };

/**
 * One origin per line, as a browser sends it in the Origin header: `scheme://host[:port]` with http(s),
 * no path, query or credentials. Stored normalised (lower case, default port dropped), without duplicates.
 */
export function parseAllowedOrigins(text: string): OriginsParse {
  const origins: string[] = [];
  const lines = text.split(/\r?\n/);
  for (const [index, raw] of lines.entries()) {
    const value = raw.trim();
    if (value === "") continue;
    const fail = { ok: false as const, line: index + 1, value: value.slice(0, 80) };
    // A trailing slash is what people copy from the address bar; anything longer is a path.
    const candidate = value.endsWith("/") ? value.slice(0, -1) : value;
    if (!/^https?:\/\/[^/?#@\s\\]+$/i.test(candidate)) return fail;
    let url: URL;
    try {
      url = new URL(candidate);
    } catch {
      return fail;
    }
    if (!url.hostname || url.username || url.password) return fail;
    if (!origins.includes(url.origin)) origins.push(url.origin);
  }
  if (origins.length > MAX_ORIGINS) return { ok: false, line: MAX_ORIGINS + 1, value: origins[MAX_ORIGINS] ?? "" };
  return { ok: true, origins };
}

/** The stored origins as a list (the column is newline-separated text). */
export function allowedOriginList(stored: string | null | undefined): string[] {
  return (stored ?? "")
    .split("\n")
    .map((s) => s.trim())
    .filter(Boolean);
}

// ───────────────────────────── Reading ─────────────────────────────

export async function listRegistrationCategories(db: DbOrTx) {
  const rows = await db.registrationCategory.findMany({
    orderBy: { code: "asc" },
    select: {
      id: true,
      code: true,
      name: true,
      kind: true,
      active: true,
      campaign: selectIdAndName,
      tokenGroup: selectIdAndName,
      designatedStaff: { select: { id: true, name: true, status: true } },
      _count: { select: { channelKeys: { where: { revokedAt: null } }, leads: true } },
    },
  });
  return rows.map(({ _count, ...row }) => ({ ...row, activeKeys: _count.channelKeys, leadCount: _count.leads }));
}

export async function getRegistrationCategory(db: DbOrTx, categoryId: number) {
  const category = await db.registrationCategory.findUnique({
    where: { id: categoryId },
    select: {
      id: true,
      code: true,
      name: true,
      kind: true,
      active: true,
      allowedOrigins: true,
      campaignId: true,
      tokenGroupId: true,
      designatedStaffId: true,
      createdAt: true,
      updatedAt: true,
      campaign: { select: { id: true, name: true, owner: { select: { id: true, name: true, status: true } } } },
      tokenGroup: {
        select: {
          id: true,
          name: true,
          cursor: true,
          members: {
            select: {
              id: true,
              position: true,
              active: true,
              staff: { select: { id: true, name: true, status: true } },
            },
          },
        },
      },
      designatedStaff: { select: { id: true, name: true, status: true } },
      channelKeys: {
        orderBy: [{ revokedAt: { sort: "asc", nulls: "first" } }, { id: "desc" }],
        select: {
          id: true,
          name: true,
          prefix: true,
          createdById: true,
          createdAt: true,
          lastUsedAt: true,
          revokedAt: true,
        },
      },
      _count: { select: { leads: true } },
    },
  });
  if (!category) return null;
  const creatorIds = [
    ...new Set(category.channelKeys.map((k) => k.createdById).filter((id): id is number => id !== null)),
  ];
  const creators = creatorIds.length
    ? await db.staff.findMany({ where: { id: { in: creatorIds } }, select: { id: true, name: true } })
    : [];
  const creatorName = new Map(creators.map((s) => [s.id, s.name]));
  const { _count, channelKeys, tokenGroup: _group, ...rest } = category;
  return {
    ...rest,
    origins: allowedOriginList(category.allowedOrigins),
    leadCount: _count.leads,
    tokenGroup: category.tokenGroup ? tokenGroupSummary(category.tokenGroup) : null,
    keys: channelKeys.map(({ createdById, ...key }) => ({
      ...key,
      createdBy: createdById === null ? null : (creatorName.get(createdById) ?? null),
    })),
  };
}

/** Choices for the category form. The current designee stays selectable even when no longer at work. */
export async function getCategoryFormOptions(db: DbOrTx, currentDesigneeId?: number) {
  const [campaigns, tokenGroups, staff] = await Promise.all([
    db.campaign.findMany({
      orderBy: { name: "asc" },
      select: { id: true, name: true, owner: selectName },
    }),
    db.tokenGroup.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.staff.findMany({
      where: currentDesigneeId ? { OR: [{ status: "active" }, { id: currentDesigneeId }] } : { status: "active" },
      orderBy: [{ teamId: "asc" }, { name: "asc" }],
      select: { id: true, name: true, status: true, team: selectName },
    }),
  ]);
  return {
    campaigns: campaigns.map((c) => ({ id: c.id, name: c.name, owner: c.owner.name })),
    tokenGroups,
    staff: staff.map((s) => ({ id: s.id, name: s.name, status: s.status, team: s.team?.name ?? null })),
  };
}

// ───────────────────────────── Create / update ─────────────────────────────

/** Marker thrown inside a transaction to roll it back and answer with field errors. */
class Refused extends Error {
  constructor(readonly fieldErrors: FieldErrors<CategoryField>) {
    super("refused");
  }
}

function parseInput(
  input: unknown,
): { ok: true; data: CategoryInput; origins: string[] } | { ok: false; fieldErrors: FieldErrors<CategoryField> } {
  const parsed = CategoryInputSchema.safeParse(input);
  const fieldErrors: FieldErrors<CategoryField> = parsed.success
    ? {}
    : zodFieldErrors<CategoryField>(parsed.error.issues);
  const rawOrigins =
    typeof input === "object" && input !== null && "allowedOrigins" in input && typeof input.allowedOrigins === "string"
      ? input.allowedOrigins
      : "";
  const origins = parseAllowedOrigins(rawOrigins);
  if (!origins.ok && !fieldErrors.allowedOrigins) {
    fieldErrors.allowedOrigins = {
      key: "rules.categories.error.origin",
      vars: { line: origins.line, value: origins.value },
    };
  }
  if (!parsed.success || !origins.ok) return { ok: false, fieldErrors };
  return { ok: true, data: parsed.data, origins: origins.origins };
}

/** Checks the bindings against the database; throws Refused with every problem found. */
async function checkBindings(tx: Tx, data: CategoryInput, selfId: number | null, currentDesigneeId: number | null) {
  const fieldErrors: FieldErrors<CategoryField> = {};
  // Sequential on purpose: one transaction is one connection.
  const clash = await tx.registrationCategory.findUnique({
    where: { code: data.code },
    select: { id: true, name: true },
  });
  const campaign = data.campaignId
    ? await tx.campaign.findUnique({ where: { id: data.campaignId }, select: { id: true } })
    : null;
  const group = data.tokenGroupId
    ? await tx.tokenGroup.findUnique({ where: { id: data.tokenGroupId }, select: { id: true } })
    : null;
  const designee = await tx.staff.findUnique({
    where: { id: data.designatedStaffId },
    select: { id: true, status: true },
  });
  if (clash && clash.id !== selfId) {
    fieldErrors.code = { key: "rules.categories.error.codeTaken", vars: { code: data.code, name: clash.name } };
  }
  if (data.campaignId && !campaign) fieldErrors.campaignId = { key: "rules.categories.error.invalidChoice" };
  if (data.tokenGroupId && !group) fieldErrors.tokenGroupId = { key: "rules.categories.error.invalidChoice" };
  // The fallback person must be at work when chosen; keeping an existing one who is away is allowed.
  const keepsCurrent = currentDesigneeId === data.designatedStaffId && designee?.status === "away";
  if (!designee || (designee.status !== "active" && !keepsCurrent)) {
    fieldErrors.designatedStaffId = { key: "rules.categories.error.designatedInactive" };
  }
  if (Object.keys(fieldErrors).length > 0) throw new Refused(fieldErrors);
}

function snapshot(data: CategoryInput, origins: string[]) {
  return {
    code: data.code,
    name: data.name,
    kind: data.kind,
    campaignId: data.campaignId,
    tokenGroupId: data.tokenGroupId,
    designatedStaffId: data.designatedStaffId,
    allowedOrigins: origins.length ? origins.join("\n") : null,
  };
}

/** After losing a race on the unique code: name the category that won. */
async function codeTaken(db: Db, code: string) {
  const winner = await db.registrationCategory.findUnique({ where: { code }, select: { name: true } });
  return invalid<CategoryField>({
    code: { key: "rules.categories.error.codeTaken", vars: { code, name: winner?.name ?? code } },
  });
}

type CategoryValues = ReturnType<typeof snapshot>;

/**
 * Saves the category form: parses it, runs `save` in a transaction, and answers a refused binding
 * or a code someone saved meanwhile with a field error.
 */
async function saveCategory<T extends object>(
  db: Db,
  actor: StaffActor,
  input: unknown,
  save: (tx: Tx, data: CategoryInput, values: CategoryValues) => Promise<RulesResult<T, CategoryField>>,
): Promise<RulesResult<T, CategoryField>> {
  assertCanManageRules(actor);
  const parsed = parseInput(input);
  if (!parsed.ok) return invalid(parsed.fieldErrors);
  const values = snapshot(parsed.data, parsed.origins);
  try {
    return await db.$transaction((tx) => save(tx, parsed.data, values));
  } catch (error) {
    if (error instanceof Refused) return invalid(error.fieldErrors);
    // Two people saving the same code at once: the unique index decides, the loser is told plainly.
    if (isUniqueViolation(error)) return codeTaken(db, parsed.data.code);
    throw error;
  }
}

export async function createRegistrationCategory(
  db: Db,
  actor: StaffActor,
  input: unknown,
  meta: AuditMeta = {},
): Promise<RulesResult<{ categoryId: number }, CategoryField>> {
  return saveCategory<{ categoryId: number }>(db, actor, input, async (tx, data, values) => {
    await checkBindings(tx, data, null, null);
    const category = await tx.registrationCategory.create({ data: { ...values, active: true } });
    await auditCategory(tx, actor, meta, "created", category.id, null, { ...values, active: true });
    return { ok: true, categoryId: category.id };
  });
}

export async function updateRegistrationCategory(
  db: Db,
  actor: StaffActor,
  categoryId: number,
  input: unknown,
  meta: AuditMeta = {},
): Promise<RulesResult<object, CategoryField>> {
  return saveCategory<object>(db, actor, input, async (tx, data, values) => {
    const current = await tx.registrationCategory.findUnique({
      where: { id: categoryId },
      select: {
        code: true,
        name: true,
        kind: true,
        campaignId: true,
        tokenGroupId: true,
        designatedStaffId: true,
        allowedOrigins: true,
      },
    });
    if (!current) return NOT_FOUND;
    await checkBindings(tx, data, categoryId, current.designatedStaffId);
    const changed = (Object.keys(values) as Array<keyof typeof values>).filter((k) => values[k] !== current[k]);
    if (changed.length === 0) return { ok: true };
    await tx.registrationCategory.update({ where: { id: categoryId }, data: values });
    await auditCategory(
      tx,
      actor,
      meta,
      "updated",
      categoryId,
      Object.fromEntries(changed.map((k) => [k, current[k]])),
      Object.fromEntries(changed.map((k) => [k, values[k]])),
    );
    return { ok: true };
  });
}

export async function setRegistrationCategoryActive(
  db: Db,
  actor: StaffActor,
  categoryId: number,
  active: boolean,
  meta: AuditMeta = {},
): Promise<RulesResult> {
  assertCanManageRules(actor);
  return db.$transaction(async (tx) => {
    const current = await tx.registrationCategory.findUnique({ where: { id: categoryId }, select: { active: true } });
    if (!current) return NOT_FOUND;
    if (current.active === active) return { ok: true };
    await tx.registrationCategory.update({ where: { id: categoryId }, data: { active } });
    const action = active ? "activated" : "deactivated";
    await auditCategory(tx, actor, meta, action, categoryId, { active: current.active }, { active });
    return { ok: true };
  });
}

// ───────────────────────────── Channel keys ─────────────────────────────

export const KeyNameSchema = z.object({
  name: z.string({ error: "validation.required" }).trim().min(1, "validation.required").max(100, "validation.tooLong"),
});

export interface IssuedKey {
  keyId: number;
  /** The full key: shown to the person once, never stored or logged. */
  key: string;
  prefix: string;
  name: string;
}

// Only the public prefix and the name of a key go into the audit: never the secret.
const auditKey = staffAuditWriter("ChannelKey", "channel_key");

export async function generateCategoryKey(
  db: Db,
  actor: StaffActor,
  categoryId: number,
  input: unknown,
  meta: AuditMeta = {},
): Promise<RulesResult<{ issued: IssuedKey }, "name">> {
  assertCanManageRules(actor);
  const parsed = KeyNameSchema.safeParse(input);
  if (!parsed.success) return invalid(zodFieldErrors<"name">(parsed.error.issues));
  const { name } = parsed.data;
  return db.$transaction(async (tx) => {
    const category = await tx.registrationCategory.findUnique({ where: { id: categoryId }, select: { id: true } });
    if (!category) return NOT_FOUND;
    const created = await createChannelKey(tx, { categoryId, name, createdById: actor.staffId });
    await auditKey(tx, actor, meta, "created", created.id, null, { categoryId, name, prefix: created.prefix });
    return { ok: true, issued: { keyId: created.id, key: created.key, prefix: created.prefix, name } };
  });
}

class AlreadyRevoked extends Error {}

export async function revokeCategoryKey(
  db: Db,
  actor: StaffActor,
  categoryId: number,
  keyId: number,
  meta: AuditMeta = {},
): Promise<RulesResult> {
  assertCanManageRules(actor);
  return db.$transaction(async (tx) => {
    const key = await tx.channelKey.findFirst({
      where: { id: keyId, categoryId },
      select: { id: true, name: true, prefix: true, revokedAt: true },
    });
    if (!key) return NOT_FOUND;
    if (key.revokedAt) return { ok: true };
    const revoked = await tx.channelKey.updateMany({
      where: { id: keyId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (revoked.count === 1) {
      await auditKey(tx, actor, meta, "revoked", keyId, null, { categoryId, name: key.name, prefix: key.prefix });
    }
    return { ok: true };
  });
}

/** A new key with the old one's name, and the old key revoked, in one transaction. */
export async function rotateCategoryKey(
  db: Db,
  actor: StaffActor,
  categoryId: number,
  keyId: number,
  meta: AuditMeta = {},
): Promise<RulesResult<{ issued: IssuedKey }>> {
  assertCanManageRules(actor);
  try {
    return await db.$transaction(async (tx) => {
      const old = await tx.channelKey.findFirst({
        where: { id: keyId, categoryId },
        select: { id: true, name: true, prefix: true, revokedAt: true },
      });
      if (!old) return NOT_FOUND;
      if (old.revokedAt) throw new AlreadyRevoked();
      const created = await createChannelKey(tx, { categoryId, name: old.name, createdById: actor.staffId });
      // Conditional update: if someone revoked or rotated it meanwhile, roll the new key back too.
      const revoked = await tx.channelKey.updateMany({
        where: { id: keyId, revokedAt: null },
        data: { revokedAt: new Date() },
      });
      if (revoked.count !== 1) throw new AlreadyRevoked();
      await auditKey(tx, actor, meta, "rotated", created.id, null, {
        categoryId,
        name: old.name,
        prefix: created.prefix,
        replacesKeyId: old.id,
        replacesPrefix: old.prefix,
      });
      await auditKey(tx, actor, meta, "revoked", old.id, null, {
        categoryId,
        name: old.name,
        prefix: old.prefix,
        replacedByKeyId: created.id,
      });
      return {
        ok: true,
        issued: { keyId: created.id, key: created.key, prefix: created.prefix, name: old.name },
      };
    });
  } catch (error) {
    if (error instanceof AlreadyRevoked) return invalid({}, { key: "rules.keys.error.alreadyRevoked" });
    throw error;
  }
}
