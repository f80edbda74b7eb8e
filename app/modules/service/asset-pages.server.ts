import type { DbOrTx } from "#app/lib/db.server.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { getAssetForStaff, getZoneAsset, listParentCandidates, mayModifyAsset } from "./assets.server.ts";
import { isoDay } from "./service-dates.ts";

// The asset page's view model, for the back office (scoped to the staff member's customers, with
// edit rights and pickers) and the zone (scoped to the member's company, approved contracts only).
// Calendar days go out as "YYYY-MM-DD" so both surfaces show the stored day, never a shifted one.

type AssetRow = NonNullable<Awaited<ReturnType<typeof getAssetForStaff>>>;

const day = (value: Date | null) => (value ? isoDay(value) : null);

function assetView(asset: AssetRow, staffNames: ReadonlyMap<number, string>) {
  return {
    ...asset,
    installedOn: day(asset.installedOn),
    warrantyStart: day(asset.warrantyStart),
    warrantyEnd: day(asset.warrantyEnd),
    maintenance: asset.maintenance.map((m) => ({
      id: m.id,
      performedOn: isoDay(m.performedOn),
      method: m.method,
      summary: m.summary,
      staff: m.staffId ? (staffNames.get(m.staffId) ?? null) : null,
    })),
    contracts: asset.contracts.map((c) => ({ ...c.contract, endDate: isoDay(c.contract.endDate) })),
  };
}

export type AssetView = ReturnType<typeof assetView>;

/** The back-office asset page: null when outside the actor's customers (404). */
export async function getStaffAssetPage(db: DbOrTx, actor: StaffActor, assetId: number) {
  const asset = await getAssetForStaff(db, assetId, actor);
  if (!asset) return null;
  const staffIds = [...new Set(asset.maintenance.map((m) => m.staffId).filter((v): v is number => v !== null))];
  const [canModify, staff] = await Promise.all([
    mayModifyAsset(db, actor, asset.id),
    staffIds.length > 0
      ? db.staff.findMany({ where: { id: { in: staffIds } }, select: { id: true, name: true } })
      : Promise.resolve([]),
  ]);
  const parents = canModify ? await listParentCandidates(db, asset.companyId, asset.id) : [];
  return {
    canModify,
    today: isoDay(new Date()),
    // the current parent stays selectable in a read-only form even without the picker
    parents: parents.length > 0 ? parents : asset.parent ? [asset.parent] : [],
    asset: assetView(asset, new Map(staff.map((s) => [s.id, s.name]))),
  };
}

/** The zone's asset page: null unless the asset belongs to the zone's company (404). No staff names. */
export async function getZoneAssetPage(db: DbOrTx, companyId: number, assetId: number): Promise<AssetView | null> {
  const asset = await getZoneAsset(db, companyId, assetId);
  return asset ? assetView(asset, new Map()) : null;
}
