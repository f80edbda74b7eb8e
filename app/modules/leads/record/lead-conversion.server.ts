import { enqueueSearchSync } from "#search/search-jobs.server.ts";
import { isMessageKey } from "#app/lib/i18n/translate.ts";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { Prisma } from "#app/generated/prisma/client.ts";
import type { Db, DbOrTx, Tx } from "#app/lib/db.server.ts";
import { recordAudit } from "#app/modules/audit/audit-log.server.ts";
import { inScope, scopeFor } from "#app/modules/auth/permissions.ts";
import { recordScopeWhere } from "#app/modules/crm/access/record-scope.server.ts";
import { companyNameKey, contactPhoneKey, emailKey, phoneKey } from "#app/modules/crm/match-keys.ts";
import { nextRecordNumber } from "#app/modules/settings/record-number.server.ts";
import { OPPORTUNITY_STAGES } from "#app/modules/crm/sales-constants.ts";
import { suggestRecordMatches, type MatchCandidate } from "#app/modules/crm/record-suggestions.server.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import {
  editRightsFor,
  leadEditRights,
  leadRightsInclude,
  lockLead,
  type LeadEditRights,
} from "./lead-edit-rights.server.ts";

// Lead conversion (seed §2.G: 机会-线索/营销战役, 联系人-线索, 单位-线索). One transaction creates or links
// the contact and company and creates the opportunity with the lead's order items as line items;
// the lead records the links, becomes "converted" and gets a "converted" history event.
//
// Idempotent: the lead row is locked (FOR UPDATE) first and a lead that is already converted is
// answered with its existing links, so a double submit or two people converting at once create
// exactly one of each.
//
// Who: whoever may change the lead's status (owner, a manager whose leads × modify scope covers the
// owner, or a distributed salesperson holding the status right and not beaten to the claim), with
// opportunities × add for the opportunity and contacts/companies × add for records created new.

export { OPPORTUNITY_STAGES };

export const RECORD_MODES = ["link", "create", "skip"] as const;
export type RecordMode = (typeof RECORD_MODES)[number];

const idOrNull = z.preprocess(
  (v) => (v === "" || v === null || v === undefined ? null : v),
  z.coerce.number().int().positive().nullable(),
);

export const ConversionSchema = z
  .object({
    contactMode: z.enum(RECORD_MODES),
    contactId: idOrNull,
    companyMode: z.enum(RECORD_MODES),
    companyId: idOrNull,
    createOpportunity: z.preprocess((v) => v === true || v === "on" || v === "true" || v === "1", z.boolean()),
    opportunityName: z.string().trim().max(200, "sales.error.tooLong").optional().default(""),
    stage: z.enum(OPPORTUNITY_STAGES).default("qualification"),
    amount: z
      .string()
      .trim()
      .refine((v) => v === "" || /^\d{1,14}(\.\d{1,2})?$/.test(v.replace(/,/g, "")), "sales.error.money")
      .optional()
      .default(""),
    probability: z.coerce
      .number()
      .int()
      .min(0, "sales.error.probability")
      .max(100, "sales.error.probability")
      .default(20),
    expectedCloseDate: z
      .string()
      .trim()
      .refine((v) => v === "" || /^\d{4}-\d{2}-\d{2}$/.test(v), "sales.error.date")
      .optional()
      .default(""),
    ownerId: idOrNull,
  })
  .superRefine((v, ctx) => {
    if (v.contactMode === "link" && !v.contactId)
      ctx.addIssue({ code: "custom", path: ["contactId"], message: "sales.error.pickContact" });
    if (v.companyMode === "link" && !v.companyId)
      ctx.addIssue({ code: "custom", path: ["companyId"], message: "sales.error.pickCompany" });
    if (v.createOpportunity && !v.opportunityName)
      ctx.addIssue({ code: "custom", path: ["opportunityName"], message: "common.required" });
    if (!v.createOpportunity && v.contactMode === "skip" && v.companyMode === "skip") {
      ctx.addIssue({ code: "custom", path: ["_"], message: "sales.error.nothingToConvert" });
    }
  });
export type ConversionInput = z.input<typeof ConversionSchema>;

export type ConversionResult =
  | { kind: "converted"; opportunityId: number | null; contactId: number | null; companyId: number | null }
  | { kind: "already-converted"; opportunityId: number | null; contactId: number | null; companyId: number | null }
  | { kind: "invalid"; errors: Record<string, string[]> }
  | { kind: "forbidden"; reason: string }
  | { kind: "not-found" };

