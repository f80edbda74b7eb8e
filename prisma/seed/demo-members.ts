import type { MemberLevel, MemberStatus } from "#app/generated/prisma/client.ts";
import type { Db } from "#app/lib/db.server.ts";
import { hashPassword } from "#app/modules/auth/password.server.ts";
import { phoneKey } from "#app/modules/crm/match-keys.ts";
import { recordNumber } from "#app/modules/crm/record-numbers.ts";

// Demo portal members, one per interesting state. README lists member@relay-demo.cn as the demo
// member login. Idempotent: upserted by e-mail, so a re-run puts them back in this state.

export const DEMO_MEMBER_PASSWORD = "Relay-member-2026";

interface DemoMember {
  email: string;
  nickname: string;
  level: MemberLevel;
  status: MemberStatus;
  resumeStatus?: MemberStatus;
  suspensionReason?: string;
  province?: string;
  city?: string;
}

const DEMO_MEMBERS: readonly DemoMember[] = [
  {
    email: "member@relay-demo.cn",
    nickname: "小周同学",
    level: "prospect",
    status: "active",
    province: "北京市",
    city: "北京",
  },
  { email: "customer@relay-demo.cn", nickname: "星辰采购部", level: "customer", status: "verified" },
  { email: "pending@relay-demo.cn", nickname: "待激活的新朋友", level: "prospect", status: "pending" },
  {
    email: "suspended@relay-demo.cn",
    nickname: "优惠券小能手",
    level: "prospect",
    status: "suspended",
    resumeStatus: "active",
    suspensionReason: "发布广告",
  },
];

export async function seedDemoMembers(db: Db): Promise<void> {
  const passwordHash = await hashPassword(DEMO_MEMBER_PASSWORD);
  // The verified customer is the first demo company's first contact, verified by the demo admin.
  const contact = await db.contact.findUnique({
    where: { number: recordNumber("contact", 1) },
    select: {
      id: true,
      fullName: true,
      mobile: true,
      phone: true,
      title: true,
      companyId: true,
      company: { select: { name: true } },
    },
  });
  const admin = await db.staff.findUnique({ where: { email: "admin@relay-demo.cn" }, select: { id: true } });
  const registeredAt = new Date("2026-11-01T02:00:00Z");

  for (const [index, spec] of DEMO_MEMBERS.entries()) {
    const isCustomer = spec.email === "customer@relay-demo.cn";
    const phone = isCustomer ? (contact?.mobile ?? contact?.phone ?? null) : null;
    const fields = {
      nickname: spec.nickname,
      passwordHash,
      level: spec.level,
      status: spec.status,
      resumeStatus: spec.resumeStatus ?? null,
      suspendedUntil: null,
      suspensionReason: spec.suspensionReason ?? null,
      province: spec.province ?? null,
      city: spec.city ?? null,
      realName: isCustomer ? (contact?.fullName ?? null) : null,
      phone,
      phoneKey: phoneKey(phone),
      title: isCustomer ? (contact?.title ?? null) : null,
      companyName: isCustomer ? (contact?.company?.name ?? null) : null,
      realNameVerifiedAt: isCustomer && contact ? registeredAt : null,
      verifiedById: isCustomer && contact ? (admin?.id ?? null) : null,
      contactId: isCustomer ? (contact?.id ?? null) : null,
      companyId: isCustomer ? (contact?.companyId ?? null) : null,
      activatedAt: spec.status === "pending" ? null : registeredAt,
    };
    // A contact belongs to one member: free the demo contact if something else took it meanwhile.
    if (fields.contactId !== null) {
      await db.member.updateMany({
        where: { contactId: fields.contactId, email: { not: spec.email } },
        data: { contactId: null },
      });
    }
    await db.member.upsert({
      where: { email: spec.email },
      create: {
        ...fields,
        email: spec.email,
        // Spread a few minutes apart so "newest first" has a stable, meaningful order.
        createdAt: new Date(registeredAt.getTime() + index * 7 * 60_000),
      },
      update: fields,
    });
  }
}
