import { z } from "zod";
import type { MessageKey } from "./i18n/translate.ts";

// The field schemas every form shares. Their messages are i18n keys, written through `msg()` so a
// misspelt key fails the typecheck; `parseForm` (forms.server.ts) turns them back into typed keys.
// They expect form input as `parseForm` hands it over (Conform's coercion: empty fields arrive as
// `undefined`, a ticked checkbox as `true`), so a missing required field reads "validation.required".

/** A typed i18n key for a zod message: `z.string().max(50, msg("validation.tooLong"))`. */
export function msg(key: MessageKey): MessageKey {
  return key;
}

/** A numeric record id from the URL (`params.id`) or a hidden field: a positive 32-bit integer. */
export const IdParam = z.coerce
  .number(msg("validation.id"))
  .int(msg("validation.id"))
  .positive(msg("validation.id"))
  .max(2_147_483_647, msg("validation.id"));

/** Required text, trimmed; whitespace only counts as empty. */
export function trimmedText(max: number) {
  return z
    .string(msg("validation.required"))
    .trim()
    .min(1, msg("validation.required"))
    .max(max, msg("validation.tooLong"));
}

/** Optional text, trimmed; empty becomes `null` (the value the nullable column takes). */
export function optionalText(max: number) {
  return z
    .string()
    .trim()
    .max(max, msg("validation.tooLong"))
    .optional()
    .transform((value) => (value ? value : null));
}

/** A checkbox: ticked is `true`, absent is `false`. */
export function checkbox() {
  return z
    .boolean()
    .optional()
    .transform((value) => value === true);
}

/** A checkbox that must be ticked ("I understand…"). */
export function confirmation() {
  return checkbox().refine((value) => value, msg("validation.mustConfirm"));
}

/** One of a fixed set of values (a select or radio group). */
export function choice<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, msg("validation.choose"));
}

/** Folds full-width digits and letters (ＡＢＣ１２３) so Chinese input methods type what we expect. */
const fold = (value: string) => value.normalize("NFKC").trim();

/** A phone number as people write it in China: digits with +, spaces, dashes, brackets, 转/#/ext. */
export function isPhoneNumber(value: string): boolean {
  const text = fold(value);
  if (!/^[+\d\s\-()#.转extEXT]+$/.test(text)) return false;
  const digits = text.replace(/\D/g, "").length;
  return digits >= 5 && digits <= 20;
}

export const phone = z
  .string(msg("validation.required"))
  .transform(fold)
  .pipe(
    z
      .string()
      .min(1, msg("validation.required"))
      .max(30, msg("validation.tooLong"))
      .refine(isPhoneNumber, msg("validation.phone")),
  );

export const optionalPhone = optionalText(30)
  .transform((value) => (value === null ? null : fold(value)))
  .refine((value) => value === null || isPhoneNumber(value), msg("validation.phone"));

/** An e-mail address: full-width folded, trimmed, lower-cased, at most 191 characters (the column). */
export const email = z
  .string(msg("validation.required"))
  .transform((value) => fold(value).toLowerCase())
  .pipe(
    z
      .string()
      .min(1, msg("validation.required"))
      .max(191, msg("validation.tooLong"))
      .pipe(z.email(msg("validation.invalidEmail"))),
  );

export const optionalEmail = email.optional().transform((value) => value ?? null);

const MONEY = /^-?\d{1,14}(?:\.\d{1,2})?$/;

/** "¥1,280.5" → "1280.50": the exact decimal string a `Decimal(·, 2)` column takes (no float rounding). */
export function normaliseMoney(input: string): string | null {
  const text = fold(input).replace(/[\s,，¥￥]/g, "");
  if (!MONEY.test(text)) return null;
  const [whole = "0", fraction = ""] = text.split(".");
  const negative = whole.startsWith("-");
  const digits = (negative ? whole.slice(1) : whole).replace(/^0+(?=\d)/, "");
  const cents = fraction.padEnd(2, "0");
  return `${negative && `${digits}${cents}` !== "000" ? "-" : ""}${digits}.${cents}`;
}

/** An amount in yuan with at most two decimals, as a decimal string ("1280.50"); 0 ≤ amount ≤ max. */
export function money({ min = 0, max = 999_999_999_999.99 }: { min?: number; max?: number } = {}) {
  return z
    .string(msg("validation.required"))
    .trim()
    .min(1, msg("validation.required"))
    .transform((value, ctx) => {
      const amount = normaliseMoney(value);
      if (amount === null) {
        ctx.addIssue({ code: "custom", message: msg("validation.money") });
        return z.NEVER;
      }
      return amount;
    })
    .refine((amount) => Number(amount) >= min && Number(amount) <= max, msg("validation.moneyRange"));
}

export function optionalMoney(options?: { min?: number; max?: number }) {
  return money(options)
    .optional()
    .transform((value) => value ?? null);
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "YYYY-MM-DD" (what `<input type="date">` sends) → the UTC-midnight Date a SQL DATE column takes. */
export function parseDay(value: string): Date | null {
  if (!DAY.test(value)) return null;
  const date = new Date(`${value}T00:00:00.000Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value ? null : date;
}

export const date = z
  .string(msg("validation.required"))
  .trim()
  .transform((value, ctx) => {
    const day = parseDay(value);
    if (!day) {
      ctx.addIssue({ code: "custom", message: msg("validation.date") });
      return z.NEVER;
    }
    return day;
  });

export const optionalDate = date.optional().transform((value) => value ?? null);

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/** "YYYY-MM-DDTHH:mm" from `<input type="datetime-local">`, read as China time (UTC+8, no DST). */
export const chinaDateTime = z
  .string(msg("validation.required"))
  .trim()
  .transform((value, ctx) => {
    const at = DATE_TIME.test(value) ? new Date(`${value}:00+08:00`) : null;
    if (!at || Number.isNaN(at.getTime())) {
      ctx.addIssue({ code: "custom", message: msg("validation.dateTime") });
      return z.NEVER;
    }
    return at;
  });
