import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { deliverPendingEmails } from "#emails/delivery.server.ts";
import {
  createIntakeCampaign,
  createIntakeCategory,
  createIntakeProducts,
  createIntakeStaff,
  createTokenGroupWith,
  sampleSubmission,
} from "#tests/factories/lead-intake.ts";
import { createTestMember } from "#tests/factories/members.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import {
  DUPLICATE_WINDOW_MS,
  leadWho,
  storedIdempotencyKey,
  submitLead,
  type IntakeContext,
  type IntakeResult,
} from "./lead-intake.server.ts";

beforeEach(async () => {
  await resetDatabase();
});

afterAll(async () => {
  await db.$disconnect();
});

const web = (categoryId: number, extra: Partial<IntakeContext> = {}): IntakeContext => ({
  categoryId,
  source: "api",
  submitterIp: "203.0.113.9",
  userAgent: "vitest",
  ...extra,
});

function created(result: IntakeResult) {
  if (result.status !== "created") throw new Error(`expected created, got ${JSON.stringify(result)}`);
  return result.lead;
}

async function cursorOf(groupId: number) {
  return (await db.tokenGroup.findUniqueOrThrow({ where: { id: groupId } })).cursor;
}

/** A category bound to a group of three active members and one away member (the setup). */
async function rotationSetup() {
  const designated = await createIntakeStaff(db);
  const a = await createIntakeStaff(db);
  const b = await createIntakeStaff(db);
  const c = await createIntakeStaff(db);
  const away = await createIntakeStaff(db, { status: "away" });
  const group = await createTokenGroupWith(db, [
    { staffId: a.id },
    { staffId: b.id },
    { staffId: away.id },
    { staffId: c.id },
  ]);
  const category = await createIntakeCategory(db, { designatedStaffId: designated.id, tokenGroupId: group.id });
  return { designated, a, b, c, away, group, category };
}

async function ownerCounts(categoryId: number): Promise<Map<number, number>> {
  const rows = await db.lead.groupBy({ by: ["ownerId"], where: { categoryId }, _count: { _all: true } });
  return new Map(rows.map((r) => [r.ownerId, r._count._all]));
}

