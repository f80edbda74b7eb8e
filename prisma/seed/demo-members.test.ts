import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { verifyPassword } from "#app/modules/auth/password.server.ts";
import { companyNameKey, emailKey } from "#app/modules/crm/match-keys.ts";
import { memberSessions } from "#app/modules/members/member-session.server.ts";
import { createTestStaff } from "#tests/factories/staff.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { DEMO_MEMBER_PASSWORD, seedDemoMembers } from "./demo-members.ts";

describe("demo members", () => {
  beforeEach(() => resetDatabase());

  it("creates one member per state, links the customer to CONT000000000001, and stays idempotent", async () => {
    const { staff: admin } = await createTestStaff(db, { email: "admin@relay-demo.cn", isAdmin: true });
    const company = await db.company.create({
      data: {
        number: "ACNT000000000001",
        name: "北京星辰科技有限公司",
        nameKey: companyNameKey("北京星辰科技有限公司"),
      },
    });
    const contact = await db.contact.create({
      data: {
        number: "CONT000000000001",
        familyName: "赵",
        givenName: "敏",
        fullName: "赵敏",
        mobile: "13911112222",
        email: "zhao.min@xingchen.cn",
        emailKey: emailKey("zhao.min@xingchen.cn"),
        phoneKey: "13911112222",
        companyId: company.id,
      },
    });

    await seedDemoMembers(db);
    // Someone plays with the demo, then the seed runs again: same four rows, back in their demo state.
    await db.member.update({ where: { email: "member@relay-demo.cn" }, data: { level: "partner" } });
    await seedDemoMembers(db);

    const members = await db.member.findMany({ orderBy: { createdAt: "desc" } });
    expect(members.map((m) => [m.email, m.nickname, m.level, m.status])).toEqual([
      ["suspended@relay-demo.cn", "优惠券小能手", "prospect", "suspended"],
      ["pending@relay-demo.cn", "待激活的新朋友", "prospect", "pending"],
      ["customer@relay-demo.cn", "星辰采购部", "customer", "verified"],
      ["member@relay-demo.cn", "小周同学", "prospect", "active"],
    ]);
    const customer = members.find((m) => m.email === "customer@relay-demo.cn")!;
    expect(customer).toMatchObject({
      realName: "赵敏",
      phone: "13911112222",
      phoneKey: "13911112222",
      contactId: contact.id,
      companyId: company.id,
      verifiedById: admin.id,
    });
    expect(customer.realNameVerifiedAt).not.toBeNull();
    const suspended = members.find((m) => m.email === "suspended@relay-demo.cn")!;
    expect(suspended).toMatchObject({ suspensionReason: "发布广告", suspendedUntil: null, resumeStatus: "active" });
    expect(members.find((m) => m.email === "pending@relay-demo.cn")!.activatedAt).toBeNull();
    for (const m of members) expect(await verifyPassword(m.passwordHash, DEMO_MEMBER_PASSWORD)).toBe(true);

    // The active demo member can hold a session; the suspended one cannot.
    const active = await memberSessions.create(db, members.find((m) => m.email === "member@relay-demo.cn")!.id);
    expect(await memberSessions.validate(db, active.token)).not.toBeNull();
    const blocked = await memberSessions.create(db, suspended.id);
    expect(await memberSessions.validate(db, blocked.token)).toBeNull();
  });
});
