import type { Prisma } from "#app/generated/prisma/client.ts";

/** A plain copy of `value` an audit row can store (dates become ISO strings, undefined drops out). */
export function auditJson(value: object): Prisma.InputJsonObject {
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonObject;
}