describe("submitLead: a created lead", () => {
  it("stores contact, company, items, keys, matches, member, history, notification and mail in one go", async () => {
    const owner = await createIntakeStaff(db, { locale: "en", email: "owner.en@test.relay" });
    const group = await createTokenGroupWith(db, [{ staffId: owner.id }]);
    const category = await createIntakeCategory(db, {
      designatedStaffId: owner.id,
      tokenGroupId: group.id,
      name: "在线需求",
    });
    await createIntakeProducts(db, [
      { sku: "RLY-CRM-STD", name: "接力 CRM 标准版" },
      { sku: "RLY-SVC-IMPL", name: "实施服务" },
    ]);
    const company = await db.company.create({
      data: { number: "ACNT000000000001", name: "北京星辰科技有限公司", nameKey: "北京星辰科技" },
    });
    const byEmail = await db.contact.create({
      data: { number: "CONT000000000001", familyName: "刘", fullName: "刘洋", emailKey: "liu.yang@xingchen.cn" },
    });
    const byPhone = await db.contact.create({
      data: { number: "CONT000000000002", familyName: "刘", fullName: "刘洋", phoneKey: "13800138000" },
    });
    const { member } = await createTestMember(db, { email: "liu.yang@member.cn" });

    const result = await submitLead(
      db,
      {
        contact: {
          name: " 刘洋 ",
          title: "IT 经理",
          email: "Liu.Yang@XingChen.cn",
          mobile: "+86 138-0013-8000",
          phone: "",
        },
        company: {
          name: "北京星辰科技（集团）有限公司",
          province: "北京",
          city: "北京",
          address: "海淀区中关村大街 1 号",
        },
        requirement: "想了解 200 人规模的部署方案。",
        items: [
          { sku: "rly-crm-std", quantity: "200" },
          { sku: "RLY-SVC-IMPL", quantity: 10 },
        ],
        memberEmail: "LIU.YANG@member.cn",
      },
      web(category.id),
    );
    const lead = created(result);
    expect(lead.number).toBe(`LEAD${String(lead.id).padStart(12, "0")}`);
    expect(lead.owner).toEqual({ id: owner.id, name: owner.name });
    expect(lead.routedBy).toBe("token-group");
    expect(lead.matches).toEqual([
      { type: "contact", id: byEmail.id, score: 1 },
      { type: "contact", id: byPhone.id, score: 0.9 },
      { type: "company", id: company.id, score: 0.8 },
    ]);

    const stored = await db.lead.findUniqueOrThrow({
      where: { id: lead.id },
      include: { items: { orderBy: { id: "asc" } }, events: { orderBy: { id: "asc" } } },
    });
    expect(stored).toMatchObject({
      status: "new",
      categoryId: category.id,
      ownerId: owner.id,
      memberId: member.id,
      contactName: "刘洋",
      contactEmail: "liu.yang@xingchen.cn",
      contactPhone: null,
      contactMobile: "+86 138-0013-8000",
      companyName: "北京星辰科技（集团）有限公司",
      emailKey: "liu.yang@xingchen.cn",
      phoneKey: "13800138000",
      companyKey: "北京星辰科技",
      routedBy: "token_group",
      routedTokenGroupId: group.id,
      routedPosition: 0,
      source: "api",
      submitterIp: "203.0.113.9",
      userAgent: "vitest",
      idempotencyKey: null,
    });
    expect(stored.requestHash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.items.map((i) => [i.sku, i.productName, i.quantity])).toEqual([
      ["RLY-CRM-STD", "接力 CRM 标准版", 200],
      ["RLY-SVC-IMPL", "实施服务", 10],
    ]);
    expect(stored.events.map((e) => [e.type, e.actorType])).toEqual([
      ["created", "api"],
      ["routed", "system"],
    ]);
    expect(stored.events[1]!.detail).toMatchObject({
      routedBy: "token-group",
      ownerId: owner.id,
      position: 0,
      steps: [{ code: "token-turn", groupId: group.id, position: 0, cursorBefore: -1 }],
      skipped: [],
    });

    const notes = await db.notification.findMany({ where: { staffId: owner.id } });
    expect(notes).toHaveLength(1);
    // The owner reads English: the notification follows their locale.
    expect(notes[0]).toMatchObject({ type: "lead.assigned", link: `/crm/leads/${lead.id}` });
    expect(notes[0]!.title).toBe("New lead: 刘洋@北京星辰科技（集团）有限公司");

    const mails = await db.emailOutbox.findMany();
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ toAddress: "owner.en@test.relay", template: "lead-assigned", status: "pending" });
    expect(mails[0]!.subject).toBe(`New lead ${lead.number}: 刘洋@北京星辰科技（集团）有限公司`);
    // The body is rendered by the worker, not inside the intake transaction (issue #12 item 7).
    expect(mails[0]!.text).toBe("");
    expect(await deliverPendingEmails(db, "intake-test")).toEqual({ delivered: 1, failed: 0 });
    const sent = await db.emailOutbox.findUniqueOrThrow({ where: { id: mails[0]!.id } });
    expect(sent.text).toContain("接力 CRM 标准版 (RLY-CRM-STD) x 200");
    expect(sent.text).toContain(`/crm/leads/${lead.id}`);

    // Search indexing goes through the search change feed, in the same transaction.
    const changes = await db.searchChange.findMany();
    expect(changes.map((c) => [c.index, c.entityId, c.op])).toEqual([["leads", lead.id, "upsert"]]);
  });

  it("writes the notification in Chinese for a Chinese-speaking owner, naming whichever half of 联系人@单位 is known", async () => {
    const owner = await createIntakeStaff(db);
    const category = await createIntakeCategory(db, { designatedStaffId: owner.id });
    created(await submitLead(db, { company: { name: "上海云帆物流" } }, web(category.id)));
    created(await submitLead(db, { contact: { email: "a@b.cn" } }, web(category.id)));
    const titles = (await db.notification.findMany({ orderBy: { id: "asc" } })).map((n) => n.title);
    expect(titles).toEqual(["新线索：上海云帆物流", "新线索：a@b.cn"]);
    const subjects = (await db.emailOutbox.findMany({ orderBy: { id: "asc" } })).map((m) => m.subject);
    expect(subjects[0]).toMatch(/^新线索 LEAD\d{12}：上海云帆物流$/);
  });

  it("links the signed-in member from the context and records who created it", async () => {
    const owner = await createIntakeStaff(db);
    const category = await createIntakeCategory(db, { designatedStaffId: owner.id });
    const { member } = await createTestMember(db);
    const lead = created(
      await submitLead(db, sampleSubmission(1), { categoryId: category.id, source: "portal", memberId: member.id }),
    );
    const stored = await db.lead.findUniqueOrThrow({ where: { id: lead.id }, include: { events: true } });
    expect(stored.memberId).toBe(member.id);
    expect(stored.source).toBe("portal");
    expect(stored.events.find((e) => e.type === "created")).toMatchObject({ actorType: "member", actorId: member.id });
  });

  it("does not link anybody for an unknown memberEmail", async () => {
    const owner = await createIntakeStaff(db);
    const category = await createIntakeCategory(db, { designatedStaffId: owner.id });
    const lead = created(await submitLead(db, sampleSubmission(1, { memberEmail: "nobody@x.cn" }), web(category.id)));
    expect((await db.lead.findUniqueOrThrow({ where: { id: lead.id } })).memberId).toBeNull();
  });
});

