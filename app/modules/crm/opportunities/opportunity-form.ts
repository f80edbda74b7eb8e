import { z } from "zod";
import { checkbox, msg, optionalDate, optionalMoney, optionalText, trimmedText } from "#app/lib/schemas.ts";

// The opportunity forms' schemas, shared by the routes and the services (no server code here).
// Every edit carries `version` (the updatedAt the page was rendered with): a stale version is a
// conflict, never a silent overwrite.

const id = z.coerce
  .number(msg("validation.id"))
  .int(msg("validation.id"))
  .positive(msg("validation.id"))
  .max(2_147_483_647, msg("validation.id"));
const optionalId = id.optional().transform((v) => v ?? null);

/** The updatedAt the form was rendered with, as its ISO string. */
export const version = z
  .string(msg("opportunities.error.version"))
  .trim()
  .refine((v) => !Number.isNaN(Date.parse(v)), msg("opportunities.error.version"))
  .transform((v) => new Date(v));

export const OPPORTUNITY_MEMBER_ROLES = ["sales", "presales", "technical", "manager", "support"] as const;
export const COMPETITOR_THREATS = ["low", "medium", "high"] as const;
export const SUB_PROJECT_STATUSES = ["planned", "active", "done"] as const;

const fields = {
  name: trimmedText(200),
  description: optionalText(2000),
  companyId: optionalId,
  contactId: optionalId,
  teamId: optionalId,
  amount: optionalMoney(),
  expectedCloseDate: optionalDate,
  forecast: checkbox(),
  forecastValue: optionalMoney(),
};

export const OpportunityCreateSchema = z.object({
  ...fields,
  ownerId: optionalId,
  salesMethodId: optionalId,
  stageId: optionalId,
});
export type OpportunityCreateInput = z.output<typeof OpportunityCreateSchema>;
export type OpportunityCreateField = keyof z.input<typeof OpportunityCreateSchema>;

export const OpportunityEditSchema = z.object({ ...fields, version });
export type OpportunityEditInput = z.output<typeof OpportunityEditSchema>;
export type OpportunityEditField = keyof z.input<typeof OpportunityEditSchema>;

export const StageMoveSchema = z.object({
  stageId: id,
  version,
  reason: optionalText(500),
});
export type StageMoveInput = z.output<typeof StageMoveSchema>;

export const OwnerChangeSchema = z.object({ ownerId: id, version });

const quantity = z.coerce
  .number(msg("opportunities.error.quantity"))
  .int(msg("opportunities.error.quantity"))
  .min(1, msg("opportunities.error.quantity"))
  .max(1_000_000, msg("opportunities.error.quantity"));
const discountPercent = z
  .string()
  .trim()
  .regex(/^\d{1,3}(\.\d{1,2})?$/, msg("opportunities.error.discount"))
  .refine((v) => Number(v) <= 100, msg("opportunities.error.discount"))
  .optional()
  .transform((v) => v ?? "0");

export const ItemAddSchema = z.object({
  productId: id,
  quantity,
  unitPrice: optionalMoney({ max: 999_999_999_999.99 }),
  discountPercent,
  version,
});
export type ItemAddInput = z.output<typeof ItemAddSchema>;

export const ItemEditSchema = z.object({
  itemId: id,
  quantity,
  unitPrice: optionalMoney({ max: 999_999_999_999.99 }).refine((v) => v !== null, msg("validation.required")),
  discountPercent,
  version,
});
export type ItemEditInput = z.output<typeof ItemEditSchema>;

export const ItemRemoveSchema = z.object({ itemId: id, version });

export const MemberAddSchema = z.object({
  staffId: id,
  role: z.enum(OPPORTUNITY_MEMBER_ROLES, msg("validation.choose")),
});
export const RowRemoveSchema = z.object({ rowId: id });

export const CompetitorSchema = z.object({
  name: trimmedText(200),
  product: optionalText(200),
  threat: z.enum(COMPETITOR_THREATS, msg("validation.choose")),
  strengths: optionalText(1000),
  weaknesses: optionalText(1000),
});

const hours = z
  .string()
  .trim()
  .regex(/^\d{1,8}(\.\d{1,2})?$/, msg("opportunities.error.hours"))
  .optional()
  .transform((v) => v ?? "0");

export const SubProjectSchema = z.object({
  rowId: optionalId,
  name: trimmedText(200),
  managerId: optionalId,
  status: z.enum(SUB_PROJECT_STATUSES, msg("validation.choose")),
  startDate: optionalDate,
  endDate: optionalDate,
  actualHours: hours,
  consumables: optionalText(1000),
  consumablesCost: optionalMoney(),
});
export type SubProjectInput = z.output<typeof SubProjectSchema>;
