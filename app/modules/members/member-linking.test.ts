import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { staffActorFor } from "#app/modules/auth/staff-actor.ts";
import { createTestCompany, createTestContact } from "#tests/factories/member-admin.ts";
import { createTestMember } from "#tests/factories/members.ts";
import { createTestStaff } from "#tests/factories/staff.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { MemberAdminError } from "./member-admin.server.ts";
import {
  linkMemberToCompany,
  linkMemberToContact,
  searchContacts,
  suggestLinks,
  unlinkMember,
} from "./member-linking.server.ts";

async function admin() {
  const { staff } = await createTestStaff(db, { isAdmin: true });
  return staffActorFor(staff, { isAdmin: true });
}

async function rejection(promise: Promise<unknown>): Promise<MemberAdminError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MemberAdminError);
  return error as MemberAdminError;
}

describe("member ↔ contact/company suggestions", () => {
  beforeEach(() => resetDatabase());

  it("ranks contacts by how much evidence matches and says which", async () => {
    const company = await createTestCompany(db, { name: "北京星辰科技有限公司" });
    const { member } = await createTestMember(db, {
      email: "Zhou.Ming@Example.cn",
      realName: "周明",
      phone: "+86 139-1000-2000",
    });
    await db.member.update({ where: { id: member.id }, data: { companyName: "北京星辰科技（集团）有限公司" } });
    const nameOnly = await createTestContact(db, { fullName: "周明" });
    const all = await createTestContact(db, {
      fullName: "周明",
      email: "zhou.ming@example.cn",
      mobile: "13910002000",
      companyId: company.id,
    });
    const emailOnly = await createTestContact(db, { fullName: "周小明", email: "ZHOU.MING@example.cn" });
    const phoneAndName = await createTestContact(db, { fullName: "周明", mobile: "139 1000 2000" });
    await createTestContact(db, { fullName: "李娜", email: "li.na@example.cn", mobile: "13800000000" });

    const { contacts, companies } = await suggestLinks(db, member.id);
    expect(contacts.map((c) => [c.id, c.evidence])).toEqual([
      [all.id, ["email", "phone", "name"]],
      [phoneAndName.id, ["phone", "name"]],
      [nameOnly.id, ["name"]],
      [emailOnly.id, ["email"]],
    ]);
    expect(contacts[0]!.company).toMatchObject({ id: company.id, name: "北京星辰科技有限公司" });
    // Same company name key (brackets and legal suffix ignored) and the best contact's company.
    expect(companies).toEqual([
      expect.objectContaining({ id: company.id, evidence: ["companyName", "contactCompany"] }),
    ]);
  });

  it("suggests nothing when the member gave nothing to match on", async () => {
    const { member } = await createTestMember(db, { email: "nobody@example.cn" });
    await createTestContact(db, { fullName: "周明", email: "someone@example.cn" });
    expect(await suggestLinks(db, member.id)).toEqual({ contacts: [], companies: [] });
  });

  it("marks a suggested contact that another member already holds", async () => {
    const actor = await admin();
    const contact = await createTestContact(db, { fullName: "陈静", email: "chen.jing@example.cn" });
    const { member: holder } = await createTestMember(db, { email: "holder@example.cn", nickname: "先来的" });
    await linkMemberToContact(db, actor, holder.id, { contactId: contact.id, company: "contact" });
    const { member } = await createTestMember(db, { email: "chen.jing@example.cn" });
    const { contacts } = await suggestLinks(db, member.id);
    expect(contacts[0]).toMatchObject({ id: contact.id, linkedMember: { id: holder.id, nickname: "先来的" } });
  });

  it("searches contacts by number, name, e-mail and phone digits", async () => {
    const a = await createTestContact(db, { fullName: "欧阳娜娜", email: "nana@xingchen.cn", mobile: "13712345678" });
    const b = await createTestContact(db, { fullName: "王娜", email: "wang@example.cn" });
    expect((await searchContacts(db, "娜")).map((c) => c.id)).toEqual([a.id, b.id]);
    expect((await searchContacts(db, "NANA@xingchen")).map((c) => c.id)).toEqual([a.id]);
    expect((await searchContacts(db, "137-1234")).map((c) => c.id)).toEqual([a.id]);
    expect((await searchContacts(db, b.number.toLowerCase())).map((c) => c.id)).toEqual([b.id]);
    expect(await searchContacts(db, "   ")).toEqual([]);
  });
});