describe("submitLead: routing", () => {
  it("hands leads out in turn, skipping away, deactivated and paused members, and records the skips", async () => {
    const designated = await createIntakeStaff(db);
    const a = await createIntakeStaff(db);
    const away = await createIntakeStaff(db, { status: "away" });
    const b = await createIntakeStaff(db);
    const paused = await createIntakeStaff(db);
    const gone = await createIntakeStaff(db, { status: "inactive" });
    const group = await createTokenGroupWith(db, [
      { staffId: a.id, position: 10 },
      { staffId: away.id, position: 20 },
      { staffId: b.id, position: 30 },
      { staffId: paused.id, position: 40, active: false },
      { staffId: gone.id, position: 50 },
    ]);
    const category = await createIntakeCategory(db, { designatedStaffId: designated.id, tokenGroupId: group.id });

    const owners: number[] = [];
    for (let i = 0; i < 6; i++)
      owners.push(created(await submitLead(db, sampleSubmission(i), web(category.id))).owner.id);
    expect(owners).toEqual([a.id, b.id, a.id, b.id, a.id, b.id]);
    expect(await cursorOf(group.id)).toBe(30);

    const leads = await db.lead.findMany({
      orderBy: { id: "asc" },
      include: { events: { where: { type: "routed" } } },
    });
    expect(leads.map((l) => l.routedPosition)).toEqual([10, 30, 10, 30, 10, 30]);
    // Second lead: from a (10) to b (30), passing the away member.
    expect(leads[1]!.events[0]!.detail).toMatchObject({
      skipped: [{ staffId: away.id, position: 20, reason: "staff-away" }],
    });
    // Third lead: from b (30) around to a (10), passing the paused and the deactivated member.
    expect(leads[2]!.events[0]!.detail).toMatchObject({
      skipped: [
        { staffId: paused.id, position: 40, reason: "member-inactive" },
        { staffId: gone.id, position: 50, reason: "staff-inactive" },
      ],
    });
  });

  it("continues the rotation from the durable cursor when someone comes back", async () => {
    const { a, b, c, away, group, category } = await rotationSetup();
    const first = [];
    for (let i = 0; i < 3; i++)
      first.push(created(await submitLead(db, sampleSubmission(i), web(category.id))).owner.id);
    expect(first).toEqual([a.id, b.id, c.id]);
    await db.staff.update({ where: { id: away.id }, data: { status: "active" } });
    const next = [];
    for (let i = 3; i < 7; i++)
      next.push(created(await submitLead(db, sampleSubmission(i), web(category.id))).owner.id);
    expect(next).toEqual([a.id, b.id, away.id, c.id]);
    expect(await cursorOf(group.id)).toBe(3);
  });

  it("gives every lead to the only member of a group of one", async () => {
    const designated = await createIntakeStaff(db);
    const solo = await createIntakeStaff(db);
    const group = await createTokenGroupWith(db, [{ staffId: solo.id, position: 5 }]);
    const category = await createIntakeCategory(db, { designatedStaffId: designated.id, tokenGroupId: group.id });
    for (let i = 0; i < 3; i++) {
      const lead = created(await submitLead(db, sampleSubmission(i), web(category.id)));
      expect(lead).toMatchObject({ owner: { id: solo.id }, routedBy: "token-group" });
    }
    expect(await cursorOf(group.id)).toBe(5);
  });

  it("falls through an empty group to the campaign owner", async () => {
    const designated = await createIntakeStaff(db);
    const campaignOwner = await createIntakeStaff(db);
    const campaign = await createIntakeCampaign(db, campaignOwner.id);
    const group = await createTokenGroupWith(db, []);
    const category = await createIntakeCategory(db, {
      designatedStaffId: designated.id,
      tokenGroupId: group.id,
      campaignId: campaign.id,
    });
    const lead = created(await submitLead(db, sampleSubmission(1), web(category.id)));
    expect(lead).toMatchObject({ owner: { id: campaignOwner.id }, routedBy: "campaign-owner" });
    const stored = await db.lead.findUniqueOrThrow({ where: { id: lead.id }, include: { events: true } });
    expect(stored).toMatchObject({ campaignId: campaign.id, routedTokenGroupId: group.id, routedPosition: null });
    expect(stored.events.find((e) => e.type === "routed")!.detail).toMatchObject({
      steps: [
        { code: "group-empty", groupId: group.id },
        { code: "campaign-owner", campaignId: campaign.id },
      ],
    });
    expect(await cursorOf(group.id)).toBe(-1);
  });

  it("falls through an all-away group to the campaign owner, and to the designated person when that owner is inactive", async () => {
    const designated = await createIntakeStaff(db, { status: "away" });
    const campaignOwner = await createIntakeStaff(db);
    const x = await createIntakeStaff(db, { status: "away" });
    const y = await createIntakeStaff(db, { status: "inactive" });
    const campaign = await createIntakeCampaign(db, campaignOwner.id);
    const group = await createTokenGroupWith(db, [{ staffId: x.id }, { staffId: y.id }]);
    const category = await createIntakeCategory(db, {
      designatedStaffId: designated.id,
      tokenGroupId: group.id,
      campaignId: campaign.id,
    });
    expect(created(await submitLead(db, sampleSubmission(1), web(category.id)))).toMatchObject({
      owner: { id: campaignOwner.id },
      routedBy: "campaign-owner",
    });

    await db.staff.update({ where: { id: campaignOwner.id }, data: { status: "inactive" } });
    const lead = created(await submitLead(db, sampleSubmission(2), web(category.id)));
    // The designated person is the required fallback: they get it even while away.
    expect(lead).toMatchObject({ owner: { id: designated.id }, routedBy: "default-owner" });
    const event = await db.leadEvent.findFirstOrThrow({ where: { leadId: lead.id, type: "routed" } });
    expect(event.detail).toMatchObject({
      steps: [
        { code: "group-no-eligible", groupId: group.id },
        { code: "campaign-owner-unavailable", staffId: campaignOwner.id, status: "inactive" },
        { code: "designated", staffId: designated.id },
      ],
      skipped: [
        { staffId: x.id, reason: "staff-away" },
        { staffId: y.id, reason: "staff-inactive" },
      ],
    });
    expect(await cursorOf(group.id)).toBe(-1);
  });

  it("uses the campaign owner without a token group, and the designated person without either", async () => {
    const designated = await createIntakeStaff(db);
    const campaignOwner = await createIntakeStaff(db);
    const campaign = await createIntakeCampaign(db, campaignOwner.id);
    const withCampaign = await createIntakeCategory(db, { designatedStaffId: designated.id, campaignId: campaign.id });
    const bare = await createIntakeCategory(db, { designatedStaffId: designated.id });
    expect(created(await submitLead(db, sampleSubmission(1), web(withCampaign.id)))).toMatchObject({
      owner: { id: campaignOwner.id },
      routedBy: "campaign-owner",
    });
    expect(created(await submitLead(db, sampleSubmission(2), web(bare.id)))).toMatchObject({
      owner: { id: designated.id },
      routedBy: "default-owner",
    });
  });

  it("lets staff enter a lead by hand for a chosen owner or themselves", async () => {
    const actor = await createIntakeStaff(db);
    const colleague = await createIntakeStaff(db, { status: "away" });
    const chosen = created(
      await submitLead(db, sampleSubmission(1), {
        categoryId: null,
        source: "staff",
        actorStaffId: actor.id,
        ownerStaffId: colleague.id,
      }),
    );
    expect(chosen).toMatchObject({ owner: { id: colleague.id }, routedBy: "manual" });
    const self = created(
      await submitLead(db, sampleSubmission(2), { categoryId: null, source: "staff", actorStaffId: actor.id }),
    );
    expect(self).toMatchObject({ owner: { id: actor.id }, routedBy: "manual" });
    const events = await db.leadEvent.findMany({ where: { leadId: chosen.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.type, e.actorType, e.actorId])).toEqual([
      ["created", "staff", actor.id],
      ["routed", "staff", actor.id],
    ]);
  });

  it("refuses a hand entry for an unknown or deactivated owner, and an inactive category", async () => {
    const actor = await createIntakeStaff(db);
    const gone = await createIntakeStaff(db, { status: "inactive" });
    const manual = { categoryId: null, source: "staff" as const, actorStaffId: actor.id };
    expect(await submitLead(db, sampleSubmission(1), { ...manual, ownerStaffId: 999_999 })).toEqual({
      status: "invalid",
      errors: { owner: ["leads.error.ownerNotFound"] },
    });
    expect(await submitLead(db, sampleSubmission(2), { ...manual, ownerStaffId: gone.id })).toEqual({
      status: "invalid",
      errors: { owner: ["leads.error.ownerNotFound"] },
    });
    const closed = await createIntakeCategory(db, { designatedStaffId: actor.id, active: false });
    expect(await submitLead(db, sampleSubmission(3), web(closed.id))).toEqual({
      status: "invalid",
      errors: { category: ["leads.error.categoryUnavailable"] },
    });
    expect(await db.lead.count()).toBe(0);
  });
});

