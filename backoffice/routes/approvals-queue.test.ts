import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { saveApprovalFlow } from "#app/modules/approvals/approval-flows.server.ts";
import { submitForApproval } from "#app/modules/approvals/approvals.server.ts";
import { staffActorFor } from "#app/modules/auth/staff-actor.ts";
import { createSalesCompany } from "#tests/factories/sales.ts";
import { get, outcome, post, signedInStaff } from "#tests/route-harness.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { action, loader } from "./approvals-queue.tsx";
import { loader as shellLoader } from "./crm-layout.tsx";

// 待我审核 through its route: the shell's navigation count, the author's 撤回 (also as the approval panel
// posts it, with a return path kept under /crm), and nothing for anyone else.

async function setUp() {
  const admin = await signedInStaff({ isAdmin: true });
  const approver = await signedInStaff();
  const author = await signedInStaff();
  const adminActor = staffActorFor(await db.staff.findUniqueOrThrow({ where: { id: admin.staffId } }), {
    isAdmin: true,
  });
  await saveApprovalFlow(db, adminActor, {
    itemType: "proposal",
    active: true,
    steps: [{ mode: "or", staffIds: [approver.staffId], roleIds: [] }],
  });
  const authorActor = staffActorFor(await db.staff.findUniqueOrThrow({ where: { id: author.staffId } }));
  // A real proposal #3 (its approval adapter describes it).
  const company = await createSalesCompany(db, { ownerId: author.staffId });
  await db.proposal.create({ data: { id: 3, title: "测试提议", companyId: company.id, ownerId: author.staffId } });
  const submitted = await db.$transaction((tx) =>
    submitForApproval(tx, authorActor, { itemType: "proposal", itemId: 3 }),
  );
  if (submitted.status !== "ok" || submitted.value.status !== "pending") throw new Error("not submitted");
  return { approver, author, requestId: submitted.value.requestId };
}

const shellCount = async (cookie: string) => {
  const body = (await outcome(() => shellLoader(get("/crm", cookie)))).body as {
    extras: { approvalsAwaiting: number };
  };
  return body.extras.approvalsAwaiting;
};

describe("approvals queue route", { timeout: 60_000 }, () => {
  beforeEach(() => resetDatabase());

  it("counts in the navigation, lists the author's pending submission, and lets only the author withdraw", async () => {
    const { approver, author, requestId } = await setUp();
    expect(await shellCount(approver.cookie)).toBe(1);
    expect(await shellCount(author.cookie)).toBe(0);
    const page = (await outcome(() => loader(get("/crm/approvals", author.cookie)))).body as {
      mine: Array<{ requestId: number }>;
    };
    expect(page.mine.map((r) => r.requestId)).toEqual([requestId]);

    const form = (cookie: string, returnTo: string) =>
      post("/crm/approvals", cookie, { intent: "approval-withdraw", requestId: String(requestId), returnTo });
    expect((await outcome(() => action(form(approver.cookie, "/crm/opportunities")))).status).toBe(404);
    expect(
      (await outcome(() => action(post("/crm/approvals", author.cookie, { intent: "approval-withdraw" })))).status,
    ).toBe(404);
    // An off-site return path falls back to the queue.
    const done = await outcome(() => action(form(author.cookie, "//evil.example/x")));
    expect(done).toMatchObject({ status: 302, location: "/crm/approvals?flash=flash.saved" });
    expect(await shellCount(approver.cookie)).toBe(0);
    expect((await outcome(() => action(form(author.cookie, "/crm/x")))).status).toBe(409);
  });

  it("returns to the record page the panel posted from", async () => {
    const { author, requestId } = await setUp();
    const done = await outcome(() =>
      action(
        post("/crm/approvals", author.cookie, {
          intent: "approval-withdraw",
          requestId: String(requestId),
          returnTo: "/crm/service-contracts/7?tab=approval",
        }),
      ),
    );
    expect(done.status).toBe(302);
    expect(done.location).toMatch(/^\/crm\/service-contracts\/7\?tab=approval&flash=flash\.saved$/);
  });
});
