import { z } from "zod";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { checkbox, choice, money, msg, optionalMoney, optionalText, trimmedText } from "#app/lib/schemas.ts";
import { resolvePackagings, type PackagingStep } from "./pricing.ts";

// What the product form posts, for the client (Conform) and the server alike: no server code here.
// Packagings and specifications are typed one per line, the way the seed writes them ("100 支/包",
// "主轴转速: 12000 rpm"), so the form needs no script to add rows.

export const TAX_RATES = ["0", "300", "600", "900", "1300"] as const;

/** The new-product form's starting values. */
export const NEW_PRODUCT_VALUES: Record<string, string> = {
  unit: "台",
  taxRateBp: "1300",
  priceIncludesTax: "on",
  active: "on",
};
const MAX_LINES = 30;

/** "100 支/包" (or "100支／包", "1包=100支") → { unit: 包, contains: 100, of: 支 }; null when unreadable. */
export function parsePackagingLine(line: string): PackagingStep | null {
  const text = line.normalize("NFKC").trim();
  const perUnit = /^(\d{1,7})\s*([^\s\d/=]{1,20})\s*\/\s*([^\s\d/=]{1,20})$/.exec(text);
  if (perUnit) return { unit: perUnit[3] as string, contains: Number(perUnit[1]), of: perUnit[2] as string };
  const equals = /^1\s*([^\s\d/=]{1,20})\s*=\s*(\d{1,7})\s*([^\s\d/=]{1,20})$/.exec(text);
  if (equals) return { unit: equals[1] as string, contains: Number(equals[2]), of: equals[3] as string };
  return null;
}

/** "CPU: i7" / "CPU：i7" → { key, value }; null when there is no separator. */
export function parseSpecLine(line: string): { key: string; value: string } | null {
  const match = /^([^:：]{1,100})[:：](.{1,500})$/.exec(line.trim());
  if (!match) return null;
  const key = (match[1] as string).trim();
  const value = (match[2] as string).trim();
  return key && value ? { key, value } : null;
}

/**
 * Each non-empty line of a one-per-line field through `parse`: the values, or what stopped it (a
 * line `parse` could not read, or more lines than `max`).
 */
export function readLines<T>(
  text: string | null | undefined,
  parse: (line: string) => T | null,
  max: number,
): T[] | "unreadable" | "too-many" {
  const all = (text ?? "")
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (all.length > max) return "too-many";
  const values: T[] = [];
  for (const line of all) {
    const value = parse(line);
    if (value === null) return "unreadable";
    values.push(value);
  }
  return values;
}

function usablePackaging(line: string): PackagingStep | null {
  const step = parsePackagingLine(line);
  return step && step.contains >= 1 ? step : null;
}

export function packagingLines(steps: readonly PackagingStep[]): string {
  return steps.map((s) => `${s.contains} ${s.of}/${s.unit}`).join("\n");
}

export function specLines(specs: ReadonlyArray<{ key: string; value: string }>): string {
  return specs.map((s) => `${s.key}: ${s.value}`).join("\n");
}

export const ProductInput = z
  .object({
    sku: trimmedText(64).regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, msg("catalog.error.sku")),
    name: trimmedText(200),
    unit: trimmedText(20),
    unitPrice: money({ max: 999_999_999_999.99 }),
    cost: optionalMoney(),
    taxRateBp: choice(TAX_RATES).transform(Number),
    priceIncludesTax: checkbox(),
    categoryId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
    productLine: optionalText(100),
    productType: optionalText(60),
    description: optionalText(5000),
    keyFeatures: optionalText(5000),
    defects: optionalText(5000),
    packagings: optionalText(2000),
    specs: optionalText(10000),
    active: checkbox(),
    portalProspect: checkbox(),
    portalCustomer: checkbox(),
    portalPartner: checkbox(),
  })
  .transform((input, ctx) => {
    const refuse = (path: string, message: MessageKey) => {
      ctx.addIssue({ code: "custom", path: [path], message });
      return z.NEVER;
    };
    const packagingSteps = readLines(input.packagings, usablePackaging, MAX_LINES);
    if (packagingSteps === "too-many") return refuse("packagings", "catalog.error.tooManyLines");
    if (packagingSteps === "unreadable") return refuse("packagings", "catalog.error.packagingLine");
    try {
      resolvePackagings(input.unit, packagingSteps);
    } catch {
      return refuse("packagings", "catalog.error.packagingChain");
    }
    const specList = readLines(input.specs, parseSpecLine, MAX_LINES * 2);
    if (specList === "too-many") return refuse("specs", "catalog.error.tooManyLines");
    if (specList === "unreadable") return refuse("specs", "catalog.error.specLine");
    return { ...input, categoryId: input.categoryId ?? null, packagingSteps, specList };
  });

export type ProductInputValue = z.output<typeof ProductInput>;
