import { z } from "zod";
import { sharedConfigVersions } from "./config-versions.server.ts";
import type { Db, DbOrTx } from "#app/lib/db.server.ts";
import type { Locale } from "#app/lib/i18n/locales.ts";
import { invalid, ok, type ServiceResult } from "#app/lib/service-result.ts";
import { recordStaffAudit } from "#app/modules/audit/audit-log.server.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { EXPENSE_REPORT_CLASSES, FIXED_CODE_TABLES, LOOKUP_DEFAULTS, type LookupTableKey } from "./lookup-defaults.ts";

// 系统表: editable enumerations. A table with no rows yet reads as its defaults (lookup-defaults.ts);
// the first edit writes the defaults out, then the rows are the truth.
//
// Caching: each process keeps the values per table together with a version — (row count, newest
// updatedAt) — and re-checks the version on every read with one index-only query
// (LookupValue_tableKey_updatedAt_idx) — within a page request, one query for every table
// (config-versions.server.ts). An edit on any instance is thus seen by every instance on its next
// read, without a TTL window or a message bus; the full rows are only re-read after a change.

export interface LookupEntry {
  code: string;
  labelZh: string;
  labelEn: string;
  position: number;
  active: boolean;
  personal: boolean;
  reportClass: string | null;
}

interface CacheEntry {
  version: string;
  values: LookupEntry[];
}
const cache = new Map<LookupTableKey, CacheEntry>();

function defaultsOf(tableKey: LookupTableKey): LookupEntry[] {
  return LOOKUP_DEFAULTS[tableKey].map((d, i) => ({
    code: d.code,
    labelZh: d.zh,
    labelEn: d.en,
    position: (i + 1) * 10,
    active: true,
    personal: d.personal ?? false,
    reportClass: d.reportClass ?? null,
  }));
}

async function versionOf(db: DbOrTx, tableKey: LookupTableKey): Promise<string> {
  const [row] = await db.$queryRaw<Array<{ c: bigint | number; m: Date | null }>>`
    SELECT COUNT(*) AS c, MAX(updatedAt) AS m FROM \`LookupValue\` WHERE tableKey = ${tableKey}`;
  return `${Number(row?.c ?? 0)}:${row?.m ? new Date(row.m).getTime() : 0}`;
}

/** Every value of a table (inactive included), in display order. */
export async function lookupValues(db: DbOrTx, tableKey: LookupTableKey): Promise<LookupEntry[]> {
  // In a page request every table's version comes from one shared query (decision 048).
  const shared = sharedConfigVersions(db);
  const version = shared ? ((await shared).get(`lookup:${tableKey}`) ?? "0:0") : await versionOf(db, tableKey);
  const hit = cache.get(tableKey);
  if (hit && hit.version === version) return hit.values;
  const rows = await db.lookupValue.findMany({ where: { tableKey }, orderBy: [{ position: "asc" }, { id: "asc" }] });
  const values: LookupEntry[] = rows.length
    ? rows.map((r) => ({
        code: r.code,
        labelZh: r.labelZh,
        labelEn: r.labelEn,
        position: r.position,
        active: r.active,
        personal: r.personal,
        reportClass: r.reportClass,
      }))
    : defaultsOf(tableKey);
  cache.set(tableKey, { version, values });
  return values;
}

export interface LookupOption {
  value: string;
  label: string;
}

export function labelOf(entry: Pick<LookupEntry, "labelZh" | "labelEn">, locale: Locale): string {
  return locale === "en" ? entry.labelEn : entry.labelZh;
}

/**
 * Options for a picker: the active values in order. `current` keeps a record's stored code selectable
 * even if it was deactivated (or predates the table), so editing the record does not silently drop it.
 */
export async function lookupOptions(
  db: DbOrTx,
  tableKey: LookupTableKey,
  locale: Locale,
  current?: string | null,
): Promise<LookupOption[]> {
  const values = await lookupValues(db, tableKey);
  const options = values.filter((v) => v.active).map((v) => ({ value: v.code, label: labelOf(v, locale) }));
  if (current && !options.some((o) => o.value === current)) {
    const stored = values.find((v) => v.code === current);
    options.push({ value: current, label: stored ? labelOf(stored, locale) : current });
  }
  return options;
}

/** The label of a stored code (the code itself when the table does not know it). */
export async function lookupLabel(
  db: DbOrTx,
  tableKey: LookupTableKey,
  code: string | null | undefined,
  locale: Locale,
): Promise<string | null> {
  if (!code) return null;
  const hit = (await lookupValues(db, tableKey)).find((v) => v.code === code);
  return hit ? labelOf(hit, locale) : code;
}