export interface ConversionLineItem {
  sku: string;
  name: string;
  productId: number | null;
  /** The packaging the quantity counts (portal basket lines only; absent for the base unit). */
  unit?: string;
  quantity: number;
  unitPrice: string;
  total: string;
}

/** Order-lead items as opportunity line items: lead price, else the product's list price, else 0. */
export async function conversionLineItems(db: DbOrTx, leadId: number): Promise<ConversionLineItem[]> {
  const items = await db.leadItem.findMany({ where: { leadId }, orderBy: { id: "asc" } });
  if (items.length === 0) return [];
  const products = await db.product.findMany({
    where: { sku: { in: items.map((i) => i.sku) } },
    select: { id: true, sku: true, name: true, unitPrice: true },
  });
  const bySku = new Map(products.map((p) => [p.sku, p]));
  return items.map((item) => {
    const product = bySku.get(item.sku) ?? null;
    const price = item.unitPrice ?? product?.unitPrice ?? new Prisma.Decimal(0);
    return {
      sku: item.sku,
      name: (item.productName ?? product?.name ?? item.sku).slice(0, 200),
      productId: product?.id ?? null,
      ...(item.unit ? { unit: item.unit } : {}),
      quantity: item.quantity,
      unitPrice: price.toFixed(2),
      // A basket line keeps its priced total (tiers, best-price cap: decision 037) to the fen.
      total: (item.lineTotal ?? price.mul(item.quantity)).toFixed(2),
    };
  });
}

export function sumLineItems(items: ConversionLineItem[]): string {
  return items.reduce((sum, i) => sum.add(i.total), new Prisma.Decimal(0)).toFixed(2);
}

type ConversionPermission = { allowed: true } | { allowed: false; reason: string };

/** Why (not) this actor may convert the lead, without writing anything (for the page). */
export async function conversionPermission(
  db: DbOrTx,
  actor: StaffActor,
  leadId: number,
): Promise<ConversionPermission | null> {
  const editRights = await leadEditRights(db, actor, leadId);
  return editRights && conversionVerdict(actor, editRights);
}

function checkPermission(
  actor: StaffActor,
  lead: Parameters<typeof editRightsFor>[1] & { assignments: Parameters<typeof editRightsFor>[2][] },
): ConversionPermission {
  return conversionVerdict(actor, editRightsFor(actor, lead, lead.assignments[0] ?? null));
}

/** Converting is a status-group edit that also creates an opportunity. */
function conversionVerdict(actor: StaffActor, { rights, reason }: LeadEditRights): ConversionPermission {
  if (!rights.status) return { allowed: false, reason: reason === "claimed-by-other" ? "claimed-by-other" : "lead" };
  if (!scopeFor(actor, "opportunities", "add")) return { allowed: false, reason: "opportunities" };
  return { allowed: true };
}

/** Existing contacts/companies that probably are this lead (helper D's matcher). */
export async function conversionSuggestions(
  db: DbOrTx,
  actor: StaffActor,
  lead: {
    contactName: string | null;
    contactEmail: string | null;
    contactPhone: string | null;
    contactMobile: string | null;
    companyName: string | null;
    companyCity: string | null;
    companyProvince: string | null;
  },
): Promise<{ contacts: MatchCandidate[]; companies: MatchCandidate[] }> {
  // Only records the actor may see are suggested (issue #13): a suggestion shows a name and e-mail.
  const [contactWhere, companyWhere] = await Promise.all([
    recordScopeWhere(db, actor, "contact", "browse"),
    recordScopeWhere(db, actor, "company", "browse"),
  ]);
  const suggestions = await suggestRecordMatches(
    db,
    {
      name: lead.contactName,
      email: lead.contactEmail,
      phone: lead.contactPhone,
      mobile: lead.contactMobile,
      companyName: lead.companyName,
      city: lead.companyCity,
      province: lead.companyProvince,
    },
    { limit: 5, contactWhere: contactWhere ?? { id: -1 }, companyWhere: companyWhere ?? { id: -1 } },
  );
  return {
    contacts: contactWhere ? suggestions.contacts : [],
    companies: companyWhere ? suggestions.companies : [],
  };
}

function splitName(full: string): { familyName: string; givenName: string | null } {
  const name = full.trim();
  if (/\s/.test(name)) {
    const parts = name.split(/\s+/);
    const family = parts.pop()!;
    return { familyName: family.slice(0, 50), givenName: parts.join(" ").slice(0, 50) || null };
  }
  return { familyName: name.slice(0, 1), givenName: name.slice(1, 51) || null };
}

