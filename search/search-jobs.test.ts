import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { getJobHandler } from "#app/modules/jobs/job-handlers.server.ts";
import { claimJobs, completeJob, failJob } from "#app/modules/jobs/job-queue.server.ts";
import { catchUpSearchFeed } from "./feed-follower.server.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { EmbeddedSearchEngine } from "./embedded-engine.server.ts";
import { setSearchEngine } from "./engine-selection.server.ts";
import { reindexAll, ensureSearchReady } from "./reindex.server.ts";
import { knowledgeDocument } from "./documents.server.ts";
import { SEARCH_DELETE_JOB, SEARCH_UPSERT_JOB, enqueueSearchSync, searchKnowledge } from "./search-jobs.server.ts";

let engine: EmbeddedSearchEngine;

beforeEach(async () => {
  await resetDatabase();
  engine = new EmbeddedSearchEngine();
  setSearchEngine(engine);
});

afterAll(async () => {
  setSearchEngine(undefined);
  await db.$disconnect();
});

/** Applies the change feed to this test's engine, as every process's follower does. */
async function runJobs(): Promise<{ done: number; failed: string[] }> {
  return { done: await catchUpSearchFeed(engine, db), failed: [] };
}

/** Claims due jobs and runs their registered handlers, as runWorkerOnce does. */
async function runLegacyJobs(): Promise<{ done: number; failed: string[] }> {
  let done = 0;
  const failed: string[] = [];
  for (const job of await claimJobs(db, "search-test", 100)) {
    const handler = getJobHandler(job.type);
    try {
      if (!handler) throw new Error(`no handler for ${job.type}`);
      await handler(job.payload);
      await completeJob(db, job.id);
      done++;
    } catch (error) {
      await failJob(db, job, error);
      failed.push(String(error));
    }
  }
  return { done, failed };
}

async function createCompanyWithContact() {
  return db.$transaction(async (tx) => {
    const company = await tx.company.create({
      data: {
        number: "ACNT000000000001",
        name: "接力科技有限公司",
        nameKey: "接力科技",
        city: "北京",
        province: "北京",
        phone: "010-6123-4567",
        industry: "软件",
      },
    });
    const contact = await tx.contact.create({
      data: {
        number: "CONT000000000001",
        familyName: "刘",
        givenName: "强",
        fullName: "刘强",
        email: "liu.qiang@relay.example",
        mobile: "138-1234-5678",
        title: "采购经理",
        city: "北京",
        companyId: company.id,
      },
    });
    await enqueueSearchSync(tx, "companies", [company.id]);
    await enqueueSearchSync(tx, "contacts", [contact.id]);
    return { company, contact };
  });
}