describe("linking a member", () => {
  beforeEach(() => resetDatabase());

  it("links a contact and, by default, its company; audits the readable before/after", async () => {
    const actor = await admin();
    const company = await createTestCompany(db, { name: "上海远航物流有限公司" });
    const contact = await createTestContact(db, { fullName: "刘洋", companyId: company.id });
    const { member } = await createTestMember(db);
    expect(await linkMemberToContact(db, actor, member.id, { contactId: contact.id, company: "contact" })).toBe(true);
    expect(await db.member.findUniqueOrThrow({ where: { id: member.id } })).toMatchObject({
      contactId: contact.id,
      companyId: company.id,
    });
    const [row] = await db.auditLog.findMany({ where: { entityType: "Member", entityId: String(member.id) } });
    expect(row).toMatchObject({
      action: "member.linked",
      before: { contactId: null, contact: null, companyId: null, company: null },
      after: {
        contactId: contact.id,
        contact: `${contact.number} 刘洋`,
        companyId: company.id,
        company: `${company.number} 上海远航物流有限公司`,
      },
    });
    // Linking the same again changes nothing and writes no second row.
    expect(await linkMemberToContact(db, actor, member.id, { contactId: contact.id, company: "contact" })).toBe(false);
    expect(await db.auditLog.count()).toBe(1);
  });

  it("lets staff choose another company or none instead of the contact's", async () => {
    const actor = await admin();
    const own = await createTestCompany(db);
    const other = await createTestCompany(db);
    const contact = await createTestContact(db, { companyId: own.id });
    const { member } = await createTestMember(db);
    await linkMemberToContact(db, actor, member.id, { contactId: contact.id, company: other.id });
    expect((await db.member.findUniqueOrThrow({ where: { id: member.id } })).companyId).toBe(other.id);
    await linkMemberToContact(db, actor, member.id, { contactId: contact.id, company: "none" });
    expect((await db.member.findUniqueOrThrow({ where: { id: member.id } })).companyId).toBeNull();
    const missing = await rejection(
      linkMemberToContact(db, actor, member.id, { contactId: contact.id, company: 999_999 }),
    );
    expect(missing.code).toBe("company-not-found");
  });

  it("refuses a contact already linked to another member and names that member", async () => {
    const actor = await admin();
    const contact = await createTestContact(db);
    const { member: first } = await createTestMember(db, { nickname: "第一位" });
    const { member: second } = await createTestMember(db);
    await linkMemberToContact(db, actor, first.id, { contactId: contact.id, company: "contact" });
    const error = await rejection(
      linkMemberToContact(db, actor, second.id, { contactId: contact.id, company: "contact" }),
    );
    expect(error.code).toBe("contact-taken");
    expect(error.details).toMatchObject({ nickname: "第一位", memberId: first.id });
    expect((await db.member.findUniqueOrThrow({ where: { id: second.id } })).contactId).toBeNull();
    expect(await db.auditLog.count({ where: { entityId: String(second.id) } })).toBe(0);
  });

  it("two staff linking one contact to two members at once: exactly one wins", async () => {
    const actor = await admin();
    const contact = await createTestContact(db);
    const { member: a } = await createTestMember(db);
    const { member: b } = await createTestMember(db);
    const results = await Promise.allSettled([
      linkMemberToContact(db, actor, a.id, { contactId: contact.id, company: "contact" }),
      linkMemberToContact(db, actor, b.id, { contactId: contact.id, company: "contact" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const failed = results.find((r) => r.status === "rejected");
    expect((failed as PromiseRejectedResult).reason).toMatchObject({ code: "contact-taken" });
    expect(await db.member.count({ where: { contactId: contact.id } })).toBe(1);
  });

  it("links a company alone, unlinks both, and refuses browse-only staff", async () => {
    const actor = await admin();
    const company = await createTestCompany(db);
    const contact = await createTestContact(db);
    const { member } = await createTestMember(db);
    await linkMemberToContact(db, actor, member.id, { contactId: contact.id, company: "contact" });
    expect(await linkMemberToCompany(db, actor, member.id, company.id)).toBe(true);
    expect(await db.member.findUniqueOrThrow({ where: { id: member.id } })).toMatchObject({
      contactId: contact.id,
      companyId: company.id,
    });
    expect(await unlinkMember(db, actor, member.id)).toBe(true);
    expect(await unlinkMember(db, actor, member.id)).toBe(false);
    expect(await db.member.findUniqueOrThrow({ where: { id: member.id } })).toMatchObject({
      contactId: null,
      companyId: null,
    });
    const actions = (await db.auditLog.findMany({ orderBy: { id: "asc" } })).map((r) => r.action);
    expect(actions).toEqual(["member.linked", "member.linked", "member.unlinked"]);

    const { staff } = await createTestStaff(db, { grants: [{ module: "members", action: "browse", scope: "all" }] });
    const viewer = staffActorFor(staff, { grants: { members: { browse: "all" as const } } });
    expect(
      (await rejection(linkMemberToContact(db, viewer, member.id, { contactId: contact.id, company: "contact" }))).code,
    ).toBe("forbidden");
    expect((await rejection(unlinkMember(db, viewer, member.id))).code).toBe("forbidden");
  });
});
