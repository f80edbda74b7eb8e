import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { mergeGrants, type Action } from "#app/modules/auth/permissions.ts";
import { staffActorFor } from "#app/modules/auth/staff-actor.ts";
import { createTestMember } from "#tests/factories/members.ts";
import { createTestStaff } from "#tests/factories/staff.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { PAGE_SIZE, replyAsStaff, startThread } from "./site-messages.server.ts";
import { staffInboxList } from "./staff-inbox-query.ts";
import { listStaffInbox } from "./staff-inbox.server.ts";

const query = (search: string) => staffInboxList.parse(new URLSearchParams(search));

async function staffWith(actions: Action[]) {
  const grants = actions.map((action) => ({ module: "members" as const, action, scope: "all" as const }));
  const { staff } = await createTestStaff(db, { grants });
  return staffActorFor(staff, { grants: mergeGrants(grants) });
}

async function thread(memberId: number, subject: string) {
  const result = await startThread(db, memberId, { subject, body: "请问怎么处理？" });
  if (result.kind !== "ok") throw new Error(`startThread: ${result.kind}`);
  // More threads than one member may start in an hour.
  await db.rateLimitBucket.deleteMany();
  return result.threadId;
}

async function list(actor: Awaited<ReturnType<typeof staffWith>>, search = "") {
  const page = await listStaffInbox(db, actor, query(search));
  if (!page) throw new Error("forbidden");
  return page;
}

describe("staff inbox list", () => {
  beforeEach(() => resetDatabase());

  it("tabs by handler with counts; unread threads first by default, also across pages", async () => {
    const me = await staffWith(["browse", "modify"]);
    const colleague = await staffWith(["browse", "modify"]);
    const { member } = await createTestMember(db);
    const mine = await thread(member.id, "我的");
    const theirs = await thread(member.id, "同事的");
    const open = await thread(member.id, "未分配");
    await replyAsStaff(db, me, mine, { body: "a" });
    await replyAsStaff(db, colleague, theirs, { body: "b" });

    expect((await list(me, "filter=mine")).items.map((i) => i.id)).toEqual([mine]);
    expect((await list(me, "filter=unassigned")).items.map((i) => i.id)).toEqual([open]);
    const all = await list(me);
    // The only unread thread (open) comes before the newer, read ones.
    expect(all.items.map((i) => i.id)).toEqual([open, theirs, mine]);
    expect(all.counts).toEqual({ all: 3, unassigned: 1, mine: 1 });
    expect(all.total).toEqual({ count: 3, capped: false });
    expect((await list(me, "sort=activity")).items.map((i) => i.id)).toEqual([theirs, mine, open]);

    // Across a page boundary: 25 more unread threads, then the 2 read ones on page 2.
    await db.messageThread.createMany({
      data: Array.from({ length: PAGE_SIZE + 5 }, (_, i) => ({
        memberId: member.id,
        subject: `批量 ${i}`,
        staffUnreadCount: 1,
        lastMessageAt: new Date(Date.now() - 60_000),
      })),
    });
    const p1 = await list(me, "page=1");
    const p2 = await list(me, "page=2");
    expect(p1.items.every((i) => i.unread > 0)).toBe(true);
    expect(p2.items.map((i) => i.unread > 0)).toEqual([...Array(6).fill(true), false, false]);
    expect(new Set([...p1.items, ...p2.items].map((i) => i.id)).size).toBe(PAGE_SIZE + 8);
  });

  it("searches subject and member, sorts by subject, hides who an anonymised member was, refuses outsiders", async () => {
    const me = await staffWith(["browse"]);
    const { member: zhou } = await createTestMember(db, { nickname: "小周同学", email: "zhou@example.cn" });
    const { member: gone } = await createTestMember(db, { nickname: "已注销的会员" });
    await thread(zhou.id, "B 发票抬头");
    await thread(zhou.id, "A 合同盖章");
    await thread(gone.id, "C 培训时间");
    await db.member.update({
      where: { id: gone.id },
      data: { status: "deregistered", deregisteredAt: new Date(), email: `deregistered-${gone.id}@invalid` },
    });

    const subjects = async (search: string) => (await list(me, search)).items.map((i) => i.subject);
    expect(await subjects("sort=subject")).toEqual(["A 合同盖章", "B 发票抬头", "C 培训时间"]);
    expect(await subjects("sort=subject&dir=desc")).toEqual(["C 培训时间", "B 发票抬头", "A 合同盖章"]);
    expect(await subjects("q=zhou%40example&sort=subject")).toEqual(["A 合同盖章", "B 发票抬头"]);
    expect(await subjects("q=已注销")).toEqual([]);
    const anonymised = (await list(me, "q=培训")).items;
    expect(anonymised.map((i) => [i.subject, i.member])).toEqual([
      ["C 培训时间", { id: gone.id, anonymised: true, nickname: null, email: null }],
    ]);

    const outsider = staffActorFor((await createTestStaff(db)).staff);
    expect(await listStaffInbox(db, outsider, query(""))).toBeNull();
  });
});