describe("search sync through the change feed", () => {
  it("registers handlers for search.upsert and search.delete", () => {
    expect(getJobHandler(SEARCH_UPSERT_JOB)).toBeTypeOf("function");
    expect(getJobHandler(SEARCH_DELETE_JOB)).toBeTypeOf("function");
  });

  it("indexes rows committed with their feed rows", async () => {
    const { company, contact } = await createCompanyWithContact();
    const changes = await db.searchChange.findMany({ orderBy: { id: "asc" } });
    expect(changes.map((c) => [c.index, c.entityId, c.op])).toEqual([
      ["companies", company.id, "upsert"],
      ["contacts", contact.id, "upsert"],
    ]);

    expect(await runJobs()).toEqual({ done: 2, failed: [] });

    const people = await engine.query("contacts", { q: "刘强", highlight: true });
    expect(people.hits).toHaveLength(1);
    expect(people.hits[0]?.doc).toMatchObject({
      id: contact.id,
      fullName: "刘强",
      companyName: "接力科技有限公司",
      mobile: "138-1234-5678",
      companyId: company.id,
    });
    expect(people.hits[0]?.highlights.fullName).toBe("<mark>刘强</mark>");
    expect((await engine.query("contacts", { q: "13812345678" })).total).toBe(1);
    expect((await engine.query("contacts", { q: "liu.qia" })).total).toBe(1);
    expect((await engine.query("contacts", { q: "", filters: { city: "北京" } })).total).toBe(1);
    expect((await engine.query("companies", { q: "接力" })).hits[0]?.id).toBe(String(company.id));
    // Every process reads the feed; applying consumes nothing (the worker prunes old rows).
    expect(await db.searchChange.count()).toBe(2);
    expect(await db.job.count()).toBe(0);
  });

  it("enqueues nothing when the business transaction rolls back", async () => {
    await expect(
      db.$transaction(async (tx) => {
        const c = await tx.company.create({ data: { number: "ACNT000000000009", name: "回滚", nameKey: "回滚" } });
        await enqueueSearchSync(tx, "companies", [c.id]);
        throw new Error("business rule failed");
      }),
    ).rejects.toThrow("business rule failed");
    expect(await db.searchChange.count()).toBe(0);
  });

  it("applies updates and deletes from the current rows", async () => {
    const { company, contact } = await createCompanyWithContact();
    await runJobs();

    await db.$transaction(async (tx) => {
      await tx.contact.update({ where: { id: contact.id }, data: { fullName: "刘强伟", givenName: "强伟" } });
      await enqueueSearchSync(tx, "contacts", [contact.id]);
    });
    await runJobs();
    const renamed = await engine.query("contacts", { q: "刘强" });
    expect(renamed.hits.map((h) => h.doc.fullName)).toEqual(["刘强伟"]);

    await db.$transaction(async (tx) => {
      await tx.contact.delete({ where: { id: contact.id } });
      await enqueueSearchSync(tx, "contacts", [contact.id], "delete");
    });
    const last = await db.searchChange.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect([last.index, last.entityId, last.op]).toEqual(["contacts", contact.id, "delete"]);
    expect(await runJobs()).toEqual({ done: 1, failed: [] });
    expect((await engine.stats("contacts")).documents).toBe(0);
    expect((await engine.stats("companies")).documents).toBe(1);

    // An upsert job for a row that no longer exists removes it too (jobs may run late).
    await db.$transaction(async (tx) => {
      await tx.company.delete({ where: { id: company.id } });
      await enqueueSearchSync(tx, "companies", [company.id]);
    });
    await runJobs();
    expect((await engine.stats("companies")).documents).toBe(0);
  });

  it("re-syncs contacts when their company is renamed or deleted", async () => {
    const { company, contact } = await createCompanyWithContact();
    await runJobs();

    await db.$transaction(async (tx) => {
      await tx.company.update({ where: { id: company.id }, data: { name: "接力云计算", nameKey: "接力云计算" } });
      await enqueueSearchSync(tx, "companies", [company.id]);
    });
    await runJobs();
    expect((await engine.query("contacts", { q: "云计算" })).hits.map((h) => h.id)).toEqual([String(contact.id)]);

    await db.$transaction(async (tx) => {
      await tx.company.delete({ where: { id: company.id } });
      await enqueueSearchSync(tx, "companies", [company.id], "delete");
    });
    await runJobs();
    const after = await engine.query("contacts", { q: "刘强" });
    expect(after.hits[0]?.doc).toMatchObject({ companyId: null, companyName: null });
  });

  it("records large syncs as one row per distinct id and rejects bad ids", async () => {
    await enqueueSearchSync(db, "contacts", [...Array.from({ length: 1200 }, (_, i) => i + 1), 5, 7]);
    expect(await db.searchChange.count()).toBe(1200);
    await expect(enqueueSearchSync(db, "contacts", [0])).rejects.toThrow();
    expect(await db.searchChange.count()).toBe(1200);
  });

  it("turns search jobs queued before the upgrade into feed rows and fails malformed ones visibly", async () => {
    const { company, contact } = await createCompanyWithContact();
    await db.searchChange.deleteMany();
    await db.job.create({ data: { type: SEARCH_UPSERT_JOB, payload: { index: "contacts", ids: [contact.id] } } });
    await db.job.create({ data: { type: SEARCH_DELETE_JOB, payload: { index: "companies", ids: [company.id] } } });
    expect(await runLegacyJobs()).toEqual({ done: 2, failed: [] });
    const changes = await db.searchChange.findMany({ orderBy: { id: "asc" } });
    expect(changes.map((c) => [c.index, c.entityId, c.op])).toEqual([
      ["contacts", contact.id, "upsert"],
      ["companies", company.id, "delete"],
    ]);
    await runJobs();
    expect((await engine.query("contacts", { q: "刘强" })).hits.map((h) => h.id)).toEqual([String(contact.id)]);

    await db.job.create({ data: { type: SEARCH_UPSERT_JOB, payload: { index: "orders", ids: [1] } } });
    const result = await runLegacyJobs();
    expect(result.failed[0]).toMatch(/Invalid search sync payload/);
  });
});

