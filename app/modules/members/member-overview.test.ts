import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import type { RegistrationKind } from "#app/generated/prisma/client.ts";
import { createTestStaff } from "#tests/factories/staff.ts";
import { signedIn } from "./member-account.test-helpers.ts";
import { listMemberSubmissions } from "./member-overview.server.ts";

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

describe("member overview: submissions", () => {
  beforeEach(() => resetDatabase());

  it("lists only the member's own leads, newest first, and filters orders", async () => {
    const { member } = await signedIn();
    const stranger = await signedIn();
    const requirement = await createLead(member.id, "requirement", "在线需求");
    const order = await createLead(member.id, "order", "产品订购");
    await createLead(stranger.member.id, "requirement", "在线需求");
    await createLead(null, "guest", "来宾登记");

    const all = await listMemberSubmissions(db, member.id);
    expect(all.total).toBe(2);
    expect(all.items.map((i) => i.number)).toEqual([order.number, requirement.number]);
    expect(all.items[0]).toMatchObject({ categoryName: "产品订购", kind: "order", status: "new", itemCount: 2 });

    const orders = await listMemberSubmissions(db, member.id, { kind: "order" });
    expect(orders.items.map((i) => i.id)).toEqual([order.id]);
  });

  it("pages and clamps the page number", async () => {
    const { member } = await signedIn();
    for (let i = 0; i < 3; i++) await createLead(member.id, "requirement", "在线需求");
    const page2 = await listMemberSubmissions(db, member.id, { page: 2, pageSize: 2 });
    expect(page2).toMatchObject({ total: 3, page: 2, pageCount: 2 });
    expect(page2.items).toHaveLength(1);
    expect((await listMemberSubmissions(db, member.id, { page: 99, pageSize: 2 })).page).toBe(2);
    expect(await listMemberSubmissions(db, 987_654)).toMatchObject({ total: 0, page: 1, pageCount: 1, items: [] });
  });
});
