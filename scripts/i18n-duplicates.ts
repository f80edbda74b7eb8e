// Lists dictionary values repeated under several keys, for the clean-up onto `common.*` (issue #11):
// each group prints the zh-CN text, its English text(s), and the keys holding it, with the
// `common.*` key to use instead when one already exists. Prints; changes nothing.
//
//   npx tsx scripts/i18n-duplicates.ts                  # zh-CN values repeated under 2+ keys
//   npx tsx scripts/i18n-duplicates.ts --min 3 --limit 40
//   npx tsx scripts/i18n-duplicates.ts --same-english   # only groups whose English is identical too
//   npx tsx scripts/i18n-duplicates.ts --json dupes.json
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { DICTIONARIES, type MessageKey } from "#app/lib/i18n/translate.ts";

const { values: args } = parseArgs({
  options: {
    min: { type: "string", default: "2" },
    limit: { type: "string", default: "0" },
    "same-english": { type: "boolean", default: false },
    json: { type: "string" },
  },
});

export interface DuplicateGroup {
  zh: string;
  en: string[];
  keys: MessageKey[];
  /** An existing `common.*` key with the same zh-CN and English text, if any. */
  common: MessageKey | null;
}

export function findDuplicates(
  zh: Record<MessageKey, string>,
  en: Record<MessageKey, string>,
  options: { min?: number; sameEnglish?: boolean } = {},
): DuplicateGroup[] {
  const byValue = new Map<string, MessageKey[]>();
  for (const key of Object.keys(zh) as MessageKey[]) {
    const value = zh[key].trim();
    byValue.set(value, [...(byValue.get(value) ?? []), key]);
  }
  const groups: DuplicateGroup[] = [];
  for (const [value, keys] of byValue) {
    if (keys.length < (options.min ?? 2)) continue;
    const english = [...new Set(keys.map((k) => en[k].trim()))];
    if (options.sameEnglish && english.length > 1) continue;
    const common =
      keys.find((k) => k.startsWith("common.") && english.length === 1) ??
      (Object.keys(zh) as MessageKey[]).find(
        (k) => k.startsWith("common.") && zh[k].trim() === value && english.length === 1 && en[k].trim() === english[0],
      ) ??
      null;
    groups.push({ zh: value, en: english, keys: keys.sort(), common });
  }
  return groups.sort((a, b) => b.keys.length - a.keys.length || a.zh.localeCompare(b.zh));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const groups = findDuplicates(DICTIONARIES["zh-CN"], DICTIONARIES.en, {
    min: Number(args.min),
    sameEnglish: args["same-english"],
  });
  const redundant = groups.reduce((n, g) => n + g.keys.length - 1, 0);
  const total = Object.keys(DICTIONARIES["zh-CN"]).length;
  const shown = Number(args.limit) > 0 ? groups.slice(0, Number(args.limit)) : groups;
  for (const g of shown) {
    const target = g.common ? ` → ${g.common}` : "";
    console.log(`${String(g.keys.length).padStart(3)}× ${g.zh} / ${g.en.join(" | ")}${target}`);
    console.log(`      ${g.keys.join(", ")}`);
  }
  console.log(
    `\n${groups.length} zh-CN values repeated under ${args.min}+ keys; ${redundant} of ${total} keys are repeats` +
      ` (${groups.filter((g) => g.en.length === 1).length} groups have one English text too).`,
  );
  if (args.json) writeFileSync(args.json, JSON.stringify(groups, null, 2));
}
