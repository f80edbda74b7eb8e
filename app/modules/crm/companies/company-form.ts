import { z } from "zod";
import { msg, optionalEmail, optionalMoney, optionalText, trimmedText } from "#app/lib/schemas.ts";
import { COMPANY_CATEGORIES, COMPANY_CURRENCIES, COMPANY_STATUSES } from "./company-codes.ts";

// The company form's schema (create and edit), shared by the routes and the service. Type, industry
// and rating are system-table codes (checked against the tables and the row in the service, which
// keeps an inactive or legacy value the row already has).

const optionalCode = <const T extends readonly [string, ...string[]]>(values: T) =>
  z
    .enum(values, msg("validation.choose"))
    .optional()
    .transform((v) => v ?? null);

const divisionCode = (digits: number) =>
  z
    .string()
    .trim()
    .regex(new RegExp(`^\\d{${digits}}$`), msg("companies.validation.region"))
    .optional()
    .transform((v) => v ?? null);

const optionalId = z.coerce
  .number(msg("validation.id"))
  .int(msg("validation.id"))
  .positive(msg("validation.id"))
  .max(2_147_483_647, msg("validation.id"))
  .optional()
  .transform((v) => v ?? null);

export const CompanyFormSchema = z.object({
  name: trimmedText(200),
  shortName: optionalText(100),
  type: optionalText(40),
  industry: optionalText(40),
  status: z
    .enum(COMPANY_STATUSES, msg("validation.choose"))
    .optional()
    .transform((v) => v ?? "active"),
  category: optionalCode(COMPANY_CATEGORIES),
  rating: optionalText(40),
  provinceCode: divisionCode(2),
  cityCode: divisionCode(4),
  districtCode: divisionCode(6),
  address: optionalText(255),
  postcode: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z -]{3,20}$/, msg("companies.validation.postcode"))
    .optional()
    .transform((v) => v ?? null),
  phone: optionalText(50),
  phone2: optionalText(50),
  fax: optionalText(50),
  email: optionalEmail,
  website: optionalText(255).refine(
    (v) => v === null || /^(https?:\/\/)?[\w.-]+\.[a-z]{2,}([/?#]\S*)?$/i.test(v),
    msg("companies.validation.website"),
  ),
  currency: z
    .enum(COMPANY_CURRENCIES, msg("validation.choose"))
    .optional()
    .transform((v) => v ?? "CNY"),
  salesAmount: optionalMoney(),
  profitAmount: optionalMoney({ min: -999_999_999_999.99 }),
  description: optionalText(5000),
  /** 上级单位 by its number (单位#): a picker over 250k companies would not fit a select. */
  parentNumber: z
    .string()
    .trim()
    .toUpperCase()
    .max(30, msg("validation.tooLong"))
    .optional()
    .transform((v) => v || null),
  ownerId: optionalId,
  /** Ticked after the duplicate warning: save although similar companies exist. */
  confirmDuplicate: z
    .boolean()
    .optional()
    .transform((v) => v === true),
});

export type CompanyFormInput = z.output<typeof CompanyFormSchema>;
export type CompanyFormField = keyof z.input<typeof CompanyFormSchema>;
