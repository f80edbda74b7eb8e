import { z } from "zod";
import { choice, date, IdParam, money, msg, optionalDate, optionalText, trimmedText } from "#app/lib/schemas.ts";
import { IMPLEMENTATION_STATES, MAX_INSTALMENTS } from "./contract-model.ts";

// The contract and proposal forms' schemas, shared by the routes and the services (no server code).
// Every edit of a contract carries `revision` (the number the page was rendered with): a stale page
// gets a conflict, never a silent overwrite.

const optionalId = IdParam.optional().transform((v) => v ?? null);
const code = z.string().trim().max(40, msg("validation.tooLong"));
const optionalCode = code.optional().transform((v) => (v ? v : null));

export const revision = z.coerce
  .number(msg("contracts.error.revision"))
  .int(msg("contracts.error.revision"))
  .min(0, msg("contracts.error.revision"))
  .max(2_147_483_647, msg("contracts.error.revision"));

/** Money typed in yuan ("12,800.50") → integer fen. */
export function fenField(options: { min?: number } = {}) {
  return money({ min: options.min ?? 0.01, max: 99_999_999_999.99 }).transform((yuan) => {
    const [whole = "0", cents = "00"] = yuan.split(".");
    return Number(whole) * 100 + Number(cents.padEnd(2, "0").slice(0, 2));
  });
}

const header = {
  name: trimmedText(200),
  contactId: optionalId,
  opportunityId: optionalId,
  typeCode: code.min(1, msg("validation.choose")),
  settlementCode: optionalCode,
  deliveryCode: optionalCode,
  signedOn: optionalDate,
  startDate: optionalDate,
  endDate: optionalDate,
  terms: optionalText(20_000),
};

export const ContractCreateSchema = z.object({
  ...header,
  companyId: IdParam,
  templateId: optionalId,
  /** Copy the opportunity's items as the product list. */
  fromOpportunity: z
    .boolean()
    .optional()
    .transform((v) => v === true),
});
export type ContractCreateInput = z.output<typeof ContractCreateSchema>;
export type ContractCreateField = keyof z.input<typeof ContractCreateSchema>;

export const ContractEditSchema = z.object({ ...header, revision });
export type ContractEditInput = z.output<typeof ContractEditSchema>;
export type ContractEditField = keyof z.input<typeof ContractEditSchema>;

export const LineAddSchema = z.object({
  productId: IdParam,
  quantity: z.coerce
    .number(msg("contracts.error.quantity"))
    .int(msg("contracts.error.quantity"))
    .min(1, msg("contracts.error.quantity"))
    .max(1_000_000, msg("contracts.error.quantity")),
  /** 含税单价; empty = the product's list price. */
  unitPrice: fenField({ min: 0 })
    .optional()
    .transform((v) => v ?? null),
  revision,
});
export type LineAddInput = z.output<typeof LineAddSchema>;

export const LineRemoveSchema = z.object({ lineId: IdParam, revision });

export const InstalmentSchema = z.object({
  label: trimmedText(100),
  dueDate: date,
  amount: fenField(),
});

export const PlanSchema = z.object({
  instalments: z.array(InstalmentSchema, msg("contracts.error.planEmpty")).max(MAX_INSTALMENTS),
  revision,
});
export type PlanInput = z.output<typeof PlanSchema>;

export const EvenPlanSchema = z.object({
  count: z.coerce
    .number(msg("contracts.error.count"))
    .int(msg("contracts.error.count"))
    .min(1, msg("contracts.error.count"))
    .max(MAX_INSTALMENTS, msg("contracts.error.count")),
  firstDue: date,
  monthsApart: z.coerce
    .number(msg("contracts.error.count"))
    .int(msg("contracts.error.count"))
    .min(0, msg("contracts.error.count"))
    .max(24, msg("contracts.error.count")),
  revision,
});
export type EvenPlanInput = z.output<typeof EvenPlanSchema>;

export const ReceiptSchema = z.object({
  instalmentId: IdParam,
  amount: fenField(),
  receivedOn: date,
  note: optionalText(500),
});
export type ReceiptInput = z.output<typeof ReceiptSchema>;

export const ImplementationSchema = z.object({
  implementation: choice(IMPLEMENTATION_STATES),
  implementationNote: optionalText(2000),
});
export type ImplementationInput = z.output<typeof ImplementationSchema>;

export const TerminateSchema = z.object({ reason: trimmedText(500) });

/** A document part's title and plain text (contracts, templates and proposals share it). */
export const partFields = {
  partId: optionalId,
  title: trimmedText(200),
  body: z
    .string()
    .max(50_000, msg("validation.tooLong"))
    .optional()
    .transform((v) => v ?? ""),
};

export const PartSchema = z.object({ ...partFields, revision });
export type PartInput = z.output<typeof PartSchema>;

export const PartRefSchema = z.object({ partId: IdParam, revision });

/** 由报价单生成合同: the accepted quote and the contract type (default 新购). */
export const FromQuoteSchema = z.object({
  quoteId: IdParam,
  typeCode: code.optional().transform((v) => v || "new"),
  name: optionalText(200),
});
