import { sha256 } from "@oslojs/crypto/sha2";
import type { RegistrationKind } from "#app/generated/prisma/client.ts";
import type { Db } from "#app/lib/db.server.ts";

// Demo web-lead intake: a campaign, a product list, two token groups (华北 for registrations and
// requirements, 产品订购 for purchase leads), three registration categories (guest registration,
// online requirement, product order) and one channel key each.
// Idempotent: everything is keyed by a natural key (name, SKU, code, key prefix) and updated in
// place; the token group's cursor is left where it is so a re-seed does not reset the rotation.

export const DEMO_CAMPAIGN_NAME = "2026 秋季新品推广";
export const DEMO_TOKEN_GROUP_NAME = "华北销售轮值";
export const DEMO_ORDER_GROUP_NAME = "产品订购轮值";

export const DEMO_PRODUCTS = [
  { sku: "RLY-CRM-STD", name: "接力 CRM 标准版 许可（每用户/年）", unit: "用户", unitPrice: "1280.00" },
  { sku: "RLY-CRM-ENT", name: "接力 CRM 企业版 许可（每用户/年）", unit: "用户", unitPrice: "2680.00" },
  { sku: "RLY-PORTAL", name: "客户门户与用户专区模块", unit: "套", unitPrice: "36000.00" },
  { sku: "RLY-SVC-IMPL", name: "实施与数据迁移服务", unit: "人天", unitPrice: "2400.00" },
  { sku: "RLY-SVC-TRAIN", name: "现场培训（含教材）", unit: "天", unitPrice: "6800.00" },
  { sku: "RLY-SUP-GOLD", name: "金牌技术支持（7×24，年）", unit: "年", unitPrice: "48000.00" },
  { sku: "RLY-API-PACK", name: "开放接口调用包（100 万次）", unit: "包", unitPrice: "9800.00" },
] as const;

/** In rotation order; 黄敏 is "away" in the demo organisation, so the rotation skips her. */
const TOKEN_GROUP_MEMBERS = [
  "sales@relay-demo.cn",
  "zhang.wei@relay-demo.cn",
  "wang.lei@relay-demo.cn",
  "huang.min@relay-demo.cn",
] as const;

/**
 * Purchase leads (产品订购, decision 051) go to someone who may open the opportunity and quote on the
 * member's company: the 华北 sales manager (team scope covers the zone accounts). A token group of its
 * own, so the admin can add people to the turn (线索持有人) without touching the 华北 rotation.
 * Not 李娜: she is who the distribution rules hand web orders to, and the owner is never handed one.
 */
const ORDER_GROUP_MEMBERS = ["wang.lei@relay-demo.cn"] as const;

/**
 * Fixed demo keys so README can list them (`rk_<12>_<24>` from the alphabet of
 * generateSecureRandomString: a–z and 2–9 without l, o, 0, 1). Public knowledge: demo only.
 */
export const DEMO_CHANNEL_KEYS = {
  "WEB-GUEST": { prefix: "webguestkey2", secret: "gueststandsecret23456789" },
  "WEB-REQ": { prefix: "webrequest22", secret: "requirementsecret2345678" },
  "WEB-ORDER": { prefix: "webpurchase2", secret: "purchasesecret23456789ab" },
} as const;

export function demoChannelKey(code: keyof typeof DEMO_CHANNEL_KEYS): string {
  const { prefix, secret } = DEMO_CHANNEL_KEYS[code];
  return `rk_${prefix}_${secret}`;
}

/** Demo sites that may call the intake API from a browser. */
const DEMO_ORIGINS = "https://www.relay-demo.cn\nhttp://localhost:3000";

async function staffId(db: Db, email: string): Promise<number> {
  const staff = await db.staff.findUnique({ where: { email }, select: { id: true } });
  if (!staff) throw new Error(`seedDemoLeadIntake: demo staff ${email} is missing (seed the organisation first)`);
  return staff.id;
}

