import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { verifyChannelKey } from "#app/modules/leads/intake/channel-keys.server.ts";
import { submitLead } from "#app/modules/leads/intake/lead-intake.server.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { seedDemo } from "./demo.ts";
import {
  DEMO_CHANNEL_KEYS,
  DEMO_ORDER_GROUP_NAME,
  DEMO_PRODUCTS,
  DEMO_TOKEN_GROUP_NAME,
  demoChannelKey,
} from "./demo-lead-intake.ts";

// Seeds the whole demo twice (idempotency) and then uses it the way README says one can.

beforeAll(async () => {
  await resetDatabase();
  await seedDemo(process.env.DATABASE_URL);
  await seedDemo(process.env.DATABASE_URL);
}, 300_000);

afterAll(async () => {
  await db.$disconnect();
});

const ALPHABET = /^[abcdefghijkmnpqrstuvwxyz23456789]+$/;

describe("seedDemoLeadIntake", () => {
  it("creates the campaign, products, token group and categories once, however often it runs", async () => {
    expect(await db.campaign.count({ where: { name: "2026 秋季新品推广" } })).toBe(1);
    // The catalog seed adds its own products; these are the intake demo's, once each.
    expect(await db.product.count({ where: { sku: { in: DEMO_PRODUCTS.map((p) => p.sku) } } })).toBe(
      DEMO_PRODUCTS.length,
    );
    expect(await db.registrationCategory.count()).toBe(3);
    expect(await db.channelKey.count()).toBe(3);
    const group = await db.tokenGroup.findUniqueOrThrow({
      where: { name: DEMO_TOKEN_GROUP_NAME },
      include: { members: { orderBy: { position: "asc" }, include: { staff: true } } },
    });
    expect(group.members.map((m) => [m.staff.name, m.position, m.active, m.staff.status])).toEqual([
      ["李娜", 0, true, "active"],
      ["张伟", 1, true, "active"],
      ["王磊", 2, true, "active"],
      ["黄敏", 3, true, "away"],
    ]);
    const orderGroup = await db.tokenGroup.findUniqueOrThrow({
      where: { name: DEMO_ORDER_GROUP_NAME },
      include: { members: { orderBy: { position: "asc" }, include: { staff: true } } },
    });
    expect(orderGroup.members.map((m) => [m.staff.name, m.position, m.active])).toEqual([["王磊", 0, true]]);
    const categories = await db.registrationCategory.findMany({
      orderBy: { code: "asc" },
      include: { designatedStaff: true, campaign: true, tokenGroup: true },
    });
    expect(
      categories.map((c) => [
        c.code,
        c.name,
        c.kind,
        c.designatedStaff.name,
        c.campaign?.name ?? null,
        c.tokenGroup?.name ?? null,
      ]),
    ).toEqual([
      ["WEB-GUEST", "来宾登记", "guest", "林晓雯", null, "华北销售轮值"],
      ["WEB-ORDER", "产品订购", "order", "陈静", "2026 秋季新品推广", "产品订购轮值"],
      ["WEB-REQ", "在线需求", "requirement", "林晓雯", "2026 秋季新品推广", "华北销售轮值"],
    ]);
  });

  it("publishes channel keys that have the real key format and verify against their category", async () => {
    for (const code of Object.keys(DEMO_CHANNEL_KEYS) as Array<keyof typeof DEMO_CHANNEL_KEYS>) {
      const { prefix, secret } = DEMO_CHANNEL_KEYS[code];
      expect(prefix).toHaveLength(12);
      expect(secret).toHaveLength(24);
      expect(prefix).toMatch(ALPHABET);
      expect(secret).toMatch(ALPHABET);
      const verified = await verifyChannelKey(db, demoChannelKey(code));
      const category = await db.registrationCategory.findUniqueOrThrow({ where: { code } });
      expect(verified?.categoryId).toBe(category.id);
    }
    expect(await verifyChannelKey(db, `rk_${DEMO_CHANNEL_KEYS["WEB-REQ"].prefix}_${"a".repeat(24)}`)).toBeNull();
  });

  it("routes demo submissions in turn: 在线需求 in the 华北 group, 产品订购 to a salesperson who may convert", async () => {
    const req = await db.registrationCategory.findUniqueOrThrow({ where: { code: "WEB-REQ" } });
    const order = await db.registrationCategory.findUniqueOrThrow({ where: { code: "WEB-ORDER" } });
    const owners: string[] = [];
    for (let i = 0; i < 4; i++) {
      const result = await submitLead(
        db,
        { contact: { name: `访客${i}` }, company: { name: `演示公司${i}` } },
        { categoryId: req.id, source: "api" },
      );
      if (result.status !== "created") throw new Error(JSON.stringify(result));
      owners.push(result.lead.owner.name);
    }
    expect(owners).toEqual(["李娜", "张伟", "王磊", "李娜"]);
    // Purchase leads go to their own group (decision 051), a salesperson who may convert them, and
    // leave the 华北 turns alone; they still count for the campaign.
    const orderOwners: string[] = [];
    for (let i = 0; i < 3; i++) {
      const ordered = await submitLead(
        db,
        { company: { name: `演示订购公司${i}` }, items: [{ sku: "RLY-CRM-STD", quantity: 20 }] },
        { categoryId: order.id, source: "api" },
      );
      if (ordered.status !== "created") throw new Error(JSON.stringify(ordered));
      expect(ordered.lead.routedBy).toBe("token-group");
      orderOwners.push(ordered.lead.owner.name);
      const stored = await db.lead.findUniqueOrThrow({ where: { id: ordered.lead.id } });
      expect(stored.campaignId).toBe(order.campaignId);
    }
    expect(orderOwners).toEqual(["王磊", "王磊", "王磊"]);
    const next = await submitLead(
      db,
      { contact: { name: "访客4" }, company: { name: "演示公司4" } },
      { categoryId: req.id, source: "api" },
    );
    expect(next).toMatchObject({ status: "created", lead: { owner: { name: "张伟" } } });
  });
});
