import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { enqueueJob } from "#app/modules/jobs/job-queue.server.ts";
import { createTestMember } from "#tests/factories/members.ts";
import { createSalesCompany, createSalesStaff } from "#tests/factories/sales.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { addDays, businessDay } from "./quote-dates.ts";
import { expireDueQuotes, QUOTE_EXPIRY_JOB } from "./quote-expiry.server.ts";
import { runQuoteExpiryChecks } from "./quote-expiry-jobs.server.ts";
import { respondToQuote } from "./quote-zone.server.ts";

// The quote expiry job: sent quotes past validity become expired exactly once — one history entry and
// one notification — even with two workers sweeping at the same moment, and whichever of the job and a
// member's late answer gets there first. Quotes still valid, or not sent, are left alone.

beforeEach(async () => {
  await resetDatabase();
});

afterAll(async () => {
  await db.$disconnect();
});

let serial = 0;
const today = () => businessDay(new Date());

async function world() {
  const rep = await createSalesStaff(db, "sales");
  const company = await createSalesCompany(db, { name: "苏州精工机械有限公司", ownerId: rep.staff.id });
  const quote = (status: "sent" | "approved" | "accepted", validUntil: Date) => {
    serial++;
    return db.quote.create({
      data: {
        number: `QUOT-E${serial}`,
        currentKey: `QUOT-E${serial}`,
        title: `报价${serial}`,
        status,
        companyId: company.id,
        ownerId: rep.staff.id,
        createdById: rep.staff.id,
        validUntil,
        terms: "",
        publishedAt: status === "approved" ? null : new Date(),
      },
    });
  };
  return { rep, company, quote };
}

const history = (id: number) =>
  db.auditLog.count({ where: { entityType: "Quote", entityId: String(id), action: "quote.expired" } });
const bells = (staffId: number) => db.notification.count({ where: { staffId, type: "quote.expired" } });

describe("quote expiry job", { timeout: 60_000 }, () => {
  it("expires sent quotes past validity once, with two workers at the same time", async () => {
    const w = await world();
    const yesterday = addDays(today(), -1);
    const lapsed = await Promise.all([1, 2, 3].map(() => w.quote("sent", yesterday)));
    const validToday = await w.quote("sent", today());
    const notSent = await w.quote("approved", yesterday);
    const answered = await w.quote("accepted", yesterday);

    const [first, second] = await Promise.all([expireDueQuotes(db), expireDueQuotes(db)]);
    expect(first + second).toBe(3);
    for (const q of lapsed) {
      expect((await db.quote.findUniqueOrThrow({ where: { id: q.id } })).status).toBe("expired");
      expect(await history(q.id)).toBe(1);
    }
    expect(await bells(w.rep.staff.id)).toBe(3);
    const untouched = await db.quote.findMany({
      where: { id: { in: [validToday.id, notSent.id, answered.id] } },
      orderBy: { id: "asc" },
      select: { status: true },
    });
    expect(untouched.map((q) => q.status)).toEqual(["sent", "approved", "accepted"]);

    // Running again (a retry, a later sweep) changes nothing.
    expect(await expireDueQuotes(db)).toBe(0);
    expect(await bells(w.rep.staff.id)).toBe(3);
    // The day after validUntil has begun in China, the quote valid "today" lapses too.
    expect(await expireDueQuotes(db, addDays(new Date(), 1))).toBe(1);
    expect(await history(validToday.id)).toBe(1);
  });

  it("a member answering a lapsed quote stores it as expired; the job then adds nothing", async () => {
    const w = await world();
    const q = await w.quote("sent", addDays(today(), -2));
    const { member } = await createTestMember(db, { level: "customer" });
    const context = { member: { id: member.id, nickname: member.nickname }, zone: { companyId: w.company.id } };
    expect(await respondToQuote(db, context, q.id, { response: "accept", comment: null })).toMatchObject({
      status: "conflict",
      message: "quotes.error.expired",
    });
    expect((await db.quote.findUniqueOrThrow({ where: { id: q.id } })).status).toBe("expired");
    expect(await history(q.id)).toBe(1);
    expect(await expireDueQuotes(db)).toBe(0);
    expect(await history(q.id)).toBe(1);
    expect(await bells(w.rep.staff.id)).toBe(1);
  });

  it("the housekeeping check enqueues one sweep per hour, whichever worker runs it", async () => {
    const now = new Date();
    await runQuoteExpiryChecks(db, now);
    // A second worker process in the same hour: its own throttle is fresh, the dedupe key is not.
    await enqueueJob(db, {
      type: QUOTE_EXPIRY_JOB,
      payload: {},
      dedupeKey: `${QUOTE_EXPIRY_JOB}:${now.toISOString().slice(0, 13)}`,
    });
    expect(await db.job.count({ where: { type: QUOTE_EXPIRY_JOB } })).toBe(1);
  });
});
