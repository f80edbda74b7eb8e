import type { Locale } from "#app/lib/i18n/locales.ts";

// Values of the admin's system tables (系统表, /crm/admin/tables) as the company and contact pages
// use them: pickers offer the active values in the admin's order; a record keeps showing (and may keep)
// the value it carries even after the admin deactivated it; labels in zh-CN or English. Records store
// the code, which never changes. Pure: loaded by lookup-choices.server.ts, used in components.

export interface LookupChoice {
  code: string;
  labelZh: string;
  labelEn: string;
  active: boolean;
}

export interface LookupOption {
  value: string;
  label: string;
}

/** The label of a stored value: its table label, else (legacy free text, unknown code) the value. */
export function lookupChoiceLabel(
  choices: readonly LookupChoice[],
  value: string | null | undefined,
  locale: Locale,
  legacy: Readonly<Record<string, string>> = {},
): string {
  if (!value) return "";
  const code = legacy[value] ?? value;
  const hit = choices.find((c) => c.code === code);
  if (!hit) return value;
  return locale === "en" ? hit.labelEn : hit.labelZh;
}

/**
 * A picker's options: the active values, plus the record's `current` value when it is inactive or
 * not in the table (so editing a record never silently drops what it carries).
 */
export function lookupPickerOptions(
  choices: readonly LookupChoice[],
  locale: Locale,
  current?: string | null,
): LookupOption[] {
  const label = (c: LookupChoice) => (locale === "en" ? c.labelEn : c.labelZh);
  const options = choices.filter((c) => c.active).map((c) => ({ value: c.code, label: label(c) }));
  if (current && !options.some((o) => o.value === current)) {
    const stored = choices.find((c) => c.code === current);
    options.push({ value: current, label: stored ? label(stored) : current });
  }
  return options;
}

/** Filter options: every value, inactive ones too (older records carry them). */
export function lookupFilterOptions(choices: readonly LookupChoice[], locale: Locale): LookupOption[] {
  return choices.map((c) => ({ value: c.code, label: locale === "en" ? c.labelEn : c.labelZh }));
}
