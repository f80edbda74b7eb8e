// Demo companies (#15 item 9): the 24 generated demo companies get official regions with a district
// and its code, short names, codes for type/industry/status/category/rating, the owner's team, and
// two small hierarchies (a group with subsidiaries, a branch under a subsidiary). Idempotent: keyed
// by record number, it rewrites the same values on every run.
import type { Db } from "#app/lib/db.server.ts";
import { recordNumber } from "#app/modules/crm/record-numbers.ts";
import {
  COMPANY_CATEGORIES,
  COMPANY_RATINGS,
  COMPANY_TYPES,
  LEGACY_INDUSTRY_CODES,
  LEGACY_TYPE_CODES,
} from "#app/modules/crm/companies/company-codes.ts";
import { listChildren, listProvinces, type Division } from "#app/modules/crm/regions/divisions.server.ts";

const DEMO_COMPANY_COUNT = 24;

/** Parent → subsidiaries, by demo serial (ACNT…0001 is serial 1). */
const HIERARCHY: ReadonlyArray<readonly [number, readonly number[]]> = [
  [1, [2, 3, 4]],
  [2, [5]],
  [6, [7, 8]],
];

/** The division of a stored short or official name (广东 / 广东省, 深圳 / 深圳市). */
function findDivision(list: readonly Division[], name: string | null): Division | null {
  if (!name) return null;
  return (
    list.find(
      (d) => d.name === name || d.name.replace(/(省|市|自治区|壮族自治区|回族自治区|维吾尔自治区)$/u, "") === name,
    ) ?? null
  );
}

/** 北京星辰科技有限公司 → 星辰科技: without the city prefix and the legal suffix. */
function shortNameOf(name: string, city: string | null): string {
  let short = name.replace(/(集团)?(股份)?有限公司$/u, "");
  if (city && short.startsWith(city)) short = short.slice(city.length);
  return short.slice(0, 100);
}

export async function seedDemoAccounts(db: Db): Promise<{ companies: number; subsidiaries: number }> {
  const provinces = listProvinces();
  const ids = new Map<number, number>();
  for (let serial = 1; serial <= DEMO_COMPANY_COUNT; serial++) {
    const company = await db.company.findUnique({
      where: { number: recordNumber("company", serial) },
      select: {
        id: true,
        name: true,
        province: true,
        city: true,
        type: true,
        industry: true,
        owner: { select: { teamId: true } },
      },
    });
    if (!company) continue;
    ids.set(serial, company.id);
    const province = findDivision(provinces, company.province);
    const city = province
      ? (findDivision(listChildren(province.code), company.city) ?? listChildren(province.code)[0] ?? null)
      : null;
    const districts = city ? listChildren(city.code) : [];
    const district = districts.length ? districts[serial % districts.length]! : null;
    await db.company.update({
      where: { id: company.id },
      data: {
        province: province?.name ?? company.province,
        city: city?.name ?? company.city,
        district: district?.name ?? null,
        regionCode: district?.code ?? city?.code ?? province?.code ?? null,
        shortName: shortNameOf(company.name, company.city),
        type: (company.type && LEGACY_TYPE_CODES[company.type]) ?? COMPANY_TYPES[serial % COMPANY_TYPES.length]!,
        industry: (company.industry && LEGACY_INDUSTRY_CODES[company.industry]) ?? company.industry,
        status: serial % 11 === 0 ? "dormant" : "active",
        category: COMPANY_CATEGORIES[serial % COMPANY_CATEGORIES.length]!,
        rating: COMPANY_RATINGS[serial % COMPANY_RATINGS.length]!,
        teamId: company.owner?.teamId ?? null,
        parentId: null,
      },
    });
  }
  let subsidiaries = 0;
  for (const [parent, children] of HIERARCHY) {
    const parentId = ids.get(parent);
    if (!parentId) continue;
    for (const child of children) {
      const childId = ids.get(child);
      if (!childId) continue;
      await db.company.update({ where: { id: childId }, data: { parentId } });
      subsidiaries++;
    }
  }
  return { companies: ids.size, subsidiaries };
}
