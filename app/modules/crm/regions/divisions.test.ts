import { describe, expect, it } from "vitest";
import {
  cityNameForms,
  listChildren,
  listProvinces,
  provinceNameForms,
  regionCodesOf,
  regionPickerOptions,
  resolveRegion,
} from "./divisions.server.ts";

describe("administrative divisions", () => {
  it("lists 31 provinces and one level of children at a time", () => {
    expect(listProvinces()).toHaveLength(31);
    expect(listChildren("44").map((c) => c.name)).toContain("深圳市");
    expect(listChildren("4403").map((d) => d.name)).toContain("南山区");
    expect(listChildren("440305")).toEqual([]);
    expect(listChildren("99")).toEqual([]);
    // A municipality's placeholder city level reads as the municipality.
    expect(listChildren("11")).toEqual([{ code: "1101", name: "北京市" }]);
  });

  it("resolves codes that nest and names the failing level otherwise", () => {
    expect(resolveRegion({ provinceCode: "44", cityCode: "4403", districtCode: "440305" })).toEqual({
      ok: true,
      value: { province: "广东省", city: "深圳市", district: "南山区", regionCode: "440305" },
    });
    expect(resolveRegion({ provinceCode: "44", cityCode: "3301" })).toEqual({ ok: false, field: "city" });
    expect(resolveRegion({ provinceCode: "44", cityCode: "4403", districtCode: "330106" })).toEqual({
      ok: false,
      field: "district",
    });
    expect(resolveRegion({ cityCode: "4403" })).toEqual({ ok: false, field: "province" });
    expect(resolveRegion({ provinceCode: "44", districtCode: "440305" })).toEqual({ ok: false, field: "city" });
    expect(resolveRegion({ provinceCode: "4403" })).toEqual({ ok: false, field: "province" });
    expect(resolveRegion({})).toEqual({
      ok: true,
      value: { province: null, city: null, district: null, regionCode: null },
    });
  });

  it("walks a stored code back up and offers the lists for an edit form", () => {
    expect(regionCodesOf("440305")).toEqual({ provinceCode: "44", cityCode: "4403", districtCode: "440305" });
    expect(regionCodesOf("nonsense")).toEqual({ provinceCode: null, cityCode: null, districtCode: null });
    const options = regionPickerOptions({ provinceCode: "44", cityCode: "4403" });
    expect(options.cities.length).toBeGreaterThan(10);
    expect(options.districts.map((d) => d.code)).toContain("440305");
    // A city from another province does not open its districts.
    expect(regionPickerOptions({ provinceCode: "44", cityCode: "3301" }).districts).toEqual([]);
  });

  it("matches short names of older rows", () => {
    expect(provinceNameForms("44")).toEqual(["广东省", "广东"]);
    expect(provinceNameForms("45")).toEqual(["广西壮族自治区", "广西"]);
    expect(cityNameForms("4403")).toEqual(["深圳市", "深圳"]);
    expect(cityNameForms("1101")).toEqual(["北京市", "北京"]);
  });
});
