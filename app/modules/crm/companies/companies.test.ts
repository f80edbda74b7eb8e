import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { parseForm } from "#app/lib/forms.server.ts";
import { mergeGrants, type Scope } from "#app/modules/auth/permissions.ts";
import { staffActorFor } from "#app/modules/auth/staff-actor.ts";
import { EmbeddedSearchEngine } from "#search/embedded-engine.server.ts";
import { reindexAll } from "#search/reindex.server.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { listCompanies } from "./company-list.server.ts";
import { CompanyFormSchema, type CompanyFormInput } from "./company-form.ts";
import { createCompany, updateCompany } from "./company-write.server.ts";
import { getCompanyWorkspace } from "./company-workspace.server.ts";
import {
  getCompanyActivity,
  getCompanyFigures,
  getCompanyOrganisation,
  getCompanyPeople,
  getCompanyService,
  listCompanyAttachments,
  listCompanyContacts,
  listCompanyLeads,
  listCompanyOpportunities,
} from "./company-tabs.server.ts";

beforeEach(() => resetDatabase());

let serial = 0;

async function world() {
  const teamA = await db.team.create({ data: { name: "华北" } });
  const teamB = await db.team.create({ data: { name: "华南" } });
  const mk = (name: string, teamId: number) =>
    db.staff.create({ data: { email: `${name}-${++serial}@x.test`, name, passwordHash: "x", teamId } });
  const me = await mk("我", teamA.id);
  const mate = await mk("同事", teamA.id);
  const other = await mk("外人", teamB.id);
  const company = (ownerId: number, name: string, extra: Record<string, unknown> = {}) =>
    db.company.create({
      data: { number: `TC${String(++serial).padStart(6, "0")}`, name, nameKey: name, ownerId, ...extra },
    });
  const mine = await company(me.id, "甲公司", { province: "广东省", city: "深圳市", type: "partner" });
  const mates = await company(mate.id, "乙公司", { province: "广东", city: "广州" });
  const others = await company(other.id, "丙公司", { province: "北京市", city: "北京市" });
  const binned = await company(me.id, "丁公司", { deletedAt: new Date() });
  return { teamA, teamB, me, mate, other, mine, mates, others, binned };
}

function actorWith(
  staff: { id: number; teamId: number | null },
  scope: Scope,
  extra: Parameters<typeof mergeGrants>[0] = [],
) {
  return staffActorFor(staff, {
    grants: mergeGrants([
      { module: "companies", action: "browse", scope },
      { module: "companies", action: "add", scope },
      { module: "companies", action: "modify", scope },
      ...extra,
    ]),
  });
}

/** The form as the route parses it (Conform coercion: "on" ticks a checkbox, "" is absent). */
async function form(values: Record<string, string>): Promise<CompanyFormInput> {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.set(k, v);
  const parsed = await parseForm(data, CompanyFormSchema);
  if (parsed.status !== "ok") throw new Error(JSON.stringify(parsed.fieldErrors));
  return parsed.value;
}

const names = (rows: Array<{ name: string }>) => rows.map((r) => r.name).sort();