describe("submitLead: validation", () => {
  it("enforces 联系人@单位 and reports field errors as message keys, creating nothing", async () => {
    const { category, group } = await rotationSetup();
    expect(await submitLead(db, { requirement: "只有需求" }, web(category.id))).toEqual({
      status: "invalid",
      errors: { contact: ["leads.error.contactOrCompany"], company: ["leads.error.contactOrCompany"] },
    });
    const bad = await submitLead(
      db,
      { contact: { name: "张三", email: "not-an-email" }, items: [{ sku: "X", quantity: 0 }] },
      web(category.id),
    );
    expect(bad).toEqual({
      status: "invalid",
      errors: { "contact.email": ["leads.error.invalidEmail"], "items.0.quantity": ["leads.error.quantity"] },
    });
    expect(await db.lead.count()).toBe(0);
    expect(await cursorOf(group.id)).toBe(-1);
  });

  it("rejects unknown or withdrawn SKUs on their item without touching the rotation", async () => {
    const { category, group } = await rotationSetup();
    await createIntakeProducts(db, [
      { sku: "RLY-CRM-STD", name: "标准版" },
      { sku: "RLY-OLD", name: "旧产品", active: false },
    ]);
    const result = await submitLead(
      db,
      sampleSubmission(1, {
        items: [
          { sku: "RLY-CRM-STD", quantity: 1 },
          { sku: "NOPE-1", quantity: 2 },
          { sku: "RLY-OLD", quantity: 1 },
        ],
      }),
      web(category.id),
    );
    expect(result).toEqual({
      status: "invalid",
      errors: { "items.1.sku": ["leads.error.unknownSku"], "items.2.sku": ["leads.error.unknownSku"] },
    });
    expect(await db.lead.count()).toBe(0);
    expect(await cursorOf(group.id)).toBe(-1);
  });
});