/** Every code's label (inactive values included), for lists that show stored codes. */
export async function lookupLabels(
  db: DbOrTx,
  tableKey: LookupTableKey,
  locale: Locale,
): Promise<Record<string, string>> {
  return Object.fromEntries((await lookupValues(db, tableKey)).map((v) => [v.code, labelOf(v, locale)]));
}

/** The tables whose labels the shells hand to components (app/ui/lookup-labels.ts): codes shown all
 * over the back office and the portal. */
export async function shellLookups(db: DbOrTx, locale: Locale) {
  const [serviceKinds, taskKinds] = await Promise.all([
    lookupLabels(db, "service_request_kind", locale),
    lookupValues(db, "task_kind"),
  ]);
  return {
    service_request_kind: serviceKinds,
    // Task kinds: TasksCard (on every record page) labels them and offers the active ones.
    task_kind: Object.fromEntries(taskKinds.map((v) => [v.code, labelOf(v, locale)])),
    inactive: { task_kind: taskKinds.filter((v) => !v.active).map((v) => v.code) },
  };
}

/** A form's picker and a list's labels of one table at once (one cached read). */
export async function lookupPicker(db: DbOrTx, tableKey: LookupTableKey, locale: Locale) {
  const [options, labels] = await Promise.all([
    lookupOptions(db, tableKey, locale),
    lookupLabels(db, tableKey, locale),
  ]);
  return { options, labels };
}

/** Is `code` an active value (or the record's current one)? For validating picker input. */
export async function isLookupCode(
  db: DbOrTx,
  tableKey: LookupTableKey,
  code: string,
  current?: string | null,
): Promise<boolean> {
  if (current && code === current) return true;
  return (await lookupValues(db, tableKey)).some((v) => v.code === code && v.active);
}

const text = (max: number) => z.string().trim().min(1).max(max);
export const LookupValueInputSchema = z.object({
  code: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[^\s,;]+$/u),
  labelZh: text(100),
  labelEn: text(100),
  position: z.coerce.number().int().min(0).max(100_000),
  active: z.boolean(),
  personal: z.boolean().default(false),
  reportClass: z.enum(EXPENSE_REPORT_CLASSES).nullable().default(null),
});
export type LookupValueInput = z.input<typeof LookupValueInputSchema>;

type LookupField = "code" | "labelZh" | "labelEn" | "position" | "reportClass";

/** Adds a value or edits one (by code). Writes the table's defaults out first if it has no rows. */
export async function saveLookupValue(
  db: Db,
  actor: StaffActor,
  tableKey: LookupTableKey,
  raw: LookupValueInput,
): Promise<ServiceResult<{ code: string }, LookupField>> {
  const parsed = LookupValueInputSchema.safeParse(raw);
  if (!parsed.success) {
    const errors: Partial<Record<LookupField, ["adminSystem.tables.invalid"]>> = {};
    for (const issue of parsed.error.issues) {
      const f = issue.path[0];
      if (f === "code" || f === "labelZh" || f === "labelEn" || f === "position" || f === "reportClass")
        errors[f] = ["adminSystem.tables.invalid"];
    }
    return invalid(errors);
  }
  const input = parsed.data;
  const fixed = FIXED_CODE_TABLES.includes(tableKey);
  const result = await db.$transaction(async (tx) => {
    await materialise(tx, tableKey);
    const before = await tx.lookupValue.findUnique({ where: { tableKey_code: { tableKey, code: input.code } } });
    if (!before && fixed) return invalid<LookupField>({ code: ["adminSystem.tables.fixedCodes"] });
    const data = {
      labelZh: input.labelZh,
      labelEn: input.labelEn,
      position: input.position,
      active: fixed ? true : input.active,
      personal: tableKey === "expense_type" ? input.personal : false,
      reportClass: tableKey === "expense_type" ? input.reportClass : null,
    };
    await tx.lookupValue.upsert({
      where: { tableKey_code: { tableKey, code: input.code } },
      create: { tableKey, code: input.code, ...data },
      update: data,
    });
    await recordStaffAudit(tx, actor, {
      action: before ? "lookupValue.updated" : "lookupValue.created",
      entityType: "LookupValue",
      entityId: null,
      before: before ? { tableKey, code: before.code, labelZh: before.labelZh, active: before.active } : null,
      after: { tableKey, code: input.code, ...data },
    });
    return ok({ code: input.code });
  });
  cache.delete(tableKey);
  return result;
}

async function materialise(tx: DbOrTx, tableKey: LookupTableKey): Promise<void> {
  if ((await tx.lookupValue.count({ where: { tableKey } })) > 0) return;
  await tx.lookupValue.createMany({
    data: defaultsOf(tableKey).map((v) => ({ tableKey, ...v })),
    skipDuplicates: true,
  });
}
