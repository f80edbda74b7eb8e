import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { mergeGrants, type Action, type Scope } from "#app/modules/auth/permissions.ts";
import { staffActorFor } from "#app/modules/auth/staff-actor.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { findContactDuplicates } from "./contact-duplicates.server.ts";
import { contactList } from "./contact-list-query.ts";
import { listContacts, parseCursor } from "./contact-list.server.ts";
import {
  contactWorkAccess,
  getContactActivity,
  getContactAttachments,
  getContactCompanyHistory,
  getContactOrgChart,
  getContactRelated,
  getContactWorkspace,
} from "./contact-workspace.server.ts";
import { createContact, updateContact } from "./contacts.server.ts";

beforeEach(() => resetDatabase());

const ACTIONS: Action[] = ["browse", "add", "modify"];

function actorOf(staff: { id: number; teamId: number | null }, scope: Scope, extra: Action[] = []) {
  return staffActorFor(staff, {
    grants: mergeGrants([
      ...[...ACTIONS, ...extra].map((action) => ({ module: "contacts", action, scope })),
      { module: "companies", action: "browse", scope: "all" },
    ]),
  });
}

async function world() {
  const teamA = await db.team.create({ data: { name: "华东" } });
  const teamB = await db.team.create({ data: { name: "华南" } });
  const mk = (name: string, teamId: number) =>
    db.staff.create({ data: { email: `${name}@x.test`, name, passwordHash: "x", teamId } });
  const me = await mk("王磊", teamA.id);
  const mate = await mk("李娜", teamA.id);
  const other = await mk("陈静", teamB.id);
  const company = await db.company.create({
    data: { number: "ACNT-1", name: "星辰科技有限公司", nameKey: "星辰科技" },
  });
  const company2 = await db.company.create({
    data: { number: "ACNT-2", name: "远航物流有限公司", nameKey: "远航物流" },
  });
  return { me, mate, other, company, company2 };
}

async function make(ownerActor: ReturnType<typeof actorOf>, input: Record<string, unknown>) {
  const result = await createContact(db, ownerActor, input);
  if (result.status !== "ok") throw new Error(`create failed: ${JSON.stringify(result)}`);
  return result.value.id;
}

