import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { mergeGrants } from "#app/modules/auth/permissions.ts";
import { staffActorFor } from "#app/modules/auth/staff-actor.ts";
import { createTestMember } from "#tests/factories/members.ts";
import { createTestStaff } from "#tests/factories/staff.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { staffInboxList } from "./staff-inbox-query.ts";
import { listStaffInbox } from "./staff-inbox.server.ts";

const query = (search: string) => staffInboxList.parse(new URLSearchParams(search));

async function thread(
  memberId: number,
  subject: string,
  at: string,
  extra: { unread?: number; assignedStaffId?: number } = {},
) {
  return db.messageThread.create({
    data: {
      memberId,
      subject,
      lastMessageAt: new Date(at),
      staffUnreadCount: extra.unread ?? 0,
      assignedStaffId: extra.assignedStaffId ?? null,
    },
  });
}

describe("staff inbox list", () => {
  beforeEach(() => resetDatabase());

  it("sorts by activity, unread and subject, searches, counts per tab and refuses staff without members", async () => {
    const grants = [{ module: "members" as const, action: "browse" as const, scope: "all" as const }];
    const { staff } = await createTestStaff(db, { grants });
    const me = staffActorFor(staff, { grants: mergeGrants(grants) });
    const { member: zhou } = await createTestMember(db, { nickname: "小周同学", email: "zhou@example.cn" });
    const { member: li } = await createTestMember(db, { nickname: "李采购" });
    await thread(zhou.id, "B 发票抬头", "2026-11-02T08:00:00Z", { unread: 1 });
    await thread(li.id, "A 合同盖章", "2026-11-03T08:00:00Z", { assignedStaffId: staff.id });
    await thread(li.id, "C 培训时间", "2026-11-01T08:00:00Z", { unread: 3 });

    const subjects = async (search: string) =>
      (await listStaffInbox(db, me, query(search)))!.items.map((i) => i.subject);
    expect(await subjects("")).toEqual(["A 合同盖章", "B 发票抬头", "C 培训时间"]);
    expect(await subjects("sort=unread")).toEqual(["C 培训时间", "B 发票抬头", "A 合同盖章"]);
    expect(await subjects("sort=subject&dir=desc")).toEqual(["C 培训时间", "B 发票抬头", "A 合同盖章"]);
    expect(await subjects("q=zhou%40example")).toEqual(["B 发票抬头"]);
    expect(await subjects("q=培训")).toEqual(["C 培训时间"]);
    expect(await subjects("filter=mine")).toEqual(["A 合同盖章"]);

    const page = await listStaffInbox(db, me, query("filter=unassigned"));
    expect(page).toMatchObject({ total: { count: 2, capped: false }, counts: { all: 3, unassigned: 2, mine: 1 } });
    expect(page!.items[0]).toMatchObject({ member: { nickname: expect.any(String) }, assignee: null });

    const outsider = staffActorFor((await createTestStaff(db)).staff);
    expect(await listStaffInbox(db, outsider, query(""))).toBeNull();
  });
});
