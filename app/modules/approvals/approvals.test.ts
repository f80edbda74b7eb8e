import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { staffActorFor, type StaffActor } from "#app/modules/auth/staff-actor.ts";
import { createSalesCompany } from "#tests/factories/sales.ts";
import { createTestStaff } from "#tests/factories/staff.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { saveApprovalFlow } from "./approval-flows.server.ts";
import { withdrawFromForm } from "./approval-actions.server.ts";
import { getReminderHours, remindPendingApprovals, setReminderHours } from "./approval-reminders.server.ts";
import {
  awaitingMyApproval,
  countAwaitingMyApproval,
  decide,
  latestApprovalFor,
  myPendingSubmissions,
  submitForApproval,
} from "./approvals.server.ts";

// Flow under test: step 1 = A AND B (people), step 2 = C OR D (C in person, D through a role).
interface Cast {
  author: StaffActor;
  a: StaffActor;
  b: StaffActor;
  c: StaffActor;
  d: StaffActor;
  outsider: StaffActor;
  admin: StaffActor;
}

async function person(opts: { isAdmin?: boolean } = {}) {
  const { staff, role } = await createTestStaff(db, opts);
  return { actor: staffActorFor(staff, { isAdmin: opts.isAdmin }), roleId: role.id };
}

async function setUp(): Promise<Cast> {
  const [author, a, b, c, d, outsider, admin] = await Promise.all([
    person(),
    person(),
    person(),
    person(),
    person(),
    person(),
    person({ isAdmin: true }),
  ]);
  const saved = await saveApprovalFlow(db, admin.actor, {
    itemType: "proposal",
    active: true,
    steps: [
      { mode: "and", staffIds: [a.actor.staffId, b.actor.staffId], roleIds: [] },
      { mode: "or", staffIds: [c.actor.staffId], roleIds: [d.roleId] },
    ],
  });
  expect(saved.status).toBe("ok");
  // The item under approval is a real proposal #1 (its adapter describes it and applies outcomes).
  const company = await createSalesCompany(db, { ownerId: author.actor.staffId });
  await db.proposal.create({
    data: { id: 1, title: "测试提议", companyId: company.id, ownerId: author.actor.staffId },
  });
  return {
    author: author.actor,
    a: a.actor,
    b: b.actor,
    c: c.actor,
    d: d.actor,
    outsider: outsider.actor,
    admin: admin.actor,
  };
}

const submit = (actor: StaffActor, itemId = 1) =>
  db.$transaction((tx) => submitForApproval(tx, actor, { itemType: "proposal", itemId }));
const vote = (actor: StaffActor, requestId: number, v: "approve" | "reject", comment: string | null = null) =>
  db.$transaction((tx) => decide(tx, actor, requestId, v, comment));

async function submitted(cast: Cast, itemId = 1): Promise<number> {
  const r = await submit(cast.author, itemId);
  if (r.status !== "ok" || r.value.status !== "pending") throw new Error("not submitted");
  return r.value.requestId;
}

const statusOf = async (id: number) => (await db.approvalRequest.findUniqueOrThrow({ where: { id } })).status;