describe("createContact / updateContact", () => {
  it("creates with every field, numbers it, keeps match keys and audits", async () => {
    const w = await world();
    const me = actorOf(w.me, "own");
    const result = await createContact(db, me, {
      familyName: "刘",
      givenName: "强",
      salutation: "先生",
      title: "采购经理",
      department: "采购部",
      companyMode: "known",
      companyId: String(w.company.id),
      mobile: "+86 138-0013-8000",
      phone: "0755-8888 1234",
      homePhone: "0755-12345678",
      fax: "0755-87654321",
      email: "Liu@XYZ.com",
      email2: "liuqiang@home.cn",
      provinceCode: "44",
      cityCode: "4403",
      districtCode: "440305",
      address: "科技园 1 号",
      birthday: "1985-04-12",
      preferredChannel: "wechat",
      optOutEmail: true,
    });
    expect(result.status).toBe("ok");
    if (result.status !== "ok") return;
    expect(result.value.number).toMatch(/^CONT\d+/);
    const row = await db.contact.findUniqueOrThrow({ where: { id: result.value.id } });
    expect(row).toMatchObject({
      fullName: "刘强",
      emailKey: "liu@xyz.com",
      phoneKey: "13800138000",
      ownerId: w.me.id,
      companyId: w.company.id,
      noCompany: false,
      province: "广东省",
      city: "深圳市",
      district: "南山区",
      regionCode: "440305",
      optOutEmail: true,
      optOutSms: false,
      preferredChannel: "wechat",
    });
    expect(row.birthday?.toISOString().slice(0, 10)).toBe("1985-04-12");
    const audit = await db.auditLog.findFirst({ where: { entityType: "Contact", entityId: String(row.id) } });
    expect(audit?.action).toBe("contact.created");
    const second = await createContact(db, me, { familyName: "Smith", givenName: "Anna", companyMode: "none" });
    expect(second.status).toBe("ok");
    if (second.status === "ok") {
      expect(second.value.number).not.toBe(result.value.number);
      const anna = await db.contact.findUniqueOrThrow({ where: { id: second.value.id } });
      expect(anna).toMatchObject({ fullName: "Anna Smith", noCompany: true, companyId: null });
    }
  });

  it("refuses bad input without writing, and a company in the bin", async () => {
    const w = await world();
    const me = actorOf(w.me, "own");
    const before = await db.contact.count();
    const bad = await createContact(db, me, { familyName: " ", email: "not-mail", birthday: "2999-01-01" });
    const region = await createContact(db, me, { familyName: "赵", provinceCode: "44", cityCode: "1101" });
    expect(region).toMatchObject({ status: "invalid", fieldErrors: { cityCode: ["validation.choose"] } });
    expect(bad.status).toBe("invalid");
    if (bad.status === "invalid") {
      expect(Object.keys(bad.fieldErrors).sort()).toEqual(["birthday", "email", "familyName"]);
    }
    await db.company.update({ where: { id: w.company2.id }, data: { deletedAt: new Date() } });
    const binned = await createContact(db, me, { familyName: "赵", companyMode: "known", companyId: w.company2.id });
    expect(binned).toMatchObject({ status: "invalid", fieldErrors: { companyId: ["contacts.error.companyNotFound"] } });
    const noGrant = await createContact(db, staffActorFor(w.me), { familyName: "赵" });
    expect(noGrant.status).toBe("forbidden");
    expect(await db.contact.count()).toBe(before);
  });

  it("reports-to: same company only, never itself or a loop", async () => {
    const w = await world();
    const me = actorOf(w.me, "own");
    const base = { companyMode: "known", companyId: w.company.id };
    const boss = await make(me, { familyName: "张", givenName: "总", ...base });
    const mid = await make(me, { familyName: "李", givenName: "经理", ...base, reportsToId: boss });
    const elsewhere = await make(me, { familyName: "钱", companyMode: "known", companyId: w.company2.id });
    const wrongCompany = await createContact(db, me, { familyName: "孙", ...base, reportsToId: elsewhere });
    expect(wrongCompany).toMatchObject({ fieldErrors: { reportsToId: ["contacts.error.reportsToCompany"] } });
    const loop = await updateContact(db, me, boss, { familyName: "张", givenName: "总", ...base, reportsToId: mid });
    expect(loop).toMatchObject({ fieldErrors: { reportsToId: ["contacts.error.reportsToCycle"] } });
    const self = await updateContact(db, me, boss, { familyName: "张", ...base, reportsToId: boss });
    expect(self).toMatchObject({ fieldErrors: { reportsToId: ["contacts.error.reportsToSelf"] } });
    // Another owner's contact, outside my own scope, cannot be named as manager.
    const theirs = await make(actorOf(w.other, "own"), { familyName: "周", ...base });
    const hidden = await createContact(db, me, { familyName: "吴", ...base, reportsToId: theirs });
    expect(hidden).toMatchObject({ fieldErrors: { reportsToId: ["contacts.error.reportsToNotFound"] } });
    const chart = await getContactOrgChart(db, me, mid);
    expect(chart?.managers.map((m) => m.id)).toEqual([boss]);
    const bossChart = await getContactOrgChart(db, me, boss);
    expect(bossChart?.reports.map((r) => r.id)).toEqual([mid]);
  });

  it("a company move writes the history row with the old name and title", async () => {
    const w = await world();
    const me = actorOf(w.me, "own");
    const id = await make(me, {
      familyName: "刘",
      givenName: "强",
      title: "工程师",
      companyMode: "known",
      companyId: w.company.id,
    });
    const moved = await updateContact(db, me, id, {
      familyName: "刘",
      givenName: "强",
      title: "总监",
      companyMode: "known",
      companyId: w.company2.id,
    });
    expect(moved).toEqual({ status: "ok", value: { changed: true } });
    await db.company.update({ where: { id: w.company.id }, data: { name: "星辰集团" } });
    const history = await getContactCompanyHistory(db, me, id);
    expect(history?.history).toHaveLength(1);
    expect(history?.history[0]).toMatchObject({
      companyId: w.company.id,
      companyName: "星辰科技有限公司",
      title: "工程师",
    });
    const same = await updateContact(db, me, id, {
      familyName: "刘",
      givenName: "强",
      title: "总监",
      companyMode: "known",
      companyId: w.company2.id,
    });
    expect(same).toEqual({ status: "ok", value: { changed: false } });
    const audits = await db.auditLog.findMany({
      where: { entityType: "Contact", entityId: String(id) },
      orderBy: { id: "asc" },
    });
    expect(audits.map((a) => a.action)).toEqual(["contact.created", "contact.updated"]);
    expect(audits[1]?.before).toMatchObject({ companyId: w.company.id, title: "工程师" });
  });

  it("update scope: another's contact is not found, a read-only one forbidden; owner change needs transfer", async () => {
    const w = await world();
    const theirs = await make(actorOf(w.other, "own"), { familyName: "周" });
    const mates = await make(actorOf(w.mate, "own"), { familyName: "吴" });
    const own = actorOf(w.me, "own");
    expect((await updateContact(db, own, theirs, { familyName: "改" })).status).toBe("not-found");
    const teamReadOnly = staffActorFor(w.me, {
      grants: mergeGrants([
        { module: "contacts", action: "browse", scope: "team" },
        { module: "contacts", action: "modify", scope: "own" },
      ]),
    });
    expect((await updateContact(db, teamReadOnly, mates, { familyName: "改" })).status).toBe("forbidden");
    const team = actorOf(w.me, "team");
    const transfer = await updateContact(db, team, mates, { familyName: "吴", ownerId: w.me.id });
    expect(transfer).toMatchObject({ fieldErrors: { ownerId: ["contacts.error.ownerNotAllowed"] } });
    const withTransfer = actorOf(w.me, "team", ["transfer"]);
    expect((await updateContact(db, withTransfer, mates, { familyName: "吴", ownerId: w.me.id })).status).toBe("ok");
    expect((await db.contact.findUniqueOrThrow({ where: { id: mates } })).ownerId).toBe(w.me.id);
  });
});