describe("submitLead: idempotency and the duplicate guard", () => {
  it("returns the original lead for a repeated Idempotency-Key", async () => {
    const { category, group, a } = await rotationSetup();
    const first = await submitLead(db, sampleSubmission(1), web(category.id, { idempotencyKey: "order-7781" }));
    const again = await submitLead(db, sampleSubmission(1), web(category.id, { idempotencyKey: "order-7781" }));
    expect(first.status).toBe("created");
    expect(again).toEqual({ status: "replayed", lead: created(first) });
    expect(created(first).owner.id).toBe(a.id);
    expect(await db.lead.count()).toBe(1);
    expect(await db.emailOutbox.count()).toBe(1);
    expect(await cursorOf(group.id)).toBe(0);
    const stored = await db.lead.findFirstOrThrow();
    expect(stored.idempotencyKey).toBe(`${category.id}:order-7781`);
  });

  it("refuses a reused key with a different body and stores nothing (IETF Idempotency-Key: 422)", async () => {
    const { category, group } = await rotationSetup();
    created(await submitLead(db, sampleSubmission(1), web(category.id, { idempotencyKey: "order-7782" })));
    const reused = await submitLead(db, sampleSubmission(2), web(category.id, { idempotencyKey: "order-7782" }));
    expect(reused).toEqual({ status: "keyReused" });
    expect(await db.lead.count()).toBe(1);
    expect(await db.emailOutbox.count()).toBe(1);
    expect(await cursorOf(group.id)).toBe(0);
  });

  it("under one key, ten concurrent different bodies give one lead and nine refusals, never a silent loss", async () => {
    const { category } = await rotationSetup();
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        submitLead(db, sampleSubmission(i + 1), web(category.id, { idempotencyKey: "burst-1" })),
      ),
    );
    expect(results.filter((r) => r.status === "created")).toHaveLength(1);
    expect(results.filter((r) => r.status === "keyReused")).toHaveLength(9);
    expect(await db.lead.count()).toBe(1);
  });

  it("scopes keys per category", async () => {
    const { category } = await rotationSetup();
    const other = await createIntakeCategory(db, { designatedStaffId: (await createIntakeStaff(db)).id });
    const one = created(await submitLead(db, sampleSubmission(1), web(category.id, { idempotencyKey: "k1" })));
    const two = created(await submitLead(db, sampleSubmission(1), web(other.id, { idempotencyKey: "k1" })));
    expect(one.id).not.toBe(two.id);
  });

  it("creates one lead for concurrent requests with the same key, and the turn moves once", async () => {
    const { category, group, a } = await rotationSetup();
    const results = await Promise.all(
      Array.from({ length: 12 }, () =>
        submitLead(db, sampleSubmission(1), web(category.id, { idempotencyKey: "double-click" })),
      ),
    );
    expect(results.filter((r) => r.status === "created")).toHaveLength(1);
    expect(results.filter((r) => r.status === "replayed")).toHaveLength(11);
    const ids = new Set(results.map((r) => ("lead" in r ? r.lead.id : null)));
    expect(ids.size).toBe(1);
    expect(await db.lead.count()).toBe(1);
    expect(await db.notification.count()).toBe(1);
    expect(await db.emailOutbox.count()).toBe(1);
    expect(await cursorOf(group.id)).toBe(0);
    // The next lead is the next member's, not a skipped one.
    const next = created(await submitLead(db, sampleSubmission(2), web(category.id)));
    expect(next.owner.id).not.toBe(a.id);
    expect(await cursorOf(group.id)).toBe(1);
  });

  it("treats an identical submission without a key within 10 minutes as a replay, also concurrently", async () => {
    const { category, group } = await rotationSetup();
    const same = {
      contact: { name: "王芳", mobile: "138 0013 8000" },
      company: { name: "云帆物流" },
      requirement: "报价",
    };
    const [x, y] = await Promise.all([submitLead(db, same, web(category.id)), submitLead(db, same, web(category.id))]);
    expect([x.status, y.status].sort()).toEqual(["created", "replayed"]);
    // Normalised: spacing, case and phone formatting do not make it a new lead.
    const z = await submitLead(
      db,
      { contact: { name: " 王芳", mobile: "+86 13800138000" }, company: { name: "云帆物流 " }, requirement: "报价 " },
      web(category.id),
    );
    expect(z.status).toBe("replayed");
    expect(await db.lead.count()).toBe(1);
    expect(await cursorOf(group.id)).toBe(0);

    // Different content is a new lead; so is the same content once the window has passed.
    expect((await submitLead(db, { ...same, requirement: "另一个需求" }, web(category.id))).status).toBe("created");
    await db.lead.updateMany({ data: { createdAt: new Date(Date.now() - DUPLICATE_WINDOW_MS - 60_000) } });
    expect((await submitLead(db, same, web(category.id))).status).toBe("created");
    expect(await db.lead.count()).toBe(3);
  });
});