describe("approvals: (A AND B) then (C OR D)", { timeout: 60_000 }, () => {
  let cast: Cast;
  beforeEach(async () => {
    await resetDatabase();
    cast = await setUp();
  });

  it("A then B then C approves; queues and notifications follow the steps", async () => {
    const id = await submitted(cast);
    expect((await awaitingMyApproval(db, cast.a)).map((r) => r.requestId)).toEqual([id]);
    expect(await awaitingMyApproval(db, cast.c)).toEqual([]);
    expect(await db.notification.count({ where: { staffId: { in: [cast.a.staffId, cast.b.staffId] } } })).toBe(2);

    expect(await vote(cast.a, id, "approve", "价格合理")).toMatchObject({
      value: { status: "pending", currentStep: 0 },
    });
    expect(await awaitingMyApproval(db, cast.a)).toEqual([]);
    expect(await vote(cast.b, id, "approve")).toMatchObject({ value: { status: "pending", currentStep: 1 } });
    // Step 2 opens: C in person and D through the role are both asked.
    expect((await awaitingMyApproval(db, cast.c)).map((r) => r.requestId)).toEqual([id]);
    expect((await awaitingMyApproval(db, cast.d)).map((r) => r.requestId)).toEqual([id]);
    expect(await vote(cast.c, id, "approve")).toMatchObject({ value: { status: "approved" } });
    expect(await awaitingMyApproval(db, cast.d)).toEqual([]);
    expect(await db.notification.count({ where: { staffId: cast.author.staffId, type: "approval.approved" } })).toBe(1);
    const panel = await latestApprovalFor(db, cast.author, "proposal", 1);
    expect(panel?.decisions.map((d) => [d.vote, d.comment])).toEqual([
      ["approve", "价格合理"],
      ["approve", null],
      ["approve", null],
    ]);
  });

  it("B then A, then D (through the role) approves", async () => {
    const id = await submitted(cast);
    await vote(cast.b, id, "approve");
    await vote(cast.a, id, "approve");
    expect(await vote(cast.d, id, "approve")).toMatchObject({ value: { status: "approved" } });
  });

  it.each([
    ["A vetoes at step 1", ["a:reject"]],
    ["B vetoes after A approved", ["a:approve", "b:reject"]],
    ["C vetoes at step 2", ["a:approve", "b:approve", "c:reject"]],
    ["D vetoes at step 2", ["b:approve", "a:approve", "d:reject"]],
  ] as const)("one-vote veto: %s returns the item to its author", async (_name, script) => {
    const id = await submitted(cast);
    for (const line of script) {
      const [who, v] = line.split(":") as ["a" | "b" | "c" | "d", "approve" | "reject"];
      expect((await vote(cast[who], id, v, v === "reject" ? "请补充附件" : null)).status).toBe("ok");
    }
    expect(await statusOf(id)).toBe("rejected");
    const note = await db.notification.findFirstOrThrow({
      where: { staffId: cast.author.staffId, type: "approval.rejected" },
    });
    expect(note.body).toBe("请补充附件");
    // Nobody can vote any more, and the author may submit again.
    expect(await vote(cast.c, id, "approve")).toMatchObject({ status: "conflict" });
    expect((await submit(cast.author)).status).toBe("ok");
  });

  it("refuses duplicate votes, non-approvers, voters of a later step and a second open request", async () => {
    const id = await submitted(cast);
    expect(await submit(cast.author)).toMatchObject({
      status: "conflict",
      message: "adminSystem.approvals.alreadyPending",
    });
    expect(await vote(cast.a, id, "approve")).toMatchObject({ status: "ok" });
    expect(await vote(cast.a, id, "approve")).toMatchObject({
      status: "conflict",
      message: "adminSystem.approvals.alreadyVoted",
    });
    expect(await vote(cast.a, id, "reject")).toMatchObject({ status: "conflict" });
    expect(await vote(cast.outsider, id, "approve")).toMatchObject({ status: "forbidden" });
    expect(await vote(cast.admin, id, "reject")).toMatchObject({ status: "forbidden" });
    expect(await vote(cast.c, id, "approve")).toMatchObject({ status: "forbidden" });
    expect(await vote(cast.a, 999_999, "approve")).toMatchObject({ status: "not-found" });
    expect(await db.approvalDecision.count()).toBe(1);
    expect(await statusOf(id)).toBe("pending");
  });

  it("C and D deciding at once on the OR step: exactly one decision counts", async () => {
    const id = await submitted(cast);
    await vote(cast.a, id, "approve");
    await vote(cast.b, id, "approve");
    const results = await Promise.all([vote(cast.c, id, "approve"), vote(cast.d, id, "approve")]);
    expect(results.map((r) => r.status).sort()).toEqual(["conflict", "ok"]);
    expect(await statusOf(id)).toBe("approved");
    expect(await db.approvalDecision.count({ where: { requestId: id, step: 1 } })).toBe(1);
    expect(await db.notification.count({ where: { staffId: cast.author.staffId, type: "approval.approved" } })).toBe(1);
  });

  it("reminds each waiting approver of a step once, after the configured delay, by notification and e-mail", async () => {
    const id = await submitted(cast);
    await vote(cast.a, id, "approve");
    const hours = 24 * 3_600_000;
    const later = new Date(Date.now() + hours + 60_000);
    expect(await remindPendingApprovals(db, { now: new Date(Date.now() + hours - 60_000) })).toBe(0);
    // Only B (A voted) is reminded, and only once however often the worker ticks.
    expect(await remindPendingApprovals(db, { now: later })).toBe(1);
    expect(await remindPendingApprovals(db, { now: later })).toBe(0);
    expect(await remindPendingApprovals(db, { now: new Date(later.getTime() + 5 * hours) })).toBe(0);
    expect(await db.notification.count({ where: { staffId: cast.b.staffId, type: "approval.pending" } })).toBe(2);
    expect(await db.notification.count({ where: { staffId: cast.a.staffId, type: "approval.pending" } })).toBe(1);
    const b = await db.staff.findUniqueOrThrow({ where: { id: cast.b.staffId } });
    const mails = await db.emailOutbox.findMany({ where: { template: "approval-reminder" } });
    expect(mails.map((m) => m.toAddress)).toEqual([b.email]);
    expect(mails[0]!.text).toContain(`/crm/approvals#request-${id}`);
    // Step 2 opens: its clock starts now, and its approvers get their own single reminder.
    await vote(cast.b, id, "approve");
    expect(await remindPendingApprovals(db, { now: new Date(Date.now() + hours - 60_000) })).toBe(0);
    const step2Due = new Date(Date.now() + hours + 120_000);
    expect(await remindPendingApprovals(db, { now: step2Due })).toBe(2);
    expect(await remindPendingApprovals(db, { now: step2Due })).toBe(0);
    expect(await db.emailOutbox.count({ where: { template: "approval-reminder" } })).toBe(3);
  });

  it("reads the delay from the settings; 0 turns reminders off", async () => {
    const id = await submitted(cast);
    expect(await setReminderHours(db, cast.admin, 2)).toMatchObject({ status: "ok" });
    expect(await getReminderHours(db)).toBe(2);
    expect(await remindPendingApprovals(db, { now: new Date(Date.now() + 1.5 * 3_600_000) })).toBe(0);
    await setReminderHours(db, cast.admin, 0);
    expect(await remindPendingApprovals(db, { now: new Date(Date.now() + 99 * 3_600_000) })).toBe(0);
    await setReminderHours(db, cast.admin, 2);
    expect(await remindPendingApprovals(db, { now: new Date(Date.now() + 2.5 * 3_600_000) })).toBe(2);
    expect((await db.approvalRequest.findUniqueOrThrow({ where: { id } })).remindedStep).toBe(0);
    expect(await db.auditLog.count({ where: { action: "approvals.reminderHours" } })).toBe(3);
  });

  it("the author withdraws a pending request; nobody else can, and nobody votes on it any more", async () => {
    const id = await submitted(cast);
    await vote(cast.a, id, "approve");
    expect(await countAwaitingMyApproval(db, cast.b)).toBe(1);
    expect((await latestApprovalFor(db, cast.author, "proposal", 1))?.mayWithdraw).toBe(true);
    expect((await latestApprovalFor(db, cast.a, "proposal", 1))?.mayWithdraw).toBe(false);
    expect((await myPendingSubmissions(db, cast.author)).map((r) => r.requestId)).toEqual([id]);
    // An approver, an outsider and an unknown id: refused as not found, nothing changes.
    for (const who of [cast.a, cast.outsider, cast.admin]) {
      expect(await withdrawFromForm(db, who, { requestId: String(id) })).toMatchObject({ status: "not-found" });
    }
    expect(await withdrawFromForm(db, cast.author, { requestId: "x" })).toMatchObject({ status: "not-found" });
    expect(await statusOf(id)).toBe("pending");
    expect(await withdrawFromForm(db, cast.author, { requestId: String(id) })).toMatchObject({
      status: "ok",
      value: { status: "withdrawn" },
    });
    expect(await statusOf(id)).toBe("withdrawn");
    expect(await withdrawFromForm(db, cast.author, { requestId: String(id) })).toMatchObject({ status: "conflict" });
    expect(await vote(cast.b, id, "approve")).toMatchObject({ status: "conflict" });
    expect(await countAwaitingMyApproval(db, cast.b)).toBe(0);
    expect(await myPendingSubmissions(db, cast.author)).toEqual([]);
    expect(await remindPendingApprovals(db, { now: new Date(Date.now() + 99 * 3_600_000) })).toBe(0);
    expect(await db.auditLog.count({ where: { action: "approval.withdrawn", entityId: "1" } })).toBe(1);
    // The item is free to be submitted again.
    expect((await submit(cast.author)).status).toBe("ok");
  });

  it("an item type without an active flow needs no approval", async () => {
    const r = await db.$transaction((tx) => submitForApproval(tx, cast.author, { itemType: "quote", itemId: 5 }));
    expect(r).toMatchObject({ status: "ok", value: { status: "no-flow" } });
    expect(await saveApprovalFlow(db, cast.admin, { itemType: "quote", active: true, steps: [] })).toMatchObject({
      status: "invalid",
    });
    expect(
      await saveApprovalFlow(db, cast.admin, {
        itemType: "quote",
        active: true,
        steps: [{ mode: "or", staffIds: [987_654], roleIds: [] }],
      }),
    ).toMatchObject({ status: "invalid" });
  });
});
