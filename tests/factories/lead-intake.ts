import type { StaffStatus } from "#app/generated/prisma/client.ts";
import type { Db } from "#app/lib/db.server.ts";
import { createTestStaff } from "./staff.ts";

// Fixtures for the intake pipeline: staff, token groups, categories, campaigns and products written
// straight into the tables, so each test states exactly the routing situation it exercises.

let serial = 0;
const stamp = () => `${process.pid}-${++serial}-${Date.now().toString(36)}`;

export async function createIntakeStaff(
  db: Db,
  options: { status?: StaffStatus; email?: string; locale?: string } = {},
) {
  const { staff } = await createTestStaff(db, { status: options.status, email: options.email });
  if (options.locale) return db.staff.update({ where: { id: staff.id }, data: { locale: options.locale } });
  return staff;
}

/** A token group whose members get positions 0, 1, 2 … in the order given (unless stated). */
export async function createTokenGroupWith(
  db: Db,
  members: Array<{ staffId: number; active?: boolean; position?: number }>,
  options: { cursor?: number; name?: string } = {},
) {
  return db.tokenGroup.create({
    data: {
      name: options.name ?? `令牌组${stamp()}`,
      cursor: options.cursor ?? -1,
      members: {
        create: members.map((m, index) => ({
          staffId: m.staffId,
          position: m.position ?? index,
          active: m.active ?? true,
        })),
      },
    },
  });
}

export async function createIntakeCampaign(db: Db, ownerId: number) {
  return db.campaign.create({ data: { name: `战役${stamp()}`, ownerId } });
}

export async function createIntakeCategory(
  db: Db,
  options: {
    designatedStaffId: number;
    tokenGroupId?: number | null;
    campaignId?: number | null;
    active?: boolean;
    name?: string;
    kind?: "guest" | "requirement" | "order" | "service";
  },
) {
  const s = stamp();
  return db.registrationCategory.create({
    data: {
      code: `C-${s}`.slice(0, 40),
      name: options.name ?? `分类${s}`,
      kind: options.kind ?? "requirement",
      designatedStaffId: options.designatedStaffId,
      tokenGroupId: options.tokenGroupId ?? null,
      campaignId: options.campaignId ?? null,
      active: options.active ?? true,
    },
  });
}

/** Products for the order form, visible to every member level unless `levels` narrows them. */
export async function createIntakeProducts(
  db: Db,
  products: Array<{ sku: string; name: string; active?: boolean; levels?: Array<"prospect" | "customer" | "partner"> }>,
) {
  await db.product.createMany({
    data: products.map((p) => {
      const levels = p.levels ?? ["prospect", "customer", "partner"];
      return {
        sku: p.sku,
        name: p.name,
        unitPrice: "100.00",
        active: p.active ?? true,
        portalProspect: levels.includes("prospect"),
        portalCustomer: levels.includes("customer"),
        portalPartner: levels.includes("partner"),
      };
    }),
  });
}

/** A distinct, valid submission (distinct so the duplicate guard never merges two of them). */
export function sampleSubmission(i: number, extra: Record<string, unknown> = {}) {
  return {
    contact: { name: `客户${i}`, mobile: `139${String(10_000_000 + i).slice(-8)}` },
    company: { name: `测试科技${i}有限公司`, city: "北京" },
    requirement: `需要 CRM 方案 #${i}`,
    ...extra,
  };
}
