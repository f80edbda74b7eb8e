import { z } from "zod";
import { IdParam, msg, optionalDate, optionalText } from "#app/lib/schemas.ts";
import { ADVANCE_STEPS } from "./order-status.ts";

// The order forms' schemas, shared by the routes and the services (no server code). Every change
// carries `version` (the updatedAt the page was rendered with): a stale one is a conflict.

export const orderVersion = z
  .string(msg("orders.error.conflict"))
  .trim()
  .refine((v) => !Number.isNaN(Date.parse(v)), msg("orders.error.conflict"))
  .transform((v) => new Date(v));

export const AdvanceSchema = z.object({
  to: z.enum(ADVANCE_STEPS, msg("validation.choose")),
  version: orderVersion,
  note: optionalText(1000),
  invoiceNumber: optionalText(60),
});
export type AdvanceInput = z.output<typeof AdvanceSchema>;

/** Serial numbers as typed: one per line, or separated by commas / semicolons / spaces. */
export function splitSerials(text: string | null | undefined): string[] {
  return (text ?? "")
    .split(/[\s,，;；]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

const deliveryLine = z.object({
  lineId: IdParam,
  quantity: z.coerce
    .number(msg("validation.number"))
    .int(msg("validation.number"))
    .min(0, msg("validation.number"))
    .max(1_000_000, msg("validation.number"))
    .optional()
    .transform((v) => v ?? 0),
  serials: z
    .string()
    .max(20_000, msg("validation.tooLong"))
    .optional()
    .transform((v) => splitSerials(v))
    .refine((list) => list.every((s) => s.length <= 100), msg("orders.error.serialTooLong")),
  warrantyMonths: z.coerce
    .number(msg("validation.number"))
    .int(msg("validation.number"))
    .min(0, msg("validation.number"))
    .max(240, msg("validation.number"))
    .optional()
    .transform((v) => v ?? null),
});

export const DeliverySchema = z.object({
  version: orderVersion,
  deliveredOn: optionalDate,
  note: optionalText(1000),
  lines: z.array(deliveryLine).max(500).default([]),
});
export type DeliveryInput = z.output<typeof DeliverySchema>;
export type DeliveryLineInput = DeliveryInput["lines"][number];