describe("company list", () => {
  it("applies own / team / all scope and never shows the bin", async () => {
    const w = await world();
    expect(names((await listCompanies(db, actorWith(w.me, "own"))).items)).toEqual(["甲公司"]);
    expect(names((await listCompanies(db, actorWith(w.me, "team"))).items)).toEqual(["乙公司", "甲公司"]);
    const all = await listCompanies(db, actorWith(w.me, "all"));
    expect(names(all.items)).toEqual(["丙公司", "乙公司", "甲公司"]);
    expect(all.total).toEqual({ count: 3, capped: false });
    expect((await listCompanies(db, staffActorFor(w.me))).items).toEqual([]);
  });

  it("filters by province (full and short names), city, type, owner and q; sorts by name", async () => {
    const w = await world();
    const all = actorWith(w.me, "all");
    const byProvince = await listCompanies(db, all, { filters: { province: "44" } });
    expect(names(byProvince.items)).toEqual(["乙公司", "甲公司"]);
    expect(names((await listCompanies(db, all, { filters: { province: "44", city: "4403" } })).items)).toEqual([
      "甲公司",
    ]);
    expect(names((await listCompanies(db, all, { filters: { type: "partner" } })).items)).toEqual(["甲公司"]);
    // Older rows carry the seed's free text (最终用户): the code filter finds them too.
    await db.company.update({ where: { id: w.others.id }, data: { type: "最终用户", industry: "IT业" } });
    expect(names((await listCompanies(db, all, { filters: { type: "end_user" } })).items)).toEqual(["丙公司"]);
    expect(names((await listCompanies(db, all, { filters: { industry: "it" } })).items)).toEqual(["丙公司"]);
    expect(names((await listCompanies(db, all, { filters: { ownerId: w.other.id } })).items)).toEqual(["丙公司"]);
    expect(names((await listCompanies(db, all, { filters: { q: "丙" } })).items)).toEqual(["丙公司"]);
    expect(names((await listCompanies(db, all, { filters: { q: w.mates.number.toLowerCase() } })).items)).toEqual([
      "乙公司",
    ]);
    const sorted = await listCompanies(db, all, { sort: { key: "name", dir: "asc" } });
    expect(sorted.items.map((r) => r.name)).toEqual([...sorted.items.map((r) => r.name)].sort());
    // A province filter inside scope: "own" still sees only its own.
    expect(names((await listCompanies(db, actorWith(w.me, "own"), { filters: { province: "44" } })).items)).toEqual([
      "甲公司",
    ]);
  });

  it("finds text anywhere in the name through the search index, within scope", async () => {
    const w = await world();
    await db.company.update({
      where: { id: w.others.id },
      data: { name: "北京丙星科技有限公司", nameKey: "北京丙星科技" },
    });
    const engine = new EmbeddedSearchEngine();
    await reindexAll({ engine, log: () => {} });
    const all = actorWith(w.me, "all");
    const found = await listCompanies(db, all, { filters: { q: "丙星" }, engine });
    expect(names(found.items)).toEqual(["北京丙星科技有限公司"]);
    // The index knows the company, but the own scope does not reach it.
    expect((await listCompanies(db, actorWith(w.me, "own"), { filters: { q: "丙星" }, engine })).items).toEqual([]);
  });

  it("pages within the capped count", async () => {
    const w = await world();
    const page = await listCompanies(db, actorWith(w.me, "all"), { take: 2, page: 99 });
    expect(page.page).toBe(2);
    expect(page.pageCount).toBe(2);
    expect(page.items).toHaveLength(1);
  });
});

