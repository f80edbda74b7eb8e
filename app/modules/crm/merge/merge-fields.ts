import type { MergeEntity } from "./merge-relations.ts";
import { ADDRESS_COLUMNS } from "../address-columns.ts";

// What the user picks per field when merging: fields that belong together (a name, an address) are
// one choice, so a survivor never gets the family name of one record and the given name of another.
// Derived columns (match keys) are recomputed; identity and bookkeeping columns never move.

export interface MergeFieldGroup {
  key: string;
  columns: readonly string[];
}

export const MERGE_FIELD_GROUPS: Record<MergeEntity, readonly MergeFieldGroup[]> = {
  contact: [
    { key: "name", columns: ["familyName", "givenName", "fullName", "salutation"] },
    { key: "title", columns: ["title"] },
    { key: "department", columns: ["department"] },
    { key: "company", columns: ["companyId", "noCompany"] },
    { key: "reportsTo", columns: ["reportsToId"] },
    { key: "address", columns: ADDRESS_COLUMNS },
    { key: "phone", columns: ["phone"] },
    { key: "mobile", columns: ["mobile"] },
    { key: "homePhone", columns: ["homePhone"] },
    { key: "fax", columns: ["fax"] },
    { key: "email", columns: ["email"] },
    { key: "email2", columns: ["email2"] },
    { key: "birthday", columns: ["birthday"] },
    { key: "preferredChannel", columns: ["preferredChannel"] },
    { key: "optOuts", columns: ["optOutEmail", "optOutSms", "optOutCall"] },
    { key: "owner", columns: ["ownerId"] },
  ],
  company: [
    { key: "name", columns: ["name", "shortName"] },
    { key: "type", columns: ["type"] },
    { key: "industry", columns: ["industry"] },
    { key: "status", columns: ["status"] },
    { key: "parent", columns: ["parentId"] },
    { key: "address", columns: ADDRESS_COLUMNS },
    { key: "phone", columns: ["phone"] },
    { key: "phone2", columns: ["phone2"] },
    { key: "fax", columns: ["fax"] },
    { key: "email", columns: ["email"] },
    { key: "website", columns: ["website"] },
    { key: "category", columns: ["category", "rating"] },
    { key: "description", columns: ["description"] },
    { key: "figures", columns: ["salesAmount", "profitAmount", "currency"] },
    { key: "owner", columns: ["ownerId", "teamId"] },
  ],
};

/** Columns holding a date (stored in the undo snapshot as ISO strings). */
export const DATE_COLUMNS = new Set(["birthday"]);

export function mergeColumns(entity: MergeEntity): string[] {
  return MERGE_FIELD_GROUPS[entity].flatMap((g) => [...g.columns]);
}

/** A value as the undo snapshot stores it (JSON): dates as ISO strings, decimals as strings. */
export function toSnapshotValue(value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  return String(value);
}

export function fromSnapshotValue(column: string, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (DATE_COLUMNS.has(column) && typeof value === "string") return new Date(value);
  return value;
}

/** Groups whose values differ between the records (the ones the merge page asks about). */
export function differingGroups(entity: MergeEntity, rows: ReadonlyArray<Record<string, unknown>>): string[] {
  return MERGE_FIELD_GROUPS[entity]
    .filter((g) => {
      const seen = new Set(rows.map((r) => JSON.stringify(g.columns.map((c) => toSnapshotValue(r[c])))));
      return seen.size > 1;
    })
    .map((g) => g.key);
}
