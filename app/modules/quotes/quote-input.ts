import { z } from "zod";
import { checkbox, date, IdParam, msg, optionalText, trimmedText } from "#app/lib/schemas.ts";
import { DEFAULT_LOCALE, LOCALES } from "#app/lib/i18n/locales.ts";
import { parseFen } from "#app/modules/catalog/pricing.ts";

// What the quote editor posts (pure: shared by the service, the routes and tests). Money is typed in
// yuan and read into integer fen here; a discount is a percentage with at most two decimals, kept in
// basis points (10 % = 1000 bp, 九折).

const optionalId = z.preprocess((v) => (v === "" ? undefined : v), IdParam.optional()).transform((v) => v ?? null);

/** The page's version: the `updatedAt` it was rendered with, in milliseconds. */
export const QuoteVersion = z.coerce
  .number(msg("quotes.error.version"))
  .int(msg("quotes.error.version"))
  .positive(msg("quotes.error.version"))
  .transform((ms) => new Date(ms));

const yuan = z
  .string()
  .trim()
  .optional()
  .transform((value, ctx) => {
    if (!value) return null;
    const fen = parseFen(value.replace(/[\s,，¥￥]/g, ""));
    if (fen === null || fen > 99_999_999_999) {
      ctx.addIssue({ code: "custom", message: msg("quotes.error.price") });
      return z.NEVER;
    }
    return fen;
  });

const percentBp = z
  .string()
  .trim()
  .optional()
  .transform((value, ctx) => {
    if (!value) return 0;
    if (!/^\d{1,3}(?:\.\d{1,2})?$/.test(value) || Number(value) > 100) {
      ctx.addIssue({ code: "custom", message: msg("quotes.error.discount") });
      return z.NEVER;
    }
    const [whole = "0", fraction = ""] = value.split(".");
    return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
  });

const quantity = z.coerce
  .number(msg("quotes.error.quantity"))
  .int(msg("quotes.error.quantity"))
  .min(1, msg("quotes.error.quantity"))
  .max(1_000_000, msg("quotes.error.quantity"));

export const QuoteHeaderSchema = z.object({
  title: trimmedText(200),
  companyId: IdParam,
  contactId: optionalId,
  opportunityId: optionalId,
  validUntil: date,
  terms: z
    .string()
    .max(20_000, msg("validation.tooLong"))
    .optional()
    .transform((v) => v?.trim() ?? ""),
  remark: optionalText(1000),
});
export type QuoteHeaderInput = z.output<typeof QuoteHeaderSchema>;

export const QuoteCreateSchema = QuoteHeaderSchema.extend({
  templateId: optionalId,
  /** Copy the opportunity's products into the quote's lines. */
  copyItems: checkbox(),
});
export type QuoteCreateInput = z.output<typeof QuoteCreateSchema>;

export const QuoteHeaderEditSchema = QuoteHeaderSchema.extend({ version: QuoteVersion });
export type QuoteHeaderEditInput = z.output<typeof QuoteHeaderEditSchema>;

/** A line: a catalog product (priced by its schemes unless a price is typed) or free text. */
export const QuoteLineAddSchema = z.object({
  version: QuoteVersion,
  productId: optionalId,
  name: optionalText(200),
  /** The packaging the line is sold in; the product's base unit when empty. */
  unit: optionalText(20),
  quantity,
  unitPrice: yuan,
  discountPercent: percentBp,
  /** Free lines only: 13 = 13 %. */
  taxRate: z
    .string()
    .trim()
    .optional()
    .transform((value, ctx) => {
      if (!value) return null;
      if (!/^\d{1,2}(?:\.\d{1,2})?$/.test(value)) {
        ctx.addIssue({ code: "custom", message: msg("quotes.error.taxRate") });
        return z.NEVER;
      }
      const [whole = "0", fraction = ""] = value.split(".");
      return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
    }),
});
export type QuoteLineAddInput = z.output<typeof QuoteLineAddSchema>;

export const QuoteLineEditSchema = z.object({
  version: QuoteVersion,
  lineId: IdParam,
  quantity,
  unitPrice: yuan,
  discountPercent: percentBp,
});
export type QuoteLineEditInput = z.output<typeof QuoteLineEditSchema>;

export const QuoteLineRemoveSchema = z.object({ version: QuoteVersion, lineId: IdParam });

export const QuoteVersionOnly = z.object({ version: QuoteVersion });

export const QuoteEmailSchema = z.object({
  version: QuoteVersion,
  to: z
    .string()
    .trim()
    .max(320)
    .pipe(z.email(msg("validation.invalidEmail"))),
  message: optionalText(2000),
  locale: z.enum(LOCALES, msg("validation.choose")).default(DEFAULT_LOCALE),
});
export type QuoteEmailInput = z.output<typeof QuoteEmailSchema>;

/** The zone's answer: the button pressed (`intent` accept / changes) and a comment. */
export const QuoteResponseSchema = z
  .object({
    intent: z.enum(["accept", "changes"], msg("validation.choose")),
    comment: optionalText(2000),
  })
  .transform((v) => ({ response: v.intent, comment: v.comment }));
export type QuoteResponseInput = z.output<typeof QuoteResponseSchema>;

export const QuoteTemplateSchema = z.object({
  id: optionalId,
  name: trimmedText(100),
  validityDays: z.coerce
    .number(msg("quotes.error.validityDays"))
    .int(msg("quotes.error.validityDays"))
    .min(1, msg("quotes.error.validityDays"))
    .max(365, msg("quotes.error.validityDays")),
  terms: z.string().trim().max(20_000, msg("validation.tooLong")),
  active: checkbox(),
});
export type QuoteTemplateInput = z.output<typeof QuoteTemplateSchema>;

export const QuoteClauseSchema = z.object({
  id: optionalId,
  title: trimmedText(100),
  body: trimmedText(5000),
  position: z.coerce.number().int().min(0).max(999).default(0),
  active: checkbox(),
});
export type QuoteClauseInput = z.output<typeof QuoteClauseSchema>;

/** Statuses whose lines and header may still be edited (a rejected draft is fixed and resubmitted). */
export const EDITABLE_STATUSES = ["draft", "rejected"] as const;
/** Statuses a revision (version n + 1) may start from. */
export const REVISABLE_STATUSES = ["approved", "sent", "changes_requested", "rejected", "expired"] as const;

export function isEditable(status: string): boolean {
  return (EDITABLE_STATUSES as readonly string[]).includes(status);
}
export function isRevisable(status: string): boolean {
  return (REVISABLE_STATUSES as readonly string[]).includes(status);
}