describe("company workspace and tabs", () => {
  it("loads a company only inside the actor's scope (404 otherwise, the bin included)", async () => {
    const w = await world();
    const own = actorWith(w.me, "own");
    const team = actorWith(w.me, "team");
    expect((await getCompanyWorkspace(db, own, w.mine.id))?.company.name).toBe("甲公司");
    expect(await getCompanyWorkspace(db, own, w.mates.id)).toBeNull();
    expect((await getCompanyWorkspace(db, team, w.mates.id))?.capabilities.canModify).toBe(true);
    expect(await getCompanyWorkspace(db, team, w.others.id)).toBeNull();
    expect(await getCompanyWorkspace(db, actorWith(w.me, "all"), w.binned.id)).toBeNull();
    // Every tab loader refuses the same out-of-scope id.
    const loaders = [
      getCompanyFigures,
      listCompanyContacts,
      getCompanyOrganisation,
      listCompanyLeads,
      listCompanyOpportunities,
      getCompanyPeople,
      getCompanyActivity,
      listCompanyAttachments,
    ];
    for (const load of loaders) expect(await load(db, own, w.others.id)).toBeNull();
    expect(await getCompanyService(db, own, w.others.id, "assets")).toBeNull();
  });

  it("read-only without modify; shares give browse", async () => {
    const w = await world();
    const reader = staffActorFor(w.me, {
      grants: mergeGrants([{ module: "companies", action: "browse", scope: "own" }]),
    });
    expect((await getCompanyWorkspace(db, reader, w.mine.id))?.capabilities.canModify).toBe(false);
    await db.recordShare.create({ data: { entityType: "company", recordId: w.others.id, staffId: w.me.id } });
    expect((await getCompanyWorkspace(db, reader, w.others.id))?.company.name).toBe("丙公司");
  });

  it("tabs list related records within their own module's scope", async () => {
    const w = await world();
    const actor = actorWith(w.me, "own", [
      { module: "opportunities", action: "browse", scope: "own" },
      { module: "contacts", action: "browse", scope: "own" },
    ]);
    const opp = (ownerId: number, name: string, stage: "won" | "proposal", amount: number) =>
      db.opportunity.create({
        data: {
          number: `TO-${++serial}`,
          name,
          companyId: w.mine.id,
          ownerId,
          stage,
          amount,
          closedAt: stage === "won" ? new Date() : null,
        },
      });
    await opp(w.me.id, "我的机会", "proposal", 1000);
    await opp(w.me.id, "赢单", "won", 5000);
    await opp(w.other.id, "别人的机会", "proposal", 9999);
    await db.contact.create({
      data: { number: "TK-1", fullName: "张三", familyName: "张", companyId: w.mine.id, ownerId: w.me.id },
    });
    await db.contact.create({
      data: {
        number: "TK-2",
        fullName: "李四",
        familyName: "李",
        companyId: w.mine.id,
        ownerId: w.other.id,
      },
    });
    const opps = await listCompanyOpportunities(db, actor, w.mine.id);
    expect(opps?.opportunities?.map((o) => o.name).sort()).toEqual(["我的机会", "赢单"]);
    const figures = await getCompanyFigures(db, actor, w.mine.id);
    expect(figures?.openOpportunities).toEqual({ count: 1, amount: "1000.00" });
    expect(figures?.wonThisYear).toEqual({ count: 1, amount: "5000.00" });
    expect(figures?.openRequests).toBeNull(); // no service grant
    const contacts = await listCompanyContacts(db, actor, w.mine.id);
    expect(contacts?.contacts?.map((c) => c.fullName)).toEqual(["张三"]);
    // Without the leads grant the tab says "no access" (null), not "none".
    expect((await listCompanyLeads(db, actor, w.mine.id))?.leads).toBeNull();
  });

  it("the organisation tree shows visible subsidiaries and counts hidden ones", async () => {
    const w = await world();
    await db.company.update({ where: { id: w.mates.id }, data: { parentId: w.mine.id } });
    await db.company.update({ where: { id: w.others.id }, data: { parentId: w.mine.id } });
    const org = await getCompanyOrganisation(db, actorWith(w.me, "team"), w.mine.id);
    expect(org?.tree.children.map((c) => c.name)).toEqual(["乙公司"]);
    expect(org?.tree.hidden).toBe(1);
    const child = await getCompanyOrganisation(db, actorWith(w.me, "team"), w.mates.id);
    expect(child?.ancestors).toEqual([{ id: w.mine.id, number: w.mine.number, name: "甲公司" }]);
  });
});

