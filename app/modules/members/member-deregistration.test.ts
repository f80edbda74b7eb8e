import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import type { RegistrationKind } from "#app/generated/prisma/client.ts";
import { verifyPassword } from "#app/modules/auth/password.server.ts";
import { createTestMember } from "#tests/factories/members.ts";
import { createTestStaff } from "#tests/factories/staff.ts";
import { PASSWORD, profileInput, signedIn } from "./member-account.test-helpers.ts";
import { deregisterMember } from "./member-deregistration.server.ts";
import { getAccountSummary } from "./member-overview.server.ts";
import { updateProfile } from "./member-profile.server.ts";
import { memberSessions } from "./member-session.server.ts";
import { issueMemberToken } from "./member-tokens.server.ts";

const wrongPassword = (field: string) => ({
  status: "invalid",
  fieldErrors: { [field]: ["account.security.wrongPassword"] },
});

let leadSerial = 0;
async function createLead(memberId: number | null, kind: RegistrationKind, categoryName: string) {
  const { staff } = await createTestStaff(db);
  const category = await db.registrationCategory.create({
    data: { code: `C${++leadSerial}-${Date.now()}`, name: categoryName, kind, designatedStaffId: staff.id },
  });
  const lead = await db.lead.create({
    data: {
      number: `LD${String(leadSerial).padStart(10, "0")}`,
      categoryId: category.id,
      memberId,
      ownerId: staff.id,
      routedBy: "default_owner",
      source: "portal",
      contactName: "王芳",
      requirement: "需要报价",
      createdAt: new Date(Date.now() + leadSerial * 1000),
    },
  });
  if (kind === "order") {
    await db.leadItem.createMany({
      data: [
        { leadId: lead.id, sku: "SKU-1", quantity: 2 },
        { leadId: lead.id, sku: "SKU-2", quantity: 1 },
      ],
    });
  }
  return lead;
}

describe("member deregistration", () => {
  beforeEach(() => resetDatabase());

  it("needs the password", async () => {
    const { member, actor } = await signedIn();
    expect(await deregisterMember(db, actor, { password: "wrong", confirmation: "注销" })).toMatchObject(
      wrongPassword("password"),
    );
    expect((await db.member.findUniqueOrThrow({ where: { id: member.id } })).status).toBe("active");
  });

  it("anonymises the person, ends sessions and links, keeps leads and messages, and audits", async () => {
    const { member, actor } = await signedIn({
      email: "leaving@test.relay",
      nickname: "要走的人",
      realName: "赵六",
      phone: "13700137000",
    });
    await updateProfile(
      db,
      actor,
      profileInput({
        nickname: "要走的人",
        phone: "13700137000",
        title: "总监",
        address: "长安街 1 号",
        notifyByEmail: true,
      }),
    );
    await db.member.update({
      where: { id: member.id },
      data: {
        companyName: "赵氏集团",
        province: "北京",
        city: "北京",
        notifyNewsletter: true,
        phoneKey: "13700137000",
      },
    });
    await memberSessions.create(db, member.id, {});
    await issueMemberToken(db, member.id, "password_reset");
    const lead = await createLead(member.id, "requirement", "在线需求");
    const thread = await db.messageThread.create({ data: { memberId: member.id, subject: "咨询" } });

    const result = await deregisterMember(db, actor, { password: PASSWORD, confirmation: "注销" });
    expect(result).toEqual({ status: "ok", value: undefined });

    const stored = await db.member.findUniqueOrThrow({ where: { id: member.id } });
    expect(stored).toMatchObject({
      email: `deregistered+${member.id}@invalid.relay-crm`,
      nickname: `已注销用户${member.id}`,
      realName: null,
      phone: null,
      phoneKey: null,
      title: null,
      companyName: null,
      province: null,
      city: null,
      address: null,
      notifyByEmail: false,
      notifyNewsletter: false,
      status: "deregistered",
    });
    expect(stored.deregisteredAt).not.toBeNull();
    expect(await verifyPassword(stored.passwordHash, PASSWORD)).toBe(false);
    expect(await db.memberSession.count({ where: { memberId: member.id } })).toBe(0);
    expect(await db.memberToken.count({ where: { memberId: member.id } })).toBe(0);
    expect((await db.lead.findUniqueOrThrow({ where: { id: lead.id } })).memberId).toBe(member.id);
    expect(await db.messageThread.findUnique({ where: { id: thread.id } })).not.toBeNull();

    const audit = await db.auditLog.findMany({ where: { entityType: "Member", entityId: String(member.id) } });
    expect(audit.map((a) => a.action)).toEqual(["member.profile_updated", "member.deregistered"]);
    // The earlier profile audit no longer carries the personal data.
    const trail = JSON.stringify(audit.map((a) => [a.before, a.after]));
    for (const secret of ["总监", "长安街", "13700137000", "要走的人", "leaving@test.relay"]) {
      expect(trail).not.toContain(secret);
    }
    expect(audit[0]!.after).toMatchObject({ title: "[redacted]" });
    expect(audit[1]).toMatchObject({ before: { status: "active" }, after: { status: "deregistered" } });

    // The summary still resolves (the CRM keeps the row); the account cannot act any more.
    expect(await getAccountSummary(db, member.id)).toMatchObject({ status: "deregistered" });
    expect(await deregisterMember(db, actor, { password: PASSWORD, confirmation: "注销" })).toMatchObject({
      status: "not-found",
    });
  });

  it("frees the e-mail and nickname for someone new", async () => {
    const { member, actor } = await signedIn({ email: "again@test.relay", nickname: "回头客" });
    await deregisterMember(db, actor, { password: PASSWORD, confirmation: "DEREGISTER" });
    const { member: fresh } = await createTestMember(db, { email: "again@test.relay", nickname: "回头客" });
    expect(fresh.id).not.toBe(member.id);
  });
});
