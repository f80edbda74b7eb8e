import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { mergeGrants, type Action, type Module, type Scope } from "#app/modules/auth/permissions.ts";
import { staffActorFor } from "#app/modules/auth/staff-actor.ts";
import { createTestMember } from "#tests/factories/members.ts";
import { createTestStaff } from "#tests/factories/staff.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { DEMO_ROLES } from "#prisma/seed/demo-organisation.ts";
import { staffReplyForm } from "./message-actions.server.ts";
import { openThreadForStaff, replyAsStaff, startThread } from "./site-messages.server.ts";

// Issue #14 item 15: customer service reads members' messages and must be able to answer them.

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

/** The grants of a seeded role, as the session would load them. */
function seededGrants(code: string) {
  const role = DEMO_ROLES.find((r) => r.code === code);
  if (!role) throw new Error(`no seeded role ${code}`);
  const list: Array<{ module: Module; action: Action; scope: Scope }> = [];
  for (const [module, grant] of Object.entries(role.grants)) {
    for (const action of grant.actions) list.push({ module: module as Module, action, scope: grant.scope });
  }
  return mergeGrants(list);
}

async function newThread() {
  const { member } = await createTestMember(db);
  const started = await startThread(db, member.id, { subject: "发票抬头", body: "请问如何修改？" });
  if (started.kind !== "ok") throw new Error(started.kind);
  return started.threadId;
}

async function snapshot(threadId: number) {
  return {
    thread: await db.messageThread.findUniqueOrThrow({ where: { id: threadId } }),
    messages: await db.message.count({ where: { threadId } }),
  };
}

beforeEach(() => resetDatabase());

describe("staff replies to site messages", () => {
  it("lets a customer-service actor (seeded csr grants) reply to a thread they may read", async () => {
    const threadId = await newThread();
    const { staff } = await createTestStaff(db);
    const csr = staffActorFor(staff, { grants: seededGrants("csr") });
    expect((await openThreadForStaff(db, csr, threadId)).kind).toBe("ok");

    const replied = await staffReplyForm(db, csr, threadId, form({ body: "您好，请在账户页修改发票抬头。" }));
    expect(replied).toMatchObject({ status: "ok" });
    const after = await snapshot(threadId);
    expect(after.messages).toBe(2);
    expect(after.thread.assignedStaffId).toBe(staff.id);
  });

  it("refuses staff without the members grant and changes nothing", async () => {
    const threadId = await newThread();
    const before = await snapshot(threadId);
    const { staff } = await createTestStaff(db);
    const sales = staffActorFor(staff, { grants: seededGrants("sales") });

    expect(await staffReplyForm(db, sales, threadId, form({ body: "插一句" }))).toMatchObject({ status: "forbidden" });
    expect(await snapshot(threadId)).toEqual(before);
  });

  it("applies the reader's scope in the query: another team's thread is not found and unchanged", async () => {
    const threadId = await newThread();
    const north = await db.team.create({ data: { name: "北区客服" } });
    const south = await db.team.create({ data: { name: "南区客服" } });
    const { staff: owner } = await createTestStaff(db, { teamId: north.id });
    const ownerActor = staffActorFor(owner, { grants: { members: { browse: "team" } } });
    expect(await replyAsStaff(db, ownerActor, threadId, { body: "我来处理" })).toMatchObject({ kind: "ok" });
    const before = await snapshot(threadId);

    const { staff: outsider } = await createTestStaff(db, { teamId: south.id });
    const outsiderActor = staffActorFor(outsider, { grants: { members: { browse: "team" } } });
    expect(await replyAsStaff(db, outsiderActor, threadId, { body: "越权回复" })).toEqual({ kind: "not-found" });
    expect((await openThreadForStaff(db, outsiderActor, threadId)).kind).toBe("not-found");
    expect(await snapshot(threadId)).toEqual(before);

    const { staff: teammate } = await createTestStaff(db, { teamId: north.id });
    const teammateActor = staffActorFor(teammate, { grants: { members: { browse: "team" } } });
    expect(await replyAsStaff(db, teammateActor, threadId, { body: "同组补充" })).toMatchObject({ kind: "ok" });
  });
});
