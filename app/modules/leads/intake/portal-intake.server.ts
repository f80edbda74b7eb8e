import { randomUUID } from "node:crypto";
import type { Db } from "#app/lib/db.server.ts";
import { DICTIONARIES, type MessageKey } from "#app/lib/i18n/translate.ts";
import { hitRateLimit, peekRateLimit, type RateLimitRule } from "#app/modules/auth/rate-limit.server.ts";
import { catalogLevel, portalVisibleWhere } from "#app/modules/catalog/portal-catalog.server.ts";
import { orderItemPrices, portalSchemes } from "#app/modules/catalog/portal-pricing.server.ts";
import type { PriceScheme } from "#app/modules/catalog/pricing.ts";
import type { Locale } from "#app/lib/i18n/locales.ts";
import { submitLead } from "./lead-intake.server.ts";
import { sendLeadReceivedEmail } from "./lead-received-email.server.ts";
import { parseLeadSubmission } from "./lead-submission.ts";
import {
  COMPANY_FIELDS,
  CONTACT_FIELDS,
  HONEYPOT_FIELD,
  MAX_ORDER_QUANTITY,
  QUANTITY_PREFIX,
  SUBMISSION_ID_FIELD,
  type FormValues,
} from "./portal-form-fields.ts";

// The portal's own intake forms (来宾登记, 在线需求, 产品订购): they call the intake service directly
// (no HTTP round trip, no channel key) with the category looked up by its code. This module turns a
// submitted form into a submission, guards it (honeypot, per-IP limit) and shapes the result for
// the page; the routes stay thin.

export type PortalFormKind = "guest" | "requirement" | "order";

/** The registration category each portal form feeds (seeded with the demo data). */
export const PORTAL_FORM_CATEGORY: Record<PortalFormKind, string> = {
  guest: "WEB-GUEST",
  requirement: "WEB-REQ",
  order: "WEB-ORDER",
};

/** Successful portal submissions per IP; a person rarely sends more than a few an hour. */
export const PORTAL_INTAKE_LIMIT: RateLimitRule = { scope: "intake-portal:ip", limit: 20, windowMs: 60 * 60_000 };

/** The contact fields through which a portal visitor can be reached; at least one is required. */
export const PORTAL_REACHABLE_FIELDS = ["email", "mobile", "phone"] as const;

export interface PortalProduct {
  sku: string;
  name: string;
  unit: string;
  /** Decimal as a string (money never goes through a float). */
  unitPrice: string;
  /** The member's price scheme (quantity tiers) for live prices in the basket (#18). */
  scheme?: PriceScheme;
}

export interface PortalCategory {
  id: number;
  name: string;
}

/** The active category behind a portal form, or null when it is missing or switched off. */
export async function findPortalCategory(db: Db, kind: PortalFormKind): Promise<PortalCategory | null> {
  const category = await db.registrationCategory.findUnique({
    where: { code: PORTAL_FORM_CATEGORY[kind] },
    select: { id: true, name: true, active: true },
  });
  return category?.active ? { id: category.id, name: category.name } : null;
}

/** The products the viewer's member level may see in the portal (visitors: what prospects see). */
export async function listOrderableProducts(db: Db, memberId: number | null): Promise<PortalProduct[]> {
  const rows = await db.product.findMany({
    where: portalVisibleWhere(await catalogLevel(db, memberId)),
    orderBy: { sku: "asc" },
    take: 200,
    select: { sku: true, name: true, unit: true, unitPrice: true },
  });
  return rows.map((row) => ({ sku: row.sku, name: row.name, unit: row.unit, unitPrice: row.unitPrice.toFixed(2) }));
}

/** A signed-in member's details as form values: they should not have to type what we know. */
export async function memberPrefill(db: Db, memberId: number): Promise<FormValues> {
  const member = await db.member.findUnique({
    where: { id: memberId },
    select: {
      realName: true,
      email: true,
      phone: true,
      title: true,
      companyName: true,
      province: true,
      city: true,
      address: true,
    },
  });
  if (!member) return {};
  const phone = member.phone?.trim() ?? "";
  // Members keep one number; a mainland mobile goes into the mobile field, anything else is a phone.
  const isMobile = /^(\+?86)?1\d{10}$/.test(phone.replace(/[\s-]/g, ""));
  const values: FormValues = {
    "contact.name": member.realName ?? "",
    "contact.title": member.title ?? "",
    "contact.email": member.email,
    "contact.mobile": isMobile ? phone : "",
    "contact.phone": isMobile ? "" : phone,
    "company.name": member.companyName ?? "",
    "company.province": member.province ?? "",
    "company.city": member.city ?? "",
    "company.address": member.address ?? "",
  };
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v));
}

