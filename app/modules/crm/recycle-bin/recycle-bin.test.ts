import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { recordScopeWhere } from "#app/modules/crm/access/record-scope.server.ts";
import {
  actorWith,
  makeCompany,
  makeContact,
  makeLead,
  makeOpportunity,
  makeStaff,
} from "#app/modules/crm/merge/test-world.ts";
import { listOpportunities } from "#app/modules/crm/opportunities.server.ts";
import { leadScopeWhere } from "#app/modules/leads/record/lead-workspace.server.ts";
import { setSetting } from "#app/modules/settings/settings.server.ts";
import { documentSources } from "#search/documents.server.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { mayUseRecycleBin } from "./bin-permission.ts";
import { purgeExpired } from "./recycle-bin-jobs.server.ts";
import { listBin, moveToBin, purgeFromBin, restoreFromBin } from "./recycle-bin.server.ts";

beforeEach(() => resetDatabase());

async function setup() {
  const team = await db.team.create({ data: { name: "销售二部" } });
  const rep = await makeStaff(db, "刘洋", team.id);
  const manager = await makeStaff(db, "陈静", team.id);
  const repActor = actorWith(rep, [
    ["companies", "browse", "own"],
    ["companies", "delete", "own"],
    ["contacts", "browse", "own"],
    ["contacts", "delete", "own"],
    ["leads", "browse", "own"],
    ["leads", "delete", "own"],
    ["opportunities", "browse", "own"],
    ["opportunities", "delete", "own"],
  ]);
  const managerActor = actorWith(manager, [
    ["companies", "delete", "all"],
    ["contacts", "delete", "all"],
    ["leads", "recycle", "all"],
    ["opportunities", "delete", "all"],
  ]);
  return { rep, manager, repActor, managerActor };
}