describe("scope on the list and every load by id", () => {
  async function scoped() {
    const w = await world();
    const mine = await make(actorOf(w.me, "own"), { familyName: "王", givenName: "一" });
    const mates = await make(actorOf(w.mate, "own"), { familyName: "王", givenName: "二" });
    const others = await make(actorOf(w.other, "own"), { familyName: "王", givenName: "三" });
    const binned = await make(actorOf(w.me, "own"), { familyName: "王", givenName: "四" });
    await db.contact.update({ where: { id: binned }, data: { deletedAt: new Date() } });
    return { w, mine, mates, others, binned };
  }

  it.each([
    ["own", ["王一"]],
    ["team", ["王一", "王二"]],
    ["all", ["王一", "王三", "王二"]],
  ] as const)("%s scope", async (scope, names) => {
    const s = await scoped();
    const actor = actorOf(s.w.me, scope);
    const page = await listContacts(db, actor, contactList.parse(new URLSearchParams("sort=name")));
    expect(page.rows.map((r) => r.fullName)).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    expect(page.total).toEqual({ count: names.length, capped: false });
    const visible = new Set<number>();
    for (const id of [s.mine, s.mates, s.others, s.binned]) {
      const loads = await Promise.all([
        getContactWorkspace(db, actor, id),
        getContactCompanyHistory(db, actor, id),
        getContactOrgChart(db, actor, id),
        getContactRelated(db, actor, id, "leads"),
        getContactRelated(db, actor, id, "opportunities"),
        getContactRelated(db, actor, id, "service"),
        getContactRelated(db, actor, id, "assets"),
        getContactActivity(db, actor, id),
        getContactAttachments(db, actor, id),
        contactWorkAccess(db, actor, id),
      ]);
      const found = loads.filter((l) => l !== null).length;
      expect([0, loads.length]).toContain(found);
      if (found) visible.add(id);
    }
    const expected = { own: [s.mine], team: [s.mine, s.mates], all: [s.mine, s.mates, s.others] }[scope];
    expect([...visible].sort()).toEqual([...expected].sort());
  });

  it("a share reaches a contact outside the scope", async () => {
    const s = await scoped();
    await db.recordShare.create({ data: { entityType: "contact", recordId: s.others, staffId: s.w.me.id } });
    const actor = actorOf(s.w.me, "own");
    expect(await getContactWorkspace(db, actor, s.others)).not.toBeNull();
    const page = await listContacts(db, actor, contactList.parse(new URLSearchParams()));
    expect(page.rows.map((r) => r.id).sort()).toEqual([s.mine, s.others].sort());
  });
});