const TEMP = () => `~${randomBytes(9).toString("hex")}`;

export async function convertLead(
  db: Db,
  actor: StaffActor,
  leadId: number,
  input: unknown,
  options: { ipAddress?: string | null } = {},
): Promise<ConversionResult> {
  const parsed = ConversionSchema.safeParse(input);
  if (!parsed.success) {
    const errors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? "_");
      (errors[key] ??= []).push(isMessageKey(issue.message) ? issue.message : "sales.error.invalid");
    }
    return { kind: "invalid", errors };
  }
  const v = parsed.data;
  const staffId = actor.staffId;
  const me = { id: staffId, teamId: actor.teamId, teamIds: actor.teamIds };

  if (v.contactMode === "create" && !scopeFor(actor, "contacts", "add"))
    return { kind: "forbidden", reason: "contacts" };
  if (v.companyMode === "create" && !scopeFor(actor, "companies", "add"))
    return { kind: "forbidden", reason: "companies" };
  if (v.contactMode === "link" && !scopeFor(actor, "contacts", "browse"))
    return { kind: "forbidden", reason: "contacts" };
  if (v.companyMode === "link" && !scopeFor(actor, "companies", "browse"))
    return { kind: "forbidden", reason: "companies" };

  return db.$transaction(
    async (tx): Promise<ConversionResult> => {
      await lockLead(tx, leadId);
      const lead = await tx.lead.findUnique({
        where: { id: leadId },
        include: {
          ...leadRightsInclude(staffId),
          opportunities: { select: { id: true }, orderBy: { id: "asc" }, take: 1 },
        },
      });
      if (!lead) return { kind: "not-found" as const };
      const permission = checkPermission(actor, lead);
      if (!permission.allowed) return { kind: "forbidden" as const, reason: permission.reason };
      // The opportunity owner: oneself, or someone inside one's opportunities × add scope.
      const ownerId = v.ownerId ?? staffId;
      if (v.createOpportunity && ownerId !== staffId) {
        const owner = await tx.staff.findUnique({ where: { id: ownerId }, select: { teamId: true, status: true } });
        const scope = scopeFor(actor, "opportunities", "add");
        if (!owner || owner.status === "inactive")
          return { kind: "invalid" as const, errors: { ownerId: ["sales.error.owner"] } };
        if (!inScope(scope, me, { ownerId, ownerTeamId: owner.teamId })) {
          return { kind: "invalid" as const, errors: { ownerId: ["sales.error.owner"] } };
        }
      }
      if (lead.convertedAt || lead.status === "converted") {
        return {
          kind: "already-converted" as const,
          opportunityId: lead.opportunities[0]?.id ?? null,
          contactId: lead.convertedContactId,
          companyId: lead.convertedCompanyId,
        };
      }

      // Company first: a new contact belongs to it.
      let companyId: number | null = null;
      // A linked record is read through the actor's scope (issue #13): an id outside it is "not found".
      if (v.companyMode === "link") {
        const scope = await recordScopeWhere(tx, actor, "company", "browse");
        const company = scope
          ? await tx.company.findFirst({ where: { AND: [{ id: v.companyId! }, scope] }, select: { id: true } })
          : null;
        if (!company) return { kind: "invalid" as const, errors: { companyId: ["sales.error.pickCompany"] } };
        companyId = company.id;
      } else if (v.companyMode === "create") {
        if (!lead.companyName)
          return { kind: "invalid" as const, errors: { companyMode: ["sales.error.noCompanyData"] } };
        companyId = await createCompany(tx, lead, staffId);
      }

      let contactId: number | null = null;
      if (v.contactMode === "link") {
        const scope = await recordScopeWhere(tx, actor, "contact", "browse");
        const contact = scope
          ? await tx.contact.findFirst({ where: { AND: [{ id: v.contactId! }, scope] }, select: { id: true } })
          : null;
        if (!contact) return { kind: "invalid" as const, errors: { contactId: ["sales.error.pickContact"] } };
        contactId = contact.id;
      } else if (v.contactMode === "create") {
        if (!lead.contactName)
          return { kind: "invalid" as const, errors: { contactMode: ["sales.error.noContactData"] } };
        contactId = await createContact(tx, lead, companyId, staffId);
      }

      let opportunityId: number | null = null;
      if (v.createOpportunity) {
        const items = await conversionLineItems(tx, lead.id);
        const amount = v.amount ? v.amount.replace(/,/g, "") : sumLineItems(items);
        const closed = v.stage === "won" || v.stage === "lost";
        const opp = await tx.opportunity.create({
          data: {
            number: TEMP(),
            name: v.opportunityName,
            companyId,
            contactId,
            leadId: lead.id,
            campaignId: lead.campaignId,
            stage: v.stage,
            amount,
            probability: v.stage === "won" ? 100 : v.stage === "lost" ? 0 : v.probability,
            expectedCloseDate: v.expectedCloseDate ? new Date(`${v.expectedCloseDate}T00:00:00Z`) : null,
            ownerId,
            closedAt: closed ? new Date() : null,
          },
          select: { id: true },
        });
        opportunityId = opp.id;
        await tx.$executeRaw`UPDATE \`Opportunity\` SET \`number\` = ${await nextRecordNumber(tx, "opportunity")} WHERE \`id\` = ${opp.id}`;
        if (items.length > 0) {
          await tx.opportunityItem.createMany({
            data: items.map((i) => ({
              opportunityId: opp.id,
              productId: i.productId,
              sku: i.sku,
              name: i.name,
              unit: i.unit ?? null,
              quantity: i.quantity,
              unitPrice: i.unitPrice,
              lineTotal: i.total,
            })),
          });
        }
      }

      // New or linked records become findable in global search (the job reconciles with the DB).
      if (companyId !== null) await enqueueSearchSync(tx, "companies", [companyId]);
      if (contactId !== null) await enqueueSearchSync(tx, "contacts", [contactId]);
      if (opportunityId !== null) await enqueueSearchSync(tx, "opportunities", [opportunityId]);
      await enqueueSearchSync(tx, "leads", [lead.id]);

      const now = new Date();
      await tx.lead.update({
        where: { id: lead.id },
        data: { status: "converted", convertedAt: now, convertedContactId: contactId, convertedCompanyId: companyId },
      });
      const detail = {
        opportunityId,
        contactId,
        companyId,
        contactMode: v.contactMode,
        companyMode: v.companyMode,
        from: lead.status,
      };
      await tx.leadEvent.create({
        data: { leadId: lead.id, type: "converted", actorType: "staff", actorId: staffId, detail, createdAt: now },
      });
      await recordAudit(tx, {
        actor: { type: "staff", id: staffId },
        action: "lead.converted",
        entityType: "Lead",
        entityId: lead.id,
        before: { status: lead.status },
        after: detail,
        ipAddress: options.ipAddress ?? null,
      });
      return { kind: "converted" as const, opportunityId, contactId, companyId };
    },
    { isolationLevel: Prisma.TransactionIsolationLevel.ReadCommitted, maxWait: 10_000, timeout: 20_000 },
  );
}

