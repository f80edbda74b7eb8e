import { useEffect, useState } from "react";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { cn } from "../cn.ts";
import { Field } from "./field.tsx";
import { inputClass, singleLineClass } from "./input-styles.ts";

/*
 * RegionField — 省份 → 城市 → 区县: three dependent selects over the national administrative
 * divisions (decision 027). The server renders the options of the chosen province and city, so it
 * works without JavaScript: `refresh` names a submit button (e.g. `intent=region`) that posts the
 * form so the page can render the next level's options. With JavaScript the button is hidden and a
 * change fetches only the chosen parent's children from `source` (`/crm/api/regions?parent=44`),
 * never the whole dataset.
 *
 * Props: `names` (the three field names, default provinceCode/cityCode/districtCode), `idPrefix`,
 * `value` (chosen codes), `options` (provinces and the lists for the chosen province and city),
 * `errors` per field, `source` (the JSON route), `refresh` (the no-JS submit's name and value, or
 * leave it out in a GET filter form whose own submit reloads the page), `labels` (any "choose" text),
 * `compact` (no district: a list filter).
 */

export interface RegionOption {
  code: string;
  name: string;
}

export interface RegionOptions {
  provinces: readonly RegionOption[];
  cities: readonly RegionOption[];
  districts: readonly RegionOption[];
}

export interface RegionValue {
  provinceCode?: string | null;
  cityCode?: string | null;
  districtCode?: string | null;
}

type Level = "province" | "city" | "district";

export interface RegionFieldProps {
  idPrefix: string;
  value: RegionValue;
  options: RegionOptions;
  names?: Partial<Record<Level, string>>;
  errors?: Partial<Record<Level, readonly MessageKey[] | undefined>>;
  source?: string;
  refresh?: { name: string; value: string; label: string };
  /** Labels of the three selects and their empty options. */
  labels: Record<Level, string> & Partial<Record<`${Level}Empty`, string>>;
  /** Only province and city (a list filter). */
  compact?: boolean;
  hint?: string;
  className?: string;
}

async function childrenOf(source: string, parent: string): Promise<RegionOption[]> {
  const url = `${source}${source.includes("?") ? "&" : "?"}parent=${encodeURIComponent(parent)}`;
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  if (!response.ok) return [];
  const body = (await response.json()) as { divisions?: RegionOption[] };
  return Array.isArray(body.divisions) ? body.divisions : [];
}

export function RegionField({
  idPrefix,
  value,
  options,
  names = {},
  errors = {},
  source = "/crm/api/regions",
  refresh,
  labels,
  compact = false,
  hint,
  className,
}: RegionFieldProps) {
  const { t } = useI18n();
  const [province, setProvince] = useState(value.provinceCode ?? "");
  const [city, setCity] = useState(value.cityCode ?? "");
  const [district, setDistrict] = useState(value.districtCode ?? "");
  const [cities, setCities] = useState<readonly RegionOption[]>(options.cities);
  const [districts, setDistricts] = useState<readonly RegionOption[]>(options.districts);
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);

  // A new server render (e.g. after the no-JS refresh or a new filter) replaces the local choice.
  useEffect(() => {
    setProvince(value.provinceCode ?? "");
    setCity(value.cityCode ?? "");
    setDistrict(value.districtCode ?? "");
    setCities(options.cities);
    setDistricts(options.districts);
  }, [value.provinceCode, value.cityCode, value.districtCode, options.cities, options.districts]);

  async function chooseProvince(code: string) {
    setProvince(code);
    setCity("");
    setDistrict("");
    setDistricts([]);
    setCities(code ? await childrenOf(source, code) : []);
  }

  async function chooseCity(code: string) {
    setCity(code);
    setDistrict("");
    setDistricts(code && !compact ? await childrenOf(source, code) : []);
  }

  const select = (
    level: Level,
    current: string,
    list: readonly RegionOption[],
    onChange: (code: string) => void,
    disabled: boolean,
  ) => {
    const name = names[level] ?? `${level}Code`;
    const options = (
      <>
        <option value="">{labels[`${level}Empty`] ?? t("common.all")}</option>
        {list.map((o) => (
          <option key={o.code} value={o.code}>
            {o.name}
          </option>
        ))}
      </>
    );
    if (compact) {
      // In a list's filter bar: the bar's own compact look (FilterSelect's label and height).
      const id = `${idPrefix}-${level}`;
      return (
        <div className="min-w-36">
          <label htmlFor={id} className="mb-1 block text-xs font-medium text-slate-500">
            {labels[level]}
          </label>
          <select
            id={id}
            name={name}
            value={current}
            onChange={(event) => void onChange(event.currentTarget.value)}
            className="h-9 w-full rounded-lg border border-slate-300 bg-white px-3 pr-8 text-sm text-slate-900 focus:border-blue-500 focus:ring-2 focus:ring-blue-500/20 focus:outline-none"
          >
            {options}
          </select>
        </div>
      );
    }
    return (
      <Field name={name} id={`${idPrefix}-${level}`} label={labels[level]} errors={errors[level]}>
        {(wiring) => (
          <select
            {...wiring}
            value={current}
            disabled={hydrated && disabled}
            onChange={(event) => void onChange(event.currentTarget.value)}
            className={cn(inputClass, singleLineClass, "pr-8")}
          >
            {options}
          </select>
        )}
      </Field>
    );
  };

  return (
    // `data-ready` marks the hydrated picker (tests wait for it before choosing a level).
    <div className={className} data-region-picker={idPrefix} data-ready={hydrated ? "" : undefined}>
      <div className={cn(compact ? "flex flex-wrap items-end gap-3" : "grid gap-4 sm:grid-cols-3")}>
        {select("province", province, options.provinces, chooseProvince, false)}
        {select("city", city, cities, chooseCity, !province)}
        {compact ? null : select("district", district, districts, setDistrict, !city)}
      </div>
      {hint && !hydrated ? <p className="mt-1.5 text-xs text-slate-500">{hint}</p> : null}
      {refresh && !hydrated ? (
        <button
          type="submit"
          name={refresh.name}
          value={refresh.value}
          formNoValidate
          className="mt-2 text-sm font-medium text-blue-700 underline underline-offset-2 hover:text-blue-900"
        >
          {refresh.label}
        </button>
      ) : null}
    </div>
  );
}