/** A fresh id per rendered form: a double submit or a refreshed result page replays, not duplicates. */
export function newSubmissionId(): string {
  return randomUUID();
}

export interface PortalFormPage {
  /** False when the form's category is missing or inactive: the page explains instead of failing. */
  available: boolean;
  submissionId: string;
  /** The signed-in member's details, or nothing for visitors. */
  prefill: FormValues;
  /** Orderable products (order form only). */
  products: PortalProduct[];
}

/** Everything a portal intake page needs to render its form. */
export async function loadPortalForm(db: Db, kind: PortalFormKind, memberId: number | null): Promise<PortalFormPage> {
  const [category, prefill, products] = await Promise.all([
    findPortalCategory(db, kind),
    memberId ? memberPrefill(db, memberId) : Promise.resolve({}),
    kind === "order" ? listOrderableProducts(db, memberId) : Promise.resolve([]),
  ]);
  // The order basket prices live in the browser with the schemes that apply to this member.
  const schemes =
    kind === "order"
      ? await portalSchemes(
          db,
          memberId,
          products.map((p) => p.sku),
        )
      : {};
  const priced = products.map((p) => (schemes[p.sku] ? { ...p, scheme: schemes[p.sku] } : p));
  return { available: category !== null, submissionId: newSubmissionId(), prefill, products: priced };
}

export type PortalErrors = Partial<Record<string, MessageKey[]>>;

export type PortalSubmitResult =
  | { status: "unavailable" }
  | { status: "rejected" }
  /** The form was already sent with other content (the visitor went back and edited): send it anew. */
  | { status: "resubmitted"; values: FormValues }
  | { status: "rate-limited"; retryAfterSeconds: number; values: FormValues }
  | { status: "invalid"; errors: PortalErrors; values: FormValues }
  | { status: "success"; number: string; ownerName: string; replayed: boolean };

export interface PortalSubmitContext {
  memberId: number | null;
  submitterIp: string;
  userAgent: string | null;
  /** The language of the acknowledgement e-mail (the page's locale); zh-CN when absent. */
  locale?: Locale;
  /** Tests pass a small limit; production uses PORTAL_INTAKE_LIMIT. */
  limit?: RateLimitRule;
}