describe("keys and labels", () => {
  it("scopes Idempotency-Keys by category and hashes overlong ones to fit the column", () => {
    expect(storedIdempotencyKey({ categoryId: 7, idempotencyKey: " abc " })).toBe("7:abc");
    expect(storedIdempotencyKey({ categoryId: null, idempotencyKey: "abc" })).toBe("staff:abc");
    expect(storedIdempotencyKey({ categoryId: 7, idempotencyKey: "  " })).toBeNull();
    const long = storedIdempotencyKey({ categoryId: 7, idempotencyKey: "k".repeat(300) })!;
    expect(long).toMatch(/^7:sha256:[0-9a-f]{64}$/);
    expect(long).not.toBe(storedIdempotencyKey({ categoryId: 7, idempotencyKey: `${"k".repeat(299)}j` }));
  });

  it("names a lead 联系人@单位 with whichever half is known", () => {
    expect(leadWho({ contact: { name: "张伟" }, company: { name: "星辰" } })).toBe("张伟@星辰");
    expect(leadWho({ contact: { mobile: "13800138000" } })).toBe("13800138000");
    expect(leadWho({ company: { name: "星辰" } })).toBe("星辰");
  });
});

describe("submitLead: all or nothing", () => {
  it("leaves no lead, item, event, notification, mail or cursor move when a step fails midway", async () => {
    const designated = await createIntakeStaff(db);
    // Whose turn it is has an address the mailer refuses: the failure comes after the lead,
    // items, events and notification were written in the transaction.
    const broken = await createIntakeStaff(db, { email: "not-an-address" });
    const next = await createIntakeStaff(db);
    const group = await createTokenGroupWith(db, [{ staffId: broken.id }, { staffId: next.id }]);
    const category = await createIntakeCategory(db, { designatedStaffId: designated.id, tokenGroupId: group.id });
    await createIntakeProducts(db, [{ sku: "RLY-CRM-STD", name: "标准版" }]);

    await expect(
      submitLead(db, sampleSubmission(1, { items: [{ sku: "RLY-CRM-STD", quantity: 1 }] }), web(category.id)),
    ).rejects.toThrow();
    expect(await db.lead.count()).toBe(0);
    expect(await db.leadItem.count()).toBe(0);
    expect(await db.leadEvent.count()).toBe(0);
    expect(await db.notification.count()).toBe(0);
    expect(await db.emailOutbox.count()).toBe(0);
    expect(await db.job.count()).toBe(0);
    expect(await cursorOf(group.id)).toBe(-1);

    // Fixed, the same turn is taken again: nothing was lost.
    await db.staff.update({ where: { id: broken.id }, data: { email: "fixed@test.relay" } });
    expect(created(await submitLead(db, sampleSubmission(1), web(category.id))).owner.id).toBe(broken.id);
  });
});