describe("reindex", () => {
  it("rebuilds every index from the database in batches with progress lines", async () => {
    await db.company.createMany({
      data: Array.from({ length: 5 }, (_, i) => ({
        number: `ACNT00000000010${i}`,
        name: `测试单位${i}`,
        nameKey: `测试单位${i}`,
        city: i % 2 ? "上海" : "北京",
      })),
    });
    await db.contact.createMany({
      data: Array.from({ length: 3 }, (_, i) => ({
        number: `CONT00000000010${i}`,
        familyName: "王",
        fullName: `王${"一二三"[i]}`,
      })),
    });
    await engine.ensureIndex("contacts", {
      primaryKey: "id",
      searchableAttributes: [{ name: "fullName", weight: 1 }],
      filterableAttributes: [],
    });
    const lines: string[] = [];
    const counts = await reindexAll({ engine, batchSize: 2, log: (l) => lines.push(l) });
    expect(counts).toMatchObject({ contacts: 3, companies: 5, leads: 0, opportunities: 0, knowledge: 0 });
    // At most one line a second per index, and always the final count with the rate.
    expect(lines.filter((l) => l.includes("companies")).at(-1)).toMatch(
      /^\[search\] 2\/\d+ companies: 5\/5 \(100%\) \d+\.\ds, [\d,]+ docs\/s$/,
    );
    expect(lines.filter((l) => l.includes("contacts")).at(-1)).toMatch(/^\[search\] 1\/\d+ contacts: 3\/3 \(100%\)/);
    expect(lines).toContainEqual(expect.stringMatching(/^\[search\] 5\/\d+ knowledge: 0\/0 nothing to index$/));
    expect((await engine.query("companies", { q: "测试", filters: { city: "北京" } })).total).toBe(3);
    // The index definitions from indexes.ts replaced the ad-hoc settings above.
    expect((await engine.query("contacts", { filters: { ownerId: 1 } })).total).toBe(0);
  });

  it("warms the embedded engine from the database once", async () => {
    const { contact } = await createCompanyWithContact();
    const ready = await ensureSearchReady(engine);
    expect(ready).toBe(engine);
    expect((await engine.query("contacts", { q: "刘" })).hits.map((h) => h.id)).toEqual([String(contact.id)]);
    expect(await ensureSearchReady(engine)).toBe(engine);
  });
});

describe("leads index", () => {
  it("indexes a lead through the feed and finds it by contact, company and requirement", async () => {
    const owner = await db.staff.create({ data: { email: "lead.owner@test.relay", name: "王磊", passwordHash: "x" } });
    const lead = await db.lead.create({
      data: {
        number: "LEAD000000000042",
        ownerId: owner.id,
        contactName: "刘强",
        contactEmail: "liu@xyz.com",
        companyName: "深圳星辰科技有限公司",
        companyCity: "深圳",
        requirement: "需要 200 套标准版许可",
        routedBy: "manual",
        source: "staff",
      },
    });
    await db.$transaction((tx) => enqueueSearchSync(tx, "leads", [lead.id]));
    expect(await runJobs()).toEqual({ done: 1, failed: [] });
    for (const q of ["刘强", "星辰", "标准版"]) {
      const result = await engine.query("leads", { q, limit: 5 });
      expect(result.hits.map((h) => h.id)).toEqual([String(lead.id)]);
    }
    const filtered = await engine.query("leads", { q: "刘强", filters: { ownerId: owner.id + 1 }, limit: 5 });
    expect(filtered.hits).toHaveLength(0);
  });
});

