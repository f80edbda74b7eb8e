import { afterAll, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { createRandom } from "#prisma/seed/chinese-data.ts";
import { createIntakeProducts } from "#tests/factories/lead-intake.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { commitGroup, type QueuedIntake } from "./lead-intake-batch.server.ts";
import { admitIntake, prepareIntake, submitLead, type IntakeContext, type IntakeResult } from "./lead-intake.server.ts";

// Decision 063: the group commit against the single path it batches. The same seeded random
// submissions (channels with a shared token group, an empty one and none, an inactive channel, an
// away member, idempotency keys repeated with the same and with another body, exact repeats
// without a key, existing contacts, items and unknown SKUs) go once intake by intake through the
// single path and once in random groups through commitGroup, each on the same fresh fixtures; every
// answer and every row either path writes must be the same.

afterAll(async () => {
  await db.$disconnect();
});

async function fixtures() {
  await resetDatabase();
  const staff = async (n: number, extra: { status?: "away"; locale?: string; email?: string } = {}) =>
    db.staff.create({
      data: { email: extra.email ?? `sales${n}@relay.test`, name: `销售${n}`, passwordHash: "x", ...extra },
    });
  const s1 = await staff(1);
  const s2 = await staff(2);
  const s3 = await staff(3, { status: "away" });
  const s4 = await staff(4, { locale: "en" });
  const s5 = await staff(5);
  const group = (name: string, members: number[]) =>
    db.tokenGroup.create({
      data: { name, cursor: -1, members: { create: members.map((staffId, position) => ({ staffId, position })) } },
    });
  const shared = await group("华北轮值", [s1.id, s2.id, s3.id, s4.id]);
  const onlyAway = await group("休假组", [s3.id]);
  const campaign = await db.campaign.create({ data: { name: "春季战役", ownerId: s2.id } });
  const awayCampaign = await db.campaign.create({ data: { name: "休假战役", ownerId: s3.id } });
  const category = (code: string, data: { tokenGroupId?: number; campaignId?: number; active?: boolean }) =>
    db.registrationCategory.create({
      data: { code, name: `渠道${code}`, kind: "requirement", designatedStaffId: s5.id, ...data },
    });
  const channels = [
    await category("A", { tokenGroupId: shared.id, campaignId: campaign.id }),
    await category("B", { tokenGroupId: shared.id }),
    await category("C", { tokenGroupId: onlyAway.id, campaignId: campaign.id }),
    await category("D", { campaignId: awayCampaign.id }),
    await category("E", { tokenGroupId: shared.id, active: false }),
  ];
  await createIntakeProducts(db, [{ sku: "RLY-CRM-STD", name: "接力 CRM 标准版" }]);
  const companyRow = await db.company.create({
    data: { number: "COMP000000000001", name: "北京星辰科技有限公司", nameKey: "北京星辰科技" },
  });
  await db.contact.create({
    data: {
      number: "CONT000000000001",
      familyName: "刘",
      fullName: "刘洋",
      email: "liu.yang@xingchen.cn",
      emailKey: "liu.yang@xingchen.cn",
      mobile: "13800001111",
      phoneKey: "13800001111",
      companyId: companyRow.id,
    },
  });
  // The lead counter in use already (its first use goes through the single path: legacy numbers).
  await db.numberCounter.create({ data: { kind: "lead", period: "", value: 100 } });
  return { channels: channels.map((c) => c.id) };
}

interface Case {
  input: unknown;
  ctx: IntakeContext;
}

/** Seeded submissions; `channels` are the fixtures' category ids (the same in both runs). */
function scenario(seed: number, channels: number[], count: number): Case[] {
  const r = createRandom(seed);
  const cases: Case[] = [];
  for (let i = 0; i < count; i++) {
    const roll = r.next();
    const earlier = cases.length > 0 ? cases[r.int(0, cases.length - 1)]! : null;
    if (earlier && roll < 0.12) {
      cases.push(earlier); // the same request again (same key, or the same body without one)
      continue;
    }
    // A key reused with another body (the IETF draft's 422): same channel, same key.
    const reuse = earlier && roll < 0.24 && earlier.ctx.idempotencyKey ? earlier.ctx : null;
    const categoryId = reuse?.categoryId ?? channels[r.next() < 0.04 ? 4 : r.int(0, 3)]!;
    const known = r.next() < 0.25;
    const input = {
      contact: known
        ? { name: "刘洋", email: "liu.yang@xingchen.cn", mobile: "13800001111" }
        : { name: `客户${i}`, email: `c${i}@example.cn`, mobile: `139${String(i).padStart(8, "0")}` },
      company: known ? { name: "北京星辰科技有限公司" } : { name: `测试${i}科技有限公司`, city: "北京" },
      requirement: `需求 ${i}`,
      ...(r.next() < 0.2
        ? { items: [{ sku: r.next() < 0.15 ? "NO-SUCH-SKU" : "rly-crm-std", quantity: r.int(1, 9) }] }
        : {}),
    };
    const key = reuse?.idempotencyKey ?? (r.next() < 0.6 ? `key-${i}` : null);
    cases.push({
      input,
      ctx: { categoryId, source: r.next() < 0.5 ? "api" : "portal", idempotencyKey: key, submitterIp: "198.51.100.7" },
    });
  }
  return cases;
}

/** Every row the two paths write, without the clock. */
async function snapshot() {
  const time = (value: unknown) =>
    JSON.parse(
      JSON.stringify(value, (_, v: unknown) => (typeof v === "bigint" ? Number(v) : v)).replace(
        /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g,
        "<time>",
      ),
    ) as unknown;
  return time({
    leads: await db.lead.findMany({ orderBy: { id: "asc" }, omit: { createdAt: true, updatedAt: true } }),
    items: await db.leadItem.findMany({ orderBy: { id: "asc" } }),
    events: await db.leadEvent.findMany({ orderBy: { id: "asc" } }),
    notifications: await db.notification.findMany({ orderBy: { id: "asc" } }),
    outbox: await db.emailOutbox.findMany({
      orderBy: { id: "asc" },
      select: { toAddress: true, subject: true, template: true, props: true, locale: true, status: true, html: true },
    }),
    search: await db.searchChange.findMany({
      orderBy: { id: "asc" },
      select: { index: true, entityId: true, op: true },
    }),
    groups: await db.tokenGroup.findMany({ orderBy: { id: "asc" }, select: { id: true, cursor: true } }),
    counters: await db.numberCounter.findMany({ select: { kind: true, period: true, value: true } }),
  });
}

async function viaSingle(cases: Case[]): Promise<IntakeResult[]> {
  const answers: IntakeResult[] = [];
  for (const c of cases) answers.push(await submitLead(db, c.input, c.ctx, { path: "single" }));
  return answers;
}

/** Random groups, each admitted and prepared in order, then written by one commitGroup. */
async function viaGroups(cases: Case[], seed: number): Promise<IntakeResult[]> {
  const r = createRandom(seed);
  const answers: IntakeResult[] = [];
  for (let from = 0; from < cases.length;) {
    const size = r.int(1, 14);
    const wave = cases.slice(from, from + size);
    from += wave.length;
    const slots: Array<IntakeResult | QueuedIntake> = [];
    for (const c of wave) {
      const admitted = await admitIntake(db, c.input, c.ctx);
      if (admitted.status !== "admitted") {
        slots.push(admitted);
        continue;
      }
      const prepared = await prepareIntake(db, admitted.submission, c.ctx);
      if (!prepared.ok) slots.push({ status: "invalid", errors: prepared.errors });
      else
        slots.push({
          submission: admitted.submission,
          ctx: { ...c.ctx, categoryId: c.ctx.categoryId! },
          guard: admitted.guard,
          prepared,
        });
    }
    const queued = slots.filter((s): s is QueuedIntake => "prepared" in s);
    const settled = await commitGroup(db, queued);
    let next = 0;
    for (const s of slots) {
      if (!("prepared" in s)) answers.push(s);
      else {
        const result = settled[next++]!;
        if (result.status === "rejected") throw result.reason;
        answers.push(result.value);
      }
    }
  }
  return answers;
}

describe("group commit of intakes", () => {
  it("writes the same rows and gives the same answers as the single path", async () => {
    for (const seed of [7, 2026]) {
      const { channels } = await fixtures();
      const cases = scenario(seed, channels, 70);
      const single = await viaSingle(cases);
      const singleRows = await snapshot();

      await fixtures();
      const grouped = await viaGroups(cases, seed + 1);
      const groupedRows = await snapshot();

      expect(grouped).toEqual(single);
      expect(groupedRows).toEqual(singleRows);
      // The scenario exercised what it claims to.
      const statuses = new Set(single.map((a) => a.status));
      expect(statuses).toEqual(new Set(["created", "replayed", "invalid", "keyReused"]));
      const routedBy = new Set(single.flatMap((a) => (a.status === "created" ? [a.lead.routedBy] : [])));
      expect(routedBy).toEqual(new Set(["token-group", "campaign-owner", "default-owner"]));
    }
  }, 300_000);

  it("answers a bad row's neighbours: the failed group is replayed intake by intake", async () => {
    const { channels } = await fixtures();
    // The designated person of channel D has an address no mail can go to: that intake fails alone.
    const d = await db.registrationCategory.findUniqueOrThrow({ where: { id: channels[3]! } });
    await db.staff.update({ where: { id: d.designatedStaffId }, data: { email: "not-an-address" } });
    const cases: Case[] = [channels[0]!, channels[3]!, channels[1]!].map((categoryId, i) => ({
      input: { contact: { name: `客户${i}`, email: `n${i}@example.cn` }, requirement: `需求 ${i}` },
      ctx: { categoryId, source: "api", idempotencyKey: `bad-${i}` },
    }));
    const queued: QueuedIntake[] = [];
    for (const c of cases) {
      const admitted = await admitIntake(db, c.input, c.ctx);
      if (admitted.status !== "admitted") throw new Error(admitted.status);
      const prepared = await prepareIntake(db, admitted.submission, c.ctx);
      if (!prepared.ok) throw new Error("not prepared");
      queued.push({ ...admitted, ctx: { ...c.ctx, categoryId: c.ctx.categoryId! }, prepared });
    }
    const settled = await commitGroup(db, queued);
    expect(settled.map((s) => s.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    const leads = await db.lead.findMany({ select: { idempotencyKey: true }, orderBy: { id: "asc" } });
    expect(leads.map((l) => l.idempotencyKey)).toEqual([`${channels[0]}:bad-0`, `${channels[1]}:bad-2`]);
    expect(await db.emailOutbox.count()).toBe(2);
  }, 120_000);

  it("keeps a strict cycle and one lead per key when many intakes of one token group race", async () => {
    const { channels } = await fixtures();
    const [a, b] = [channels[0]!, channels[1]!]; // one token group: 销售1, 销售2, (销售3 away), 销售4
    const requests = Array.from({ length: 90 }, (_, i) => {
      const key = `race-${i % 60}`; // 30 keys sent twice, the same body each time
      return submitLead(
        db,
        { contact: { name: `并发${i % 60}`, email: `race${i % 60}@example.cn` }, requirement: `并发 ${i % 60}` },
        { categoryId: i % 60 < 30 ? a : b, source: "api", idempotencyKey: key },
      );
    });
    const answers = await Promise.all(requests);
    expect(answers.every((x) => x.status === "created" || x.status === "replayed")).toBe(true);
    const leads = await db.lead.findMany({
      orderBy: { id: "asc" },
      select: { id: true, number: true, ownerId: true, idempotencyKey: true, routedPosition: true },
    });
    expect(leads).toHaveLength(60);
    expect(new Set(leads.map((l) => l.idempotencyKey)).size).toBe(60);
    // Lead ids follow turns: positions 0, 1, 3 (2 is away), 0, 1, 3 …
    expect(leads.map((l) => l.routedPosition)).toEqual(leads.map((_, i) => [0, 1, 3][i % 3]));
    // Numbers follow ids; both answers of a key name the same lead.
    expect(leads.map((l) => l.number)).toEqual([...leads.map((l) => l.number)].sort());
    const byKey = new Map<number, number>();
    answers.forEach((x, i) => {
      if (x.status !== "created" && x.status !== "replayed") return;
      const k = i % 60;
      expect(byKey.get(k) ?? x.lead.id).toBe(x.lead.id);
      byKey.set(k, x.lead.id);
    });
    expect(await db.emailOutbox.count({ where: { template: "lead-assigned" } })).toBe(60);
  }, 120_000);
});