/** A token group with exactly these members in this order; its cursor is left where it is. */
async function seedTokenGroup(db: Db, name: string, emails: readonly string[]): Promise<{ id: number }> {
  const group = await db.tokenGroup.upsert({ where: { name }, create: { name }, update: {} });
  const memberIds = await Promise.all(emails.map((email) => staffId(db, email)));
  // Positions are unique per group: clear any other holder of the positions we assign first.
  await db.tokenGroupMember.deleteMany({
    where: {
      groupId: group.id,
      OR: memberIds.map((id, position) => ({ position, staffId: { not: id } })),
    },
  });
  for (const [position, id] of memberIds.entries()) {
    await db.tokenGroupMember.upsert({
      where: { groupId_staffId: { groupId: group.id, staffId: id } },
      create: { groupId: group.id, staffId: id, position, active: true },
      update: { position, active: true },
    });
  }
  return group;
}

export async function seedDemoLeadIntake(db: Db): Promise<void> {
  const marketing = await staffId(db, "marketing@relay-demo.cn");
  const chenJing = await staffId(db, "chen.jing@relay-demo.cn");

  const existingCampaign = await db.campaign.findFirst({ where: { name: DEMO_CAMPAIGN_NAME }, select: { id: true } });
  const campaign = existingCampaign
    ? await db.campaign.update({ where: { id: existingCampaign.id }, data: { ownerId: marketing, status: "active" } })
    : await db.campaign.create({ data: { name: DEMO_CAMPAIGN_NAME, ownerId: marketing, status: "active" } });

  for (const product of DEMO_PRODUCTS) {
    // Offered on 产品订购 to every member level (the order page lists what the viewer's level may see).
    const data = {
      name: product.name,
      unit: product.unit,
      unitPrice: product.unitPrice,
      active: true,
      portalProspect: true,
      portalCustomer: true,
      portalPartner: true,
    };
    await db.product.upsert({ where: { sku: product.sku }, create: { sku: product.sku, ...data }, update: data });
  }

  const group = await seedTokenGroup(db, DEMO_TOKEN_GROUP_NAME, TOKEN_GROUP_MEMBERS);
  const orderGroup = await seedTokenGroup(db, DEMO_ORDER_GROUP_NAME, ORDER_GROUP_MEMBERS);

  const categories: Array<{
    code: keyof typeof DEMO_CHANNEL_KEYS;
    name: string;
    kind: RegistrationKind;
    campaignId: number | null;
    tokenGroupId: number | null;
    designatedStaffId: number;
  }> = [
    {
      code: "WEB-GUEST",
      name: "来宾登记",
      kind: "guest",
      campaignId: null,
      tokenGroupId: group.id,
      designatedStaffId: marketing,
    },
    {
      code: "WEB-REQ",
      name: "在线需求",
      kind: "requirement",
      campaignId: campaign.id,
      tokenGroupId: group.id,
      designatedStaffId: marketing,
    },
    {
      code: "WEB-ORDER",
      name: "产品订购",
      kind: "order",
      campaignId: campaign.id,
      tokenGroupId: orderGroup.id,
      designatedStaffId: chenJing,
    },
  ];

  for (const spec of categories) {
    const { code, ...data } = spec;
    const category = await db.registrationCategory.upsert({
      where: { code },
      create: { code, ...data, active: true, allowedOrigins: DEMO_ORIGINS },
      update: { ...data, active: true },
    });
    const key = DEMO_CHANNEL_KEYS[code];
    const keyData = {
      categoryId: category.id,
      name: "演示密钥",
      // Hashed exactly like channel-keys.server.ts: SHA-256 of the secret part.
      secretHash: new Uint8Array(sha256(new TextEncoder().encode(key.secret))),
    };
    await db.channelKey.upsert({
      where: { prefix: key.prefix },
      create: { prefix: key.prefix, ...keyData },
      update: keyData,
    });
  }
}
