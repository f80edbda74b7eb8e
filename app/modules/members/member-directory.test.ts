import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { staffActorFor } from "#app/modules/auth/staff-actor.ts";
import { createTestCompany, createTestContact } from "#tests/factories/member-admin.ts";
import { createTestMember } from "#tests/factories/members.ts";
import { createTestStaff } from "#tests/factories/staff.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import {
  getMemberDetail,
  listMemberAudit,
  listMembers,
  MEMBERS_PAGE_SIZE,
  parseMemberListQuery,
} from "./member-directory.server.ts";
import { linkMemberToContact } from "./member-linking.server.ts";
import { setMemberLevel, suspendMember } from "./member-moderation.server.ts";

const query = (search: string) => parseMemberListQuery(new URLSearchParams(search));

async function emails(search: string) {
  return (await listMembers(db, query(search))).items.map((m) => m.email);
}

describe("member list", () => {
  beforeEach(() => resetDatabase());

  it("parses the query string and ignores malformed filters", () => {
    expect(query("status=suspended&level=partner&verified=no&linked=yes&page=3&q=%20abc%20")).toMatchObject({
      q: "abc",
      status: "suspended",
      level: "partner",
      verified: "no",
      linked: "yes",
      page: 3,
    });
    expect(query("status=boss&level=&verified=maybe&page=-2&sort=passwordHash")).toMatchObject({
      q: "",
      page: 1,
      status: undefined,
      level: undefined,
      verified: undefined,
      sort: "created",
      dir: "desc",
    });
  });

  it("sorts by an allow-listed key in either direction, the id breaking ties", async () => {
    await createTestMember(db, { email: "b@example.cn", nickname: "Bravo" });
    await createTestMember(db, { email: "a@example.cn", nickname: "alpha" });
    await createTestMember(db, { email: "c@example.cn", nickname: "Charlie" });
    expect(await emails("sort=nickname")).toEqual(["a@example.cn", "b@example.cn", "c@example.cn"]);
    expect(await emails("sort=nickname&dir=desc")).toEqual(["c@example.cn", "b@example.cn", "a@example.cn"]);
    expect(await emails("dir=asc")).toEqual(["b@example.cn", "a@example.cn", "c@example.cn"]);
  });

  it("searches e-mail, nickname, real name and phone digits", async () => {
    const { member: a } = await createTestMember(db, { email: "xiaozhou@example.cn", nickname: "小周同学" });
    await createTestMember(db, { email: "buyer@xingchen.cn", nickname: "星辰采购部", realName: "欧阳娜娜" });
    const { member: c } = await createTestMember(db, {
      email: "c@example.cn",
      nickname: "路人丙",
      phone: "138-0013-8000",
    });
    await db.member.update({ where: { id: c.id }, data: { phoneKey: "13800138000" } });

    expect(await emails("q=XIAOZHOU")).toEqual([a.email]);
    expect(await emails("q=采购")).toEqual(["buyer@xingchen.cn"]);
    expect(await emails("q=娜娜")).toEqual(["buyer@xingchen.cn"]);
    expect(await emails("q=0013 8000")).toEqual(["c@example.cn"]);
    expect(await emails("q=nothing-like-this")).toEqual([]);
  });

  it("filters by status, level, verification and link, newest first", async () => {
    const { staff } = await createTestStaff(db, { isAdmin: true });
    const actor = staffActorFor(staff, { isAdmin: true });
    const { member: old } = await createTestMember(db, { email: "old@example.cn", status: "active" });
    await db.member.update({ where: { id: old.id }, data: { createdAt: new Date("2025-01-01T00:00:00Z") } });
    const { member: verified } = await createTestMember(db, { email: "verified@example.cn", status: "verified" });
    await db.member.update({ where: { id: verified.id }, data: { realNameVerifiedAt: new Date() } });
    const { member: partner } = await createTestMember(db, { email: "partner@example.cn", level: "partner" });
    const { member: suspended } = await createTestMember(db, { email: "suspended@example.cn" });
    await suspendMember(db, actor, suspended.id, { reason: "发布广告", until: null });
    const contact = await createTestContact(db, { companyId: (await createTestCompany(db)).id });
    await linkMemberToContact(db, actor, partner.id, { contactId: contact.id, company: "contact" });
    await setMemberLevel(db, actor, old.id, "customer");

    expect(await emails("")).toEqual([
      "suspended@example.cn",
      "partner@example.cn",
      "verified@example.cn",
      "old@example.cn",
    ]);
    expect(await emails("status=suspended")).toEqual(["suspended@example.cn"]);
    expect(await emails("level=customer")).toEqual(["old@example.cn"]);
    expect(await emails("verified=yes")).toEqual(["verified@example.cn"]);
    expect(await emails("verified=no&level=prospect")).toEqual(["suspended@example.cn"]);
    expect(await emails("linked=yes")).toEqual(["partner@example.cn"]);
    expect(await emails("linked=no&status=active")).toEqual(["old@example.cn"]);
    const linked = (await listMembers(db, query("linked=yes"))).items[0]!;
    expect(linked.contact?.number).toBe(contact.number);
    expect(linked.company).not.toBeNull();
  });

  it("pages by 20 and clamps a page past the end; tells empty from no results", async () => {
    const empty = await listMembers(db, query(""));
    expect(empty).toMatchObject({ total: { count: 0, capped: false }, pageCount: 1, page: 1, anyMembers: false });

    for (let i = 0; i < MEMBERS_PAGE_SIZE + 3; i++)
      await createTestMember(db, { email: `m${String(i).padStart(2, "0")}@example.cn` });
    await db.member.updateMany({ data: { createdAt: new Date("2026-01-01T00:00:00Z") } });
    const first = await listMembers(db, query(""));
    expect(first).toMatchObject({ total: { count: MEMBERS_PAGE_SIZE + 3, capped: false }, pageCount: 2, page: 1 });
    expect(first.items).toHaveLength(MEMBERS_PAGE_SIZE);
    const second = await listMembers(db, query("page=2"));
    expect(second.items).toHaveLength(3);
    // Same createdAt: the id breaks the tie, newest id first, so pages never overlap.
    expect(new Set([...first.items, ...second.items].map((m) => m.id)).size).toBe(MEMBERS_PAGE_SIZE + 3);
    expect(second.items.at(-1)!.email).toBe("m00@example.cn");
    expect((await listMembers(db, query("page=99"))).page).toBe(2);

    const none = await listMembers(db, query("q=zzz"));
    expect(none).toMatchObject({ total: { count: 0, capped: false }, anyMembers: true });
  });
});