describe("recycle bin", () => {
  it("bin permission: a recycle grant decides, else delete with scope all", () => {
    const s = { id: 1, teamId: null };
    expect(mayUseRecycleBin(actorWith(s, [["contacts", "delete", "own"]]), "contacts")).toBe(false);
    expect(mayUseRecycleBin(actorWith(s, [["contacts", "delete", "all"]]), "contacts")).toBe(true);
    expect(mayUseRecycleBin(actorWith(s, [["contacts", "recycle", "team"]]), "contacts")).toBe(true);
    expect(mayUseRecycleBin(actorWith(s, [], true), "leads")).toBe(true);
  });

  it("a binned company and its contacts vanish from scope and search, and restore brings both back", async () => {
    const w = await setup();
    const company = await makeCompany(db, "西安星辰新材料", w.rep.id);
    const c1 = await makeContact(db, "孙一", w.rep.id, { companyId: company.id });
    const c2 = await makeContact(db, "孙二", w.rep.id, { companyId: company.id });
    const earlier = await makeContact(db, "孙三", w.rep.id, { companyId: company.id });
    const note = await db.note.create({ data: { body: "拜访记录", companyId: company.id } });
    // A contact binned on its own earlier is not restored with the company.
    expect((await moveToBin(db, w.repActor, { entity: "contact", id: earlier.id })).status).toBe("ok");

    const binned = await moveToBin(db, w.repActor, { entity: "company", id: company.id, withContacts: true });
    expect(binned).toMatchObject({ status: "ok", value: { contacts: 2 } });
    const scope = await recordScopeWhere(db, w.repActor, "contact", "browse");
    expect(await db.contact.count({ where: { AND: [scope!, { id: { in: [c1.id, c2.id] } }] } })).toBe(0);
    expect(await documentSources.companies.load(db, [company.id])).toEqual([]);
    expect(await documentSources.contacts.load(db, [c1.id, c2.id])).toEqual([]);
    expect(await db.searchChange.count({ where: { op: "upsert" } })).toBeGreaterThan(0);
    expect((await db.note.findUniqueOrThrow({ where: { id: note.id } })).companyId).toBe(company.id);

    // The rep (delete own) cannot open the bin; the manager can.
    expect(await listBin(db, w.repActor, "company")).toBeNull();
    expect((await restoreFromBin(db, w.repActor, "company", company.id)).status).toBe("forbidden");
    const page = await listBin(db, w.managerActor, "company");
    expect(page?.rows.map((r) => [r.label, r.deletedBy])).toEqual([["西安星辰新材料", "刘洋"]]);

    expect(await restoreFromBin(db, w.managerActor, "company", company.id)).toMatchObject({
      status: "ok",
      value: { contacts: 2 },
    });
    const back = await db.contact.findMany({ where: { companyId: company.id, deletedAt: null }, select: { id: true } });
    expect(back.map((c) => c.id).sort()).toEqual([c1.id, c2.id].sort());
    expect(await documentSources.companies.load(db, [company.id])).toHaveLength(1);
    expect(await db.auditLog.count({ where: { action: { in: ["company.binned", "company.restored"] } } })).toBe(2);
  });

  it("leads and opportunities in the bin leave their lists and pages", async () => {
    const w = await setup();
    const lead = await makeLead(db, w.rep.id);
    const opp = await makeOpportunity(db, w.rep.id);
    expect((await moveToBin(db, w.repActor, { entity: "lead", id: lead.id })).status).toBe("ok");
    expect((await moveToBin(db, w.repActor, { entity: "opportunity", id: opp.id })).status).toBe("ok");
    expect(await db.lead.count({ where: { AND: [leadScopeWhere(w.repActor)!, { id: lead.id }] } })).toBe(0);
    expect((await listOpportunities(db, w.repActor)).items).toHaveLength(0);
    expect(await documentSources.leads.load(db, [lead.id])).toEqual([]);
    expect(await documentSources.opportunities.load(db, [opp.id])).toEqual([]);
    // Someone else's record: not found, nothing binned.
    const other = await makeLead(db, w.manager.id);
    expect((await moveToBin(db, w.repActor, { entity: "lead", id: other.id })).status).toBe("not-found");
    expect((await db.lead.findUniqueOrThrow({ where: { id: other.id } })).deletedAt).toBeNull();
  });

  it("purge refuses records history must keep, with the reason, and purges the rest", async () => {
    const w = await setup();
    const kept = await makeCompany(db, "有合约的公司", w.rep.id);
    await db.serviceContract.create({
      data: { number: "SC-1", name: "年度维保", companyId: kept.id, startDate: new Date(), endDate: new Date() },
    });
    const won = await makeOpportunity(db, w.rep.id, { stage: "won" });
    const contactWithWin = await makeContact(db, "钱七", w.rep.id);
    await makeOpportunity(db, w.rep.id, { stage: "won", contactId: contactWithWin.id });
    const campaign = await db.campaign.create({ data: { name: "展会", ownerId: w.rep.id } });
    await db.campaignExpense.create({
      data: { campaignId: campaign.id, amount: 100, description: "展位", spentOn: new Date() },
    });
    const lead = await makeLead(db, w.rep.id, { campaignId: campaign.id });
    const plain = await makeContact(db, "周八", w.rep.id);
    const plainNote = await db.note.create({ data: { body: "x", contactId: plain.id } });
    for (const [entity, id] of [
      ["company", kept.id],
      ["opportunity", won.id],
      ["contact", contactWithWin.id],
      ["lead", lead.id],
      ["contact", plain.id],
    ] as const) {
      expect((await moveToBin(db, w.repActor, { entity, id })).status).toBe("ok");
    }
    const admin = actorWith(w.manager, [], true);
    expect(await purgeFromBin(db, admin, "company", kept.id)).toMatchObject({
      message: "recordAdmin.bin.refuse.contracts",
    });
    expect(await purgeFromBin(db, admin, "opportunity", won.id)).toMatchObject({
      message: "recordAdmin.bin.refuse.wonOpportunity",
    });
    expect(await purgeFromBin(db, admin, "contact", contactWithWin.id)).toMatchObject({
      message: "recordAdmin.bin.refuse.wonOpportunity",
    });
    expect(await purgeFromBin(db, admin, "lead", lead.id)).toMatchObject({
      message: "recordAdmin.bin.refuse.campaignExpenses",
    });
    expect(await db.company.count({ where: { id: kept.id } })).toBe(1);
    expect((await purgeFromBin(db, admin, "contact", plain.id)).status).toBe("ok");
    expect(await db.contact.count({ where: { id: plain.id } })).toBe(0);
    expect(await db.note.count({ where: { id: plainNote.id } })).toBe(0);
    // A live record cannot be purged.
    const live = await makeContact(db, "吴九", w.rep.id);
    expect((await purgeFromBin(db, admin, "contact", live.id)).status).toBe("not-found");
  });

  it("the automatic purge takes records older than the setting and keeps refused ones", async () => {
    const w = await setup();
    const old = await makeContact(db, "旧人", w.rep.id);
    const recent = await makeContact(db, "新人", w.rep.id);
    const oldWin = await makeOpportunity(db, w.rep.id, { stage: "won" });
    const day = 86_400_000;
    await db.contact.update({ where: { id: old.id }, data: { deletedAt: new Date(Date.now() - 100 * day) } });
    await db.contact.update({ where: { id: recent.id }, data: { deletedAt: new Date(Date.now() - 10 * day) } });
    await db.opportunity.update({ where: { id: oldWin.id }, data: { deletedAt: new Date(Date.now() - 100 * day) } });
    expect(await purgeExpired(db)).toMatchObject({ purged: 1, kept: 1 });
    expect(await db.contact.count({ where: { id: old.id } })).toBe(0);
    expect(await db.contact.count({ where: { id: recent.id } })).toBe(1);
    await setSetting(db, "recycleBin.retentionDays", 5, null);
    expect(await purgeExpired(db)).toMatchObject({ purged: 1 });
    await setSetting(db, "recycleBin.retentionDays", 0, null);
    expect(await purgeExpired(db)).toMatchObject({ purged: 0, kept: 0 });
  });
});