describe("listContacts paging and filters", () => {
  it("walks forward, back and to the last page by keyset on every sort", async () => {
    const w = await world();
    const me = actorOf(w.me, "all");
    const names = ["安", "白", "蔡", "邓", "范", "高", "黄"];
    for (const [i, n] of names.entries()) {
      await make(me, {
        familyName: n,
        mobile: i % 2 ? `1380013800${i}` : undefined,
        email: i % 3 ? `${i}@x.cn` : undefined,
        companyMode: i % 2 ? "known" : "unknown",
        companyId: i % 2 ? w.company.id : undefined,
        // Ties and blanks in title and region: the keyset must cross them in both directions.
        title: i % 3 ? (i % 2 ? "经理" : "工程师") : undefined,
        provinceCode: i % 4 === 0 ? undefined : "44",
        cityCode: i % 4 === 0 ? undefined : i % 2 ? "4403" : "4401",
      });
    }
    const sorts = ["name", "number", "updated", "company", "title", "mobile", "email", "region", "owner"] as const;
    for (const sort of sorts) {
      for (const dir of ["asc", "desc"] as const) {
        const all = await listContacts(db, me, contactList.parse(new URLSearchParams({ sort, dir })), 100);
        const expected = all.rows.map((r) => r.id);
        expect(expected).toHaveLength(names.length);
        const seen: number[] = [];
        let cursor: string | null = null;
        let page;
        do {
          const params: Record<string, string> = { sort, dir, ...(cursor ? { cursor } : {}) };
          page = await listContacts(db, me, contactList.parse(new URLSearchParams(params)), 3);
          seen.push(...page.rows.map((r) => r.id));
          cursor = page.nextCursor;
        } while (cursor);
        expect(seen, `${sort} ${dir}`).toEqual(expected);
        if (sort === "title" || sort === "region") {
          // The database's order is the one a user expects: blanks first ascending, last descending.
          const key = (r: (typeof all.rows)[number]) =>
            sort === "title" ? (r.title ?? "") : [r.province ?? "", r.city ?? "", r.district ?? ""].join("/");
          const keys = all.rows.map(key);
          const sorted = [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
          expect(keys, `${sort} ${dir}`).toEqual(dir === "asc" ? sorted : sorted.reverse());
        }
        const last = await listContacts(
          db,
          me,
          contactList.parse(new URLSearchParams({ sort, dir, cursor: "last" })),
          3,
        );
        expect(last.rows.map((r) => r.id)).toEqual(expected.slice(-3));
        expect(last.nextCursor).toBeNull();
        const back = await listContacts(
          db,
          me,
          contactList.parse(new URLSearchParams({ sort, dir, cursor: last.prevCursor! })),
          3,
        );
        expect(back.rows.map((r) => r.id)).toEqual(expected.slice(-6, -3));
      }
    }
    expect(parseCursor("a.!!bad")).toEqual({ forward: true, key: null });
  });

  it("filters by search text, company, owner, team, region and opt-out", async () => {
    const w = await world();
    const me = actorOf(w.me, "all");
    await make(me, {
      familyName: "刘",
      givenName: "强",
      email: "liu@xyz.com",
      mobile: "13800138000",
      provinceCode: "44",
      cityCode: "4403",
      companyMode: "known",
      companyId: w.company.id,
      optOutSms: true,
    });
    await make(actorOf(w.other, "all"), { familyName: "刘", givenName: "洋", provinceCode: "44", cityCode: "4401" });
    await make(me, { familyName: "张", givenName: "伟", provinceCode: "11" });
    const names = async (search: string) =>
      (await listContacts(db, me, contactList.parse(new URLSearchParams(search)))).rows.map((r) => r.fullName).sort();
    expect(await names("q=刘")).toEqual(["刘强", "刘洋"]);
    expect(await names("q=LIU@xyz")).toEqual(["刘强"]);
    expect(await names("q=138 0013")).toEqual(["刘强"]);
    expect(await names(`company=${w.company.id}`)).toEqual(["刘强"]);
    expect(await names(`owner=${w.other.id}`)).toEqual(["刘洋"]);
    expect(await names(`team=${w.other.teamId}`)).toEqual(["刘洋"]);
    expect(await names(`city=${encodeURIComponent("深圳市")}`)).toEqual(["刘强"]);
    expect(await names(`province=${encodeURIComponent("北京市")}`)).toEqual(["张伟"]);
    expect(await names("optOut=sms")).toEqual(["刘强"]);
    expect(await names("q=nobody")).toEqual([]);
    // The capped total is counted in SQL beside the page's Prisma query: both must agree.
    for (const search of ["q=刘", "q=LIU@xyz", `team=${w.other.teamId}`, "optOut=sms", "city=x", ""]) {
      const page = await listContacts(db, me, contactList.parse(new URLSearchParams(search)));
      expect(page.total, search).toEqual({ count: page.rows.length, capped: false });
    }
    // LIKE wildcards in the search text are literal.
    expect(await names("q=%")).toEqual([]);
    expect(await names("q=_")).toEqual([]);
  });

  it("own scope with shares: pages merge both branches in the sort order, totals count each once", async () => {
    const w = await world();
    const mine = actorOf(w.me, "own");
    const other = actorOf(w.other, "own");
    const expected: number[] = [];
    for (const n of ["安", "白", "蔡", "邓", "范", "高"]) {
      const id = await make(n === "白" || n === "邓" || n === "高" ? other : mine, { familyName: n });
      expected.push(id);
    }
    await make(other, { familyName: "黄" }); // neither mine nor shared
    const shared = expected.filter((_, i) => i % 2 === 1);
    for (const id of shared) {
      await db.recordShare.create({ data: { entityType: "contact", recordId: id, staffId: w.me.id } });
    }
    // A share of my own contact: in both branches, listed and counted once.
    await db.recordShare.create({ data: { entityType: "contact", recordId: expected[0]!, teamId: w.me.teamId } });
    const everyone = actorOf(w.me, "all");
    for (const dir of ["asc", "desc"] as const) {
      // The database's collation orders the names: the all-scope list is the reference.
      const all = await listContacts(db, everyone, contactList.parse(new URLSearchParams({ sort: "name", dir })), 100);
      const order = all.rows.map((r) => r.id).filter((id) => expected.includes(id));
      const seen: number[] = [];
      let cursor: string | null = null;
      do {
        const params: Record<string, string> = { sort: "name", dir, ...(cursor ? { cursor } : {}) };
        const page = await listContacts(db, mine, contactList.parse(new URLSearchParams(params)), 4);
        expect(page.total).toEqual({ count: 6, capped: false });
        seen.push(...page.rows.map((r) => r.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen, dir).toEqual(order);
      const last = await listContacts(
        db,
        mine,
        contactList.parse(new URLSearchParams({ sort: "name", dir, cursor: "last" })),
        4,
      );
      expect(last.rows.map((r) => r.id)).toEqual(order.slice(-4));
    }
  });
});

describe("findContactDuplicates", () => {
  it("sees contacts outside the scope but shows only name and owner", async () => {
    const w = await world();
    await make(actorOf(w.other, "own"), {
      familyName: "刘",
      givenName: "强",
      email: "liu@xyz.com",
      mobile: "13800138000",
      provinceCode: "44",
      cityCode: "4403",
      title: "机密职务",
    });
    const mine = await make(actorOf(w.me, "own"), { familyName: "刘", givenName: "强", email: "liu@xyz.com" });
    const found = await findContactDuplicates(db, actorOf(w.me, "own"), {
      familyName: "刘",
      givenName: "强",
      email: "liu@xyz.com",
      city: "深圳",
    });
    const hidden = found.find((c) => !c.visible);
    expect(hidden).toMatchObject({ visible: false, name: "刘强", owner: "陈静" });
    expect(JSON.stringify(hidden)).not.toContain("机密职务");
    expect(JSON.stringify(hidden)).not.toContain("liu@xyz.com");
    const visible = found.find((c) => c.visible);
    expect(visible).toMatchObject({ id: mine, email: "liu@xyz.com" });
    const excluding = await findContactDuplicates(
      db,
      actorOf(w.me, "own"),
      { fullName: "刘强", email: "liu@xyz.com" },
      { excludeId: mine },
    );
    expect(excluding.map((c) => c.id)).not.toContain(mine);
  });
});

describe("the 360° page's key figures and owner", () => {
  it("counts within each module's scope and names the owner from the staff directory", async () => {
    const w = await world();
    const id = await make(actorOf(w.me, "all"), {
      familyName: "赵",
      givenName: "六",
      companyMode: "known",
      companyId: w.company.id,
    });
    let serial = 0;
    const opp = (ownerId: number, stage: "won" | "proposal" | "lost", amount: number, closedAt: Date | null = null) =>
      db.opportunity.create({
        data: {
          number: `KF-${++serial}`,
          name: `机会${serial}`,
          companyId: w.company.id,
          contactId: id,
          ownerId,
          stage,
          amount,
          closedAt,
        },
      });
    const now = new Date(Date.UTC(2026, 5, 1));
    await opp(w.me.id, "proposal", 100);
    await opp(w.mate.id, "proposal", 200);
    await opp(w.other.id, "proposal", 400);
    await opp(w.me.id, "won", 1000, new Date(Date.UTC(2026, 2, 1)));
    await opp(w.other.id, "won", 5000.5, new Date(Date.UTC(2026, 3, 1)));
    await opp(w.me.id, "won", 7777, new Date(Date.UTC(2025, 11, 31))); // last year
    await opp(w.me.id, "lost", 3);
    const deleted = await opp(w.me.id, "proposal", 9);
    await db.opportunity.update({ where: { id: deleted.id }, data: { deletedAt: new Date() } });
    await db.serviceRequest.create({
      data: {
        number: "SR-KF-1",
        companyId: w.company.id,
        contactId: id,
        kind: "fault",
        subject: "s",
        descriptionHtml: "",
        channel: "staff",
      },
    });
    await db.serviceRequest.create({
      data: {
        number: "SR-KF-2",
        companyId: w.company.id,
        contactId: id,
        kind: "fault",
        subject: "s",
        descriptionHtml: "",
        channel: "staff",
        status: "closed",
      },
    });
    await db.note.create({ data: { body: "n", contactId: id, createdAt: new Date(Date.UTC(2026, 0, 5)) } });
    await db.task.create({
      data: { title: "t", contactId: id, assigneeId: w.me.id, createdAt: new Date(Date.UTC(2026, 1, 7)) },
    });

    const figuresAs = async (opportunities: Scope | null, service: boolean) => {
      const actor = staffActorFor(w.me, {
        grants: mergeGrants([
          { module: "contacts", action: "browse", scope: "all" },
          ...(opportunities ? [{ module: "opportunities", action: "browse" as const, scope: opportunities }] : []),
          ...(service ? [{ module: "service", action: "browse" as const, scope: "all" as const }] : []),
        ]),
      });
      const page = await getContactWorkspace(db, actor, id, now);
      expect(page?.contact.owner).toEqual({ id: w.me.id, name: "王磊" });
      return page?.figures;
    };
    const lastActivityAt = new Date(Date.UTC(2026, 1, 7));
    expect(await figuresAs("own", true)).toEqual({
      openOpportunities: 1,
      wonThisYear: "1000.00",
      openRequests: 1,
      lastActivityAt,
    });
    expect(await figuresAs("team", false)).toEqual({
      openOpportunities: 2,
      wonThisYear: "1000.00",
      openRequests: null,
      lastActivityAt,
    });
    expect(await figuresAs("all", false)).toMatchObject({ openOpportunities: 3, wonThisYear: "6000.50" });
    expect(await figuresAs(null, false)).toEqual({
      openOpportunities: null,
      wonThisYear: null,
      openRequests: null,
      lastActivityAt,
    });

    const bare = await make(actorOf(w.other, "all"), { familyName: "钱" });
    const admin = staffActorFor(w.me, {
      grants: mergeGrants(
        (["contacts", "opportunities", "service"] as const).map((module) => ({
          module,
          action: "browse",
          scope: "all",
        })),
      ),
    });
    expect((await getContactWorkspace(db, admin, bare, now))?.figures).toEqual({
      openOpportunities: 0,
      wonThisYear: "0.00",
      openRequests: 0,
      lastActivityAt: null,
    });
    const list = await listContacts(db, actorOf(w.me, "all"), contactList.parse(new URLSearchParams()));
    expect(list.rows.find((r) => r.id === bare)?.owner).toEqual({ id: w.other.id, name: "陈静" });
    expect(list.rows.find((r) => r.id === id)?.owner).toEqual({ id: w.me.id, name: "王磊" });
  });
});