describe("create and update", () => {
  it("creates with a number, region names, owner's team and an audit row", async () => {
    const w = await world();
    const actor = actorWith(w.me, "own");
    const result = await createCompany(
      db,
      actor,
      await form({
        name: "深圳新星电子有限公司",
        provinceCode: "44",
        cityCode: "4403",
        districtCode: "440305",
        type: "customer_agent",
      }),
    );
    expect(result.status).toBe("ok");
    if (result.status !== "ok") return;
    expect(result.value.number).toMatch(/^ACNT\d+$/);
    const row = await db.company.findUniqueOrThrow({ where: { id: result.value.id } });
    expect(row).toMatchObject({
      province: "广东省",
      city: "深圳市",
      district: "南山区",
      regionCode: "440305",
      ownerId: w.me.id,
      teamId: w.teamA.id,
      nameKey: "深圳新星电子",
    });
    const audit = await db.auditLog.findFirst({ where: { entityType: "company", entityId: String(row.id) } });
    expect(audit?.action).toBe("company.created");
  });

  it("refuses regions that do not nest, unknown codes and a parent it may not see", async () => {
    const w = await world();
    const actor = actorWith(w.me, "own");
    const bad = await createCompany(db, actor, await form({ name: "错位公司", provinceCode: "44", cityCode: "1101" }));
    expect(bad).toMatchObject({ status: "invalid", fieldErrors: { cityCode: ["companies.validation.region"] } });
    const unknown = await createCompany(db, actor, await form({ name: "错位公司", provinceCode: "99" }));
    expect(unknown).toMatchObject({
      status: "invalid",
      fieldErrors: { provinceCode: ["companies.validation.region"] },
    });
    const hiddenParent = await createCompany(db, actor, await form({ name: "子公司", parentNumber: w.others.number }));
    expect(hiddenParent).toMatchObject({ fieldErrors: { parentNumber: ["companies.validation.parentMissing"] } });
    const notMine = await createCompany(db, actor, await form({ name: "子公司", ownerId: String(w.other.id) }));
    expect(notMine).toMatchObject({ fieldErrors: { ownerId: ["companies.validation.owner"] } });
    expect(await db.company.count()).toBe(4);
  });

  it("warns about duplicates (outside scope: name and owner only) until confirmed", async () => {
    const w = await world();
    await db.company.update({
      where: { id: w.others.id },
      data: { name: "北京丙星科技有限公司", nameKey: "北京丙星科技" },
    });
    const actor = actorWith(w.me, "own");
    const first = await createCompany(db, actor, await form({ name: "北京丙星科技有限公司" }));
    expect(first.status).toBe("duplicates");
    if (first.status !== "duplicates") return;
    const hit = first.candidates.find((c) => c.id === w.others.id);
    expect(hit).toMatchObject({
      visible: false,
      name: "北京丙星科技有限公司",
      ownerName: "外人",
      number: null,
      evidence: [],
    });
    const again = await createCompany(db, actor, await form({ name: "北京丙星科技有限公司", confirmDuplicate: "on" }));
    expect(again.status).toBe("ok");
  });

  it("updates within modify scope, refuses cycles and audits only changed fields", async () => {
    const w = await world();
    const actor = actorWith(w.me, "team");
    expect((await updateCompany(db, actor, w.others.id, await form({ name: "x" }))).status).toBe("not-found");
    const child = await updateCompany(
      db,
      actor,
      w.mates.id,
      await form({ name: "乙公司", parentNumber: w.mine.number }),
    );
    expect(child.status).toBe("ok");
    const cycle = await updateCompany(
      db,
      actor,
      w.mine.id,
      await form({ name: "甲公司", parentNumber: w.mates.number }),
    );
    expect(cycle).toMatchObject({ fieldErrors: { parentNumber: ["companies.validation.parentCycle"] } });
    const self = await updateCompany(db, actor, w.mine.id, await form({ name: "甲公司", parentNumber: w.mine.number }));
    expect(self).toMatchObject({ fieldErrors: { parentNumber: ["companies.validation.parentCycle"] } });
    const audit = await db.auditLog.findFirst({ where: { entityType: "company", entityId: String(w.mates.id) } });
    expect(audit?.after).toMatchObject({ parentId: String(w.mine.id) });
    expect(Object.keys(audit?.after as object)).not.toContain("name");
  });

  it("keeps a legacy free-text type but refuses a new unknown one", async () => {
    const w = await world();
    await db.company.update({ where: { id: w.mine.id }, data: { type: "最终用户" } });
    const actor = actorWith(w.me, "own");
    expect((await updateCompany(db, actor, w.mine.id, await form({ name: "甲公司", type: "最终用户" }))).status).toBe(
      "ok",
    );
    const bad = await updateCompany(db, actor, w.mine.id, await form({ name: "甲公司", type: "随便写" }));
    expect(bad).toMatchObject({ fieldErrors: { type: ["validation.choose"] } });
  });
});
