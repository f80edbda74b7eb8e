import type { DbOrTx } from "#app/lib/db.server.ts";
import type { LookupTableKey } from "#app/modules/settings/lookup-defaults.ts";
import { isLookupCode, lookupValues } from "#app/modules/settings/lookup-values.server.ts";
import type { LookupChoice } from "./lookup-choices.ts";

// Loads system-table values for the company and contact pages (through the admin module's cached
// reader) and checks a submitted code against them.

/** Every value of each table (inactive included, flagged), keyed as the caller names them. */
export async function loadLookupChoices<K extends string>(
  db: DbOrTx,
  tables: Readonly<Record<K, LookupTableKey>>,
): Promise<Record<K, LookupChoice[]>> {
  const keys = Object.keys(tables) as K[];
  const loaded = await Promise.all(keys.map((k) => lookupValues(db, tables[k])));
  return Object.fromEntries(
    keys.map((k, i) => [
      k,
      loaded[i]!.map((v) => ({ code: v.code, labelZh: v.labelZh, labelEn: v.labelEn, active: v.active })),
    ]),
  ) as Record<K, LookupChoice[]>;
}

/**
 * Whether `code` may be saved: an active value, or the value the record already carries (an inactive
 * one, or a legacy free text), kept as it is. Null/empty is always allowed (the field is optional).
 */
export async function acceptsLookupCode(
  db: DbOrTx,
  table: LookupTableKey,
  code: string | null,
  current: string | null,
): Promise<boolean> {
  if (code === null || code === "") return true;
  return isLookupCode(db, table, code, current);
}