type LeadRow = NonNullable<Awaited<ReturnType<Tx["lead"]["findUnique"]>>>;

async function createCompany(tx: Tx, lead: LeadRow, staffId: number): Promise<number> {
  const name = lead.companyName!;
  const company = await tx.company.create({
    data: {
      number: TEMP(),
      name,
      nameKey: companyNameKey(name),
      province: lead.companyProvince,
      city: lead.companyCity,
      address: lead.companyAddress,
      phone: lead.companyPhone,
      fax: lead.companyFax,
      phoneKey: phoneKey(lead.companyPhone),
      type: "潜在客户",
      ownerId: staffId,
    },
    select: { id: true },
  });
  await tx.$executeRaw`UPDATE \`Company\` SET \`number\` = ${await nextRecordNumber(tx, "company")} WHERE \`id\` = ${company.id}`;
  return company.id;
}

async function createContact(tx: Tx, lead: LeadRow, companyId: number | null, staffId: number): Promise<number> {
  const fullName = lead.contactName!.trim();
  const contact = await tx.contact.create({
    data: {
      number: TEMP(),
      ...splitName(fullName),
      fullName: fullName.slice(0, 100),
      title: lead.contactTitle,
      companyId,
      province: lead.companyProvince,
      city: lead.companyCity,
      phone: lead.contactPhone,
      mobile: lead.contactMobile,
      fax: lead.contactFax,
      email: lead.contactEmail,
      emailKey: emailKey(lead.contactEmail),
      phoneKey: contactPhoneKey({ mobile: lead.contactMobile, phone: lead.contactPhone }),
      ownerId: staffId,
    },
    select: { id: true },
  });
  await tx.$executeRaw`UPDATE \`Contact\` SET \`number\` = ${await nextRecordNumber(tx, "contact")} WHERE \`id\` = ${contact.id}`;
  return contact.id;
}