describe("submitLead under concurrency (600 parallel intakes)", () => {
  it("gives each of 3 active members exactly 200 leads in strict turn, none to the away member", async () => {
    const { category, group, a, b, c, away } = await rotationSetup();
    const results = await Promise.all(
      Array.from({ length: 600 }, (_, i) => submitLead(db, sampleSubmission(i), web(category.id))),
    );
    expect(results.every((r) => r.status === "created")).toBe(true);
    const ids = results.map((r) => created(r).id);
    expect(new Set(ids).size).toBe(600);
    expect(await db.lead.count()).toBe(600);
    const counts = await ownerCounts(category.id);
    expect(counts.get(a.id)).toBe(200);
    expect(counts.get(b.id)).toBe(200);
    expect(counts.get(c.id)).toBe(200);
    expect(counts.get(away.id)).toBeUndefined();
    // Leads are inserted while the group row is locked, so id order is turn order: a, b, c, a, b, c …
    const ordered = await db.lead.findMany({ orderBy: { id: "asc" }, select: { ownerId: true, number: true } });
    expect(ordered.map((l) => l.ownerId)).toEqual(Array.from({ length: 600 }, (_, i) => [a.id, b.id, c.id][i % 3]));
    expect(new Set(ordered.map((l) => l.number)).size).toBe(600);
    expect(await cursorOf(group.id)).toBe(3);
    expect(await db.emailOutbox.count()).toBe(600);
    expect(await db.notification.count()).toBe(600);
  }, 180_000);

  it("gives all 600 to the only member of a group of one", async () => {
    const designated = await createIntakeStaff(db);
    const solo = await createIntakeStaff(db);
    const group = await createTokenGroupWith(db, [{ staffId: solo.id }]);
    const category = await createIntakeCategory(db, { designatedStaffId: designated.id, tokenGroupId: group.id });
    const results = await Promise.all(
      Array.from({ length: 600 }, (_, i) => submitLead(db, sampleSubmission(i), web(category.id))),
    );
    expect(new Set(results.map((r) => created(r).id)).size).toBe(600);
    expect(Object.fromEntries(await ownerCounts(category.id))).toEqual({ [solo.id]: 600 });
  }, 180_000);

  it("falls through an all-away group for all 600: campaign owner, then the designated person", async () => {
    const designated = await createIntakeStaff(db);
    const campaignOwner = await createIntakeStaff(db);
    const x = await createIntakeStaff(db, { status: "away" });
    const campaign = await createIntakeCampaign(db, campaignOwner.id);
    const group = await createTokenGroupWith(db, [{ staffId: x.id }]);
    const viaCampaign = await createIntakeCategory(db, {
      designatedStaffId: designated.id,
      tokenGroupId: group.id,
      campaignId: campaign.id,
    });
    const direct = await createIntakeCategory(db, { designatedStaffId: designated.id, tokenGroupId: group.id });
    const results = await Promise.all(
      Array.from({ length: 600 }, (_, i) =>
        submitLead(db, sampleSubmission(i), web(i % 2 === 0 ? viaCampaign.id : direct.id)),
      ),
    );
    expect(new Set(results.map((r) => created(r).id)).size).toBe(600);
    expect(Object.fromEntries(await ownerCounts(viaCampaign.id))).toEqual({ [campaignOwner.id]: 300 });
    expect(Object.fromEntries(await ownerCounts(direct.id))).toEqual({ [designated.id]: 300 });
    expect(await cursorOf(group.id)).toBe(-1);
  }, 180_000);
});
