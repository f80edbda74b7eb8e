import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { createTestLead } from "#tests/factories/lead-inbox.ts";
import { createSalesCompany, createSalesContact, createSalesStaff } from "#tests/factories/sales.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { convertLeadAs, getLeadConversionView } from "./lead-conversion-view.server.ts";

// Issue #13, bypass 2: conversion linked any contact/company by id (`contactPick=existing-<id>`), so a
// rep with contacts scope "own" converted a throw-away lead onto someone else's contact and read its
// name, e-mail and mobile on the new opportunity; the page's suggestions listed other owners' records.

const PERSON = { contactName: "刘强", contactEmail: "liu.qiang@hd-logistics.cn", contactMobile: "13912345678" };
const FIRM = "华东物流有限公司";

async function setup() {
  const rep = await createSalesStaff(db, "sales");
  const otherRep = await createSalesStaff(db, "sales");
  const lead = await createTestLead(db, { ownerId: rep.staff.id, ...PERSON, companyName: FIRM });
  const foreignCompany = await createSalesCompany(db, { name: FIRM, ownerId: otherRep.staff.id });
  const foreignContact = await createSalesContact(db, {
    fullName: "刘强",
    email: PERSON.contactEmail,
    mobile: PERSON.contactMobile,
    ownerId: otherRep.staff.id,
  });
  return { rep, otherRep, lead, foreignCompany, foreignContact };
}

const opportunityOnly = { createOpportunity: "on", opportunityName: "试探", stage: "qualification", probability: "20" };

describe("lead conversion only reaches contacts and companies inside the actor's scope", () => {
  beforeEach(() => resetDatabase());

  it("refuses to link another owner's contact or company, and changes nothing", async () => {
    const { rep, lead, foreignCompany, foreignContact } = await setup();

    const viaContact = await convertLeadAs(db, rep.actor, lead.id, {
      ...opportunityOnly,
      contactPick: `existing-${foreignContact.id}`,
      companyPick: "skip",
    });
    expect(viaContact.status).not.toBe("ok");
    const viaCompany = await convertLeadAs(db, rep.actor, lead.id, {
      ...opportunityOnly,
      contactPick: "skip",
      companyPick: `existing-${foreignCompany.id}`,
    });
    expect(viaCompany.status).not.toBe("ok");

    expect(await db.opportunity.count({ where: { leadId: lead.id } })).toBe(0);
    expect((await db.lead.findUniqueOrThrow({ where: { id: lead.id } })).status).not.toBe("converted");
  });

  it("does not list other owners' records as suggestions", async () => {
    const { rep, lead, foreignCompany, foreignContact } = await setup();
    const view = await getLeadConversionView(db, rep.actor, lead.id);
    expect(view).not.toBeNull();
    expect(view!.suggestions.contacts.map((c) => c.id)).not.toContain(foreignContact.id);
    expect(view!.suggestions.companies.map((c) => c.id)).not.toContain(foreignCompany.id);
  });

  it("still suggests and links the actor's own records (positive control)", async () => {
    const { rep, lead } = await setup();
    const ownCompany = await createSalesCompany(db, { name: FIRM, ownerId: rep.staff.id });
    const ownContact = await createSalesContact(db, {
      fullName: "刘强",
      email: PERSON.contactEmail,
      mobile: PERSON.contactMobile,
      ownerId: rep.staff.id,
    });
    const view = await getLeadConversionView(db, rep.actor, lead.id);
    expect(view!.suggestions.contacts.map((c) => c.id)).toContain(ownContact.id);
    expect(view!.suggestions.companies.map((c) => c.id)).toContain(ownCompany.id);

    const result = await convertLeadAs(db, rep.actor, lead.id, {
      ...opportunityOnly,
      contactPick: `existing-${ownContact.id}`,
      companyPick: `existing-${ownCompany.id}`,
    });
    expect(result.status).toBe("ok");
    const converted = await db.lead.findUniqueOrThrow({ where: { id: lead.id } });
    expect(converted).toMatchObject({ convertedContactId: ownContact.id, convertedCompanyId: ownCompany.id });
  });
});
