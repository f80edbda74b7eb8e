import type { DbOrTx } from "#app/lib/db.server.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { recordScopeWhere } from "#app/modules/crm/access/record-scope.server.ts";
import { MERGE_FIELD_GROUPS, differingGroups, toSnapshotValue } from "./merge-fields.ts";
import { MERGE_MAX_RECORDS } from "./merge.server.ts";
import type { MergeEntity } from "./merge-relations.ts";

// What the merge page shows: the records side by side (only those the actor may modify), and for
// each field group whose values differ, each record's value as text for the radio choice.

export interface MergeViewRecord {
  id: number;
  number: string;
  label: string;
  updatedAt: Date;
}

export interface MergeViewGroup {
  key: string;
  /** Record id → the group's value as shown (empty string when blank). */
  values: Record<number, string>;
}

export function parseIdList(raw: string | null): number[] {
  if (!raw) return [];
  const ids = raw
    .split(/[\s,]+/)
    .map((s) => Number(s))
    .filter((n) => Number.isSafeInteger(n) && n > 0);
  return [...new Set(ids)].slice(0, MERGE_MAX_RECORDS);
}

async function nameMaps(db: DbOrTx, rows: Array<Record<string, unknown>>) {
  const ids = (col: string) => [...new Set(rows.map((r) => r[col]).filter((v): v is number => typeof v === "number"))];
  const [staff, companies, contacts] = await Promise.all([
    db.staff.findMany({ where: { id: { in: ids("ownerId") } }, select: { id: true, name: true } }),
    db.company.findMany({
      where: { id: { in: [...ids("companyId"), ...ids("parentId")] } },
      select: { id: true, name: true },
    }),
    db.contact.findMany({ where: { id: { in: ids("reportsToId") } }, select: { id: true, fullName: true } }),
  ]);
  return {
    ownerId: new Map(staff.map((s) => [s.id, s.name])),
    companyId: new Map(companies.map((c) => [c.id, c.name])),
    parentId: new Map(companies.map((c) => [c.id, c.name])),
    reportsToId: new Map(contacts.map((c) => [c.id, c.fullName])),
  } as Record<string, Map<number, string>>;
}

export async function loadMergeView(
  db: DbOrTx,
  actor: StaffActor,
  entity: MergeEntity,
  ids: number[],
): Promise<{ records: MergeViewRecord[]; groups: MergeViewGroup[]; allGroups: string[] } | null> {
  const scope = await recordScopeWhere(db, actor, entity, "modify");
  if (!scope) return null;
  const where = { AND: [scope, { id: { in: ids } }] };
  const rows = (entity === "contact"
    ? await db.contact.findMany({ where, orderBy: { id: "asc" } })
    : await db.company.findMany({ where, orderBy: { id: "asc" } })) as unknown as Array<
    Record<string, unknown> & { id: number; number: string; updatedAt: Date }
  >;
  const names = await nameMaps(db, rows);
  const differing = new Set(differingGroups(entity, rows));
  const groups = MERGE_FIELD_GROUPS[entity]
    .filter((g) => differing.has(g.key))
    .map((g) => ({
      key: g.key,
      values: Object.fromEntries(
        rows.map((r) => [
          r.id,
          g.columns
            .filter((c) => c !== "fullName" && c !== "teamId" && c !== "regionCode")
            .map((c) => {
              const v = r[c];
              if (typeof v === "number" && names[c]) return names[c].get(v) ?? `#${v}`;
              if (typeof v === "boolean") return v ? "✓" : "";
              if (v instanceof Date) return v.toISOString().slice(0, 10);
              const s = toSnapshotValue(v);
              return s === null ? "" : String(s);
            })
            .filter((s) => s !== "")
            .join(" "),
        ]),
      ),
    }));
  return {
    records: rows.map((r) => ({
      id: r.id,
      number: r.number,
      label: String(entity === "contact" ? r.fullName : r.name),
      updatedAt: r.updatedAt,
    })),
    groups,
    allGroups: MERGE_FIELD_GROUPS[entity].map((g) => g.key),
  };
}
