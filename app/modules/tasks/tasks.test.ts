import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { createTestCampaign, createTestLead } from "#tests/factories/lead-inbox.ts";
import { createTestSalesperson } from "#tests/factories/lead-work.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { completeTask, createTask, listTasks } from "./tasks.server.ts";

describe("tasks", () => {
  beforeEach(() => resetDatabase());

  it("creates tasks on a record, lists open by due date then done, and completes only that record's task", async () => {
    const me = await createTestSalesperson(db);
    const lead = await createTestLead(db, { ownerId: me.id });
    const campaign = await createTestCampaign(db, me.id);
    const later = await createTask(db, {
      createdById: me.id,
      title: "发报价",
      dueAt: "2030-01-10",
      target: { leadId: lead.id },
    });
    const sooner = await createTask(db, {
      createdById: me.id,
      title: "回电话",
      dueAt: "2020-01-02",
      target: { leadId: lead.id },
    });
    const undated = await createTask(db, { createdById: me.id, title: "整理资料", target: { leadId: lead.id } });
    const other = await createTask(db, { createdById: me.id, title: "战役任务", target: { campaignId: campaign.id } });
    if (!later.ok || !sooner.ok || !undated.ok || !other.ok) throw new Error("setup");

    let tasks = await listTasks(db, { leadId: lead.id });
    expect(tasks.map((t) => t.title)).toEqual(["回电话", "发报价", "整理资料"]);
    expect(tasks[0]).toMatchObject({ overdue: true, assignee: { id: me.id } });
    expect(tasks[0]!.dueAt?.toISOString()).toBe("2020-01-02T15:59:59.000Z");

    expect(await completeTask(db, { taskId: other.task.id, target: { leadId: lead.id } })).toBe(false);
    expect(await completeTask(db, { taskId: sooner.task.id, target: { leadId: lead.id } })).toBe(true);
    expect(await completeTask(db, { taskId: sooner.task.id, target: { leadId: lead.id } })).toBe(false);
    tasks = await listTasks(db, { leadId: lead.id });
    expect(tasks.map((t) => [t.title, t.overdue, t.doneAt !== null])).toEqual([
      ["发报价", false, false],
      ["整理资料", false, false],
      ["回电话", false, true],
    ]);
    expect((await listTasks(db, { campaignId: campaign.id })).map((t) => t.title)).toEqual(["战役任务"]);
  });

  it("refuses a blank title, a bad date and an inactive assignee", async () => {
    const me = await createTestSalesperson(db);
    const gone = await db.staff.update({
      where: { id: (await createTestSalesperson(db)).id },
      data: { status: "inactive" },
    });
    const lead = await createTestLead(db, { ownerId: me.id });
    expect(
      await createTask(db, { createdById: me.id, title: " ", dueAt: "soon", target: { leadId: lead.id } }),
    ).toEqual({
      ok: false,
      fieldErrors: { title: "leadWork.error.required", dueAt: "leadWork.error.invalidDate" },
    });
    expect(
      await createTask(db, { createdById: me.id, title: "x", assigneeId: gone.id, target: { leadId: lead.id } }),
    ).toEqual({ ok: false, fieldErrors: { assigneeId: "leadWork.error.invalidChoice" } });
    expect(await db.task.count()).toBe(0);
  });
});