export async function submitPortalForm(
  db: Db,
  kind: PortalFormKind,
  form: FormData,
  ctx: PortalSubmitContext,
): Promise<PortalSubmitResult> {
  const limit = ctx.limit ?? PORTAL_INTAKE_LIMIT;
  const values = formValues(form);

  const honeypot = form.get(HONEYPOT_FIELD);
  if (typeof honeypot === "string" && honeypot.trim() !== "") return { status: "rejected" };

  const category = await findPortalCategory(db, kind);
  if (!category) return { status: "unavailable" };

  const state = await peekRateLimit(db, limit, ctx.submitterIp);
  if (state.count >= limit.limit) {
    return { status: "rate-limited", retryAfterSeconds: state.retryAfterSeconds, values };
  }

  const errors: PortalErrors = {};
  const submission: Record<string, unknown> = {};
  const contact = pick(values, "contact.", CONTACT_FIELDS);
  const company = pick(values, "company.", COMPANY_FIELDS);
  if (contact) submission.contact = contact;
  if (company) submission.company = company;
  const requirement = values.requirement;
  if (requirement) submission.requirement = requirement;

  if (kind === "requirement" && !requirement) errors.requirement = ["intake.requirements.requirementRequired"];
  // A portal lead must leave a way to call back; the public API keeps its own contract (contact or
  // company), since partner systems may relay leads that are reached by other means.
  if (!PORTAL_REACHABLE_FIELDS.some((field) => contact?.[field])) errors.contact = ["intake.form.reachableRequired"];
  if (kind === "order") {
    const items: Array<{ sku: string; quantity: number }> = [];
    // Quantities only for what this member may order: another level's product is not on the form.
    for (const product of await listOrderableProducts(db, ctx.memberId)) {
      const raw = values[`${QUANTITY_PREFIX}${product.sku}`] ?? "";
      if (raw === "" || raw === "0") continue;
      const quantity = /^\d{1,6}$/.test(raw) ? Number(raw) : Number.NaN;
      if (!Number.isInteger(quantity) || quantity > MAX_ORDER_QUANTITY) {
        errors[`${QUANTITY_PREFIX}${product.sku}`] = ["leads.error.quantity"];
      } else if (quantity > 0) {
        items.push({ sku: product.sku, quantity });
      }
    }
    if (items.length === 0 && !hasErrorsWithPrefix(errors, QUANTITY_PREFIX))
      errors.items = ["intake.order.itemsRequired"];
    if (items.length > 0) submission.items = items;
  }

  const submissionId = form.get(SUBMISSION_ID_FIELD);
  const idempotencyKey =
    typeof submissionId === "string" && /^[0-9a-f-]{36}$/i.test(submissionId) ? `portal-${submissionId}` : null;

  const addSchemaErrors = (schemaErrors: Record<string, string[]>) => {
    for (const [field, keys] of Object.entries(schemaErrors)) {
      errors[field] = [...new Set([...(errors[field] ?? []), ...keys.map(asMessageKey)])];
    }
  };

  // When our own checks fail, still run the shared schema (without storing anything) so the visitor
  // sees every problem at once.
  if (Object.keys(errors).length > 0) {
    const parsed = parseLeadSubmission(submission);
    if (!parsed.success) addSchemaErrors(parsed.errors);
    return { status: "invalid", errors, values };
  }

  const orderItems = (submission.items ?? []) as Array<{ sku: string; quantity: number }>;
  const result = await submitLead(db, submission, {
    itemPrices: orderItems.length > 0 ? await orderItemPrices(db, ctx.memberId, orderItems) : null,
    categoryId: category.id,
    source: "portal",
    idempotencyKey,
    memberId: ctx.memberId,
    submitterIp: ctx.submitterIp,
    userAgent: ctx.userAgent,
  });
  if (result.status === "invalid") {
    addSchemaErrors(result.errors);
    return { status: "invalid", errors, values };
  }
  if (result.status === "keyReused") return { status: "resubmitted", values };

  if (result.status === "created") await hitRateLimit(db, limit, ctx.submitterIp);
  // The submitter hears that we have it (#14 item 8); keyed by the lead, so a replay never mails twice.
  await sendLeadReceivedEmail(
    db,
    {
      leadId: result.lead.id,
      leadNumber: result.lead.number,
      formName: category.name,
      createdAt: new Date(),
      contact: submission.contact as { name?: string; email?: string } | undefined,
    },
    ctx.locale ?? "zh-CN",
  );
  return {
    status: "success",
    number: result.lead.number,
    ownerName: result.lead.owner.name,
    replayed: result.status === "replayed",
  };
}

function asMessageKey(key: string): MessageKey {
  return Object.hasOwn(DICTIONARIES["zh-CN"], key) ? (key as MessageKey) : "intake.form.invalidField";
}

function hasErrorsWithPrefix(errors: PortalErrors, prefix: string): boolean {
  return Object.keys(errors).some((k) => k.startsWith(prefix));
}

/** Trimmed string values of the form (files and the honeypot ignored). */
function formValues(form: FormData): FormValues {
  const values: FormValues = {};
  for (const [name, value] of form.entries()) {
    if (typeof value !== "string" || name === HONEYPOT_FIELD || name === SUBMISSION_ID_FIELD) continue;
    values[name] = value.trim();
  }
  return values;
}

function pick(values: FormValues, prefix: string, fields: readonly string[]): Record<string, string> | null {
  const out: Record<string, string> = {};
  for (const field of fields) {
    const value = values[`${prefix}${field}`];
    if (value) out[field] = value;
  }
  return Object.keys(out).length > 0 ? out : null;
}

/** HTTP status (and Retry-After) for a portal form's action result. */
export function portalResultInit(result: PortalSubmitResult): ResponseInit {
  switch (result.status) {
    case "success":
      return { status: 200 };
    case "invalid":
    case "rejected":
      return { status: 400 };
    case "resubmitted":
      return { status: 422 };
    case "rate-limited":
      return { status: 429, headers: { "Retry-After": String(result.retryAfterSeconds) } };
    case "unavailable":
      return { status: 503 };
  }
}