describe("member detail and audit trail", () => {
  beforeEach(() => resetDatabase());

  it("returns the linked records and the trail newest first with actor names and changed fields", async () => {
    const { staff } = await createTestStaff(db, { isAdmin: true });
    const actor = staffActorFor(staff, { isAdmin: true });
    const company = await createTestCompany(db, { name: "广州南方电子有限公司" });
    const contact = await createTestContact(db, { fullName: "黄敏", companyId: company.id });
    const { member } = await createTestMember(db);
    await linkMemberToContact(db, actor, member.id, { contactId: contact.id, company: "contact" });
    await setMemberLevel(db, actor, member.id, "customer");
    await db.auditLog.create({
      data: {
        actorType: "member",
        actorId: member.id,
        action: "member.profile_updated",
        entityType: "Member",
        entityId: String(member.id),
      },
    });

    const detail = await getMemberDetail(db, member.id);
    expect(detail?.contact).toMatchObject({ number: contact.number, fullName: "黄敏" });
    expect(detail?.company).toMatchObject({ number: company.number, name: "广州南方电子有限公司" });
    expect(await getMemberDetail(db, 999_999)).toBeNull();

    const trail = await listMemberAudit(db, member.id);
    expect(trail.map((e) => e.action)).toEqual(["member.profile_updated", "member.level_changed", "member.linked"]);
    expect(trail[0]).toMatchObject({ actorType: "member", actorName: member.nickname, changes: [] });
    expect(trail[1]).toMatchObject({
      actorType: "staff",
      actorName: staff.name,
      changes: [{ field: "level", before: "prospect", after: "customer" }],
    });
    // The readable labels are shown; the raw ids beside them are not.
    expect(trail[2]!.changes).toEqual([
      { field: "contact", before: null, after: `${contact.number} 黄敏` },
      { field: "company", before: null, after: `${company.number} 广州南方电子有限公司` },
    ]);
  });
});