describe("opportunities and knowledge indexes", () => {
  it("indexes opportunities with their company and contact names and re-syncs them on a rename", async () => {
    const { company, contact } = await createCompanyWithContact();
    const owner = await db.staff.create({
      data: { email: "opp-owner@test.relay", name: "商机负责人", passwordHash: "x" },
    });
    const opportunity = await db.$transaction(async (tx) => {
      const o = await tx.opportunity.create({
        data: {
          number: "OPPT000000000001",
          name: "二期扩容",
          companyId: company.id,
          contactId: contact.id,
          ownerId: owner.id,
        },
      });
      await enqueueSearchSync(tx, "opportunities", [o.id]);
      return o;
    });
    expect((await runJobs()).failed).toEqual([]);
    const byPinyin = await engine.query("opportunities", { q: "liuqiang", highlight: true });
    expect(byPinyin.hits.map((h) => h.id)).toEqual([String(opportunity.id)]);
    expect(byPinyin.hits[0]?.highlights.contactName).toBe("<mark>刘强</mark>");
    expect((await engine.query("opportunities", { q: "接力", filters: { ownerId: owner.id } })).total).toBe(1);

    // Renaming the company re-syncs the opportunity (it shows the company's name).
    await db.$transaction(async (tx) => {
      await tx.company.update({ where: { id: company.id }, data: { name: "星河数据有限公司" } });
      await enqueueSearchSync(tx, "companies", [company.id]);
    });
    expect((await runJobs()).failed).toEqual([]);
    expect((await engine.query("opportunities", { q: "星河" })).hits.map((h) => h.id)).toEqual([
      String(opportunity.id),
    ]);
    expect((await engine.query("opportunities", { q: "接力" })).total).toBe(0);

    // So does deleting the contact (the database sets contactId to NULL).
    await db.$transaction(async (tx) => {
      await tx.contact.delete({ where: { id: contact.id } });
      await enqueueSearchSync(tx, "contacts", [contact.id], "delete");
    });
    expect((await runJobs()).failed).toEqual([]);
    expect((await engine.query("opportunities", { q: "刘强" })).total).toBe(0);
  });

  it("indexes knowledge articles as plain text and filters by visibility, status and category", async () => {
    const make = (
      summary: string,
      visibility: "public" | "internal",
      status: "published" | "draft",
      category: string,
    ) =>
      db.$transaction(async (tx) => {
        const a = await tx.knowledgeArticle.create({
          data: {
            number: `SOLN${summary.length}${visibility}${status}`.slice(0, 20),
            summary,
            descriptionHtml: "<p>打印机 <b>卡纸</b> &amp; 报错&nbsp;E-13</p><script>alert(1)</script>",
            solutionHtml: "<ol><li>关闭电源</li><li>取出纸张</li></ol>",
            keywords: "打印机,卡纸",
            category,
            visibility,
            status,
          },
        });
        await enqueueSearchSync(tx, "knowledge", [a.id]);
        return a;
      });
    const pub = await make("打印机卡纸怎么办", "public", "published", "硬件");
    await make("内部：打印机固件升级", "internal", "published", "硬件");
    await make("草稿：打印机", "public", "draft", "硬件");
    expect((await runJobs()).failed).toEqual([]);

    expect(knowledgeDocument(pub)).toMatchObject({
      description: "打印机 卡纸 & 报错 E-13",
      solution: "关闭电源 取出纸张",
      visibility: "public",
      status: "published",
    });
    const r = await searchKnowledge({
      q: "卡纸",
      visibility: ["public", "members"],
      status: "published",
      highlight: true,
    });
    expect(r.hits.map((h) => h.id)).toEqual([String(pub.id)]);
    expect(r.hits[0]?.highlights.summary).toBe("打印机<mark>卡纸</mark>怎么办");
    expect((await searchKnowledge({ q: "打印机", status: "published" })).total).toBe(2);
    expect((await searchKnowledge({ q: "打印机", category: "软件" })).total).toBe(0);
    expect((await searchKnowledge({ q: "取出纸张" })).total).toBe(3);
    await expect(engine.query("knowledge", { filters: { summary: "x" } })).rejects.toMatchObject({
      code: "invalid_filter",
    });
  });
});
