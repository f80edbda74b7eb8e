import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { staffActorFor } from "#app/modules/auth/staff-actor.ts";
import { createTestCampaign, createTestLead } from "#tests/factories/lead-inbox.ts";
import { createTestSalesperson } from "#tests/factories/lead-work.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { isRecordWidgetIntent, recordWidgetFlash, runRecordWidgetIntent } from "./record-widget-actions.server.ts";

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

describe("record widget intents", () => {
  beforeEach(() => resetDatabase());

  it("adds a note and a task to the target, the task going to the default assignee", async () => {
    const me = await createTestSalesperson(db);
    const owner = await createTestSalesperson(db);
    const lead = await createTestLead(db, { ownerId: owner.id });
    const actor = staffActorFor(me);
    const access = { target: { leadId: lead.id }, canWrite: true, defaultAssigneeId: owner.id };

    expect(await runRecordWidgetIntent(db, actor, "note", form({ body: "  电话已联系  " }), access)).toEqual({
      status: "ok",
      value: "noted",
    });
    expect(
      await runRecordWidgetIntent(db, actor, "task", form({ title: "发报价", dueAt: "2030-01-10" }), access),
    ).toEqual({ status: "ok", value: "taskAdded" });
    const note = await db.note.findFirstOrThrow();
    expect(note).toMatchObject({ leadId: lead.id, authorId: me.id, body: "电话已联系" });
    const task = await db.task.findFirstOrThrow();
    expect(task).toMatchObject({ leadId: lead.id, assigneeId: owner.id, createdById: me.id, title: "发报价" });
    expect(task.dueAt?.toISOString()).toBe("2030-01-10T15:59:59.000Z");
  });

  it("refuses without write access and changes nothing", async () => {
    const me = await createTestSalesperson(db);
    const lead = await createTestLead(db, { ownerId: me.id });
    const access = { target: { leadId: lead.id }, canWrite: false };
    const result = await runRecordWidgetIntent(db, staffActorFor(me), "note", form({ body: "偷写" }), access);
    expect(result).toMatchObject({ status: "forbidden" });
    expect(await db.note.count()).toBe(0);
  });

  it("answers bad input with field errors tagged with the intent, never a throw", async () => {
    const me = await createTestSalesperson(db);
    const other = await createTestSalesperson(db);
    const lead = await createTestLead(db, { ownerId: me.id });
    const actor = staffActorFor(me);
    const access = { target: { leadId: lead.id }, canWrite: true, assignableIds: [me.id] };

    expect(await runRecordWidgetIntent(db, actor, "note", form({ body: "   " }), access)).toEqual({
      status: "invalid",
      fieldErrors: { body: ["leadWork.error.required"] },
      formErrors: [],
      values: { intent: "note", body: "   " },
    });
    const badTask = await runRecordWidgetIntent(db, actor, "task", form({ title: "", dueAt: "明天" }), access);
    expect(badTask).toMatchObject({
      status: "invalid",
      fieldErrors: { title: ["leadWork.error.required"], dueAt: ["leadWork.error.invalidDate"] },
      values: { intent: "task" },
    });
    // Someone outside the page's picker is refused even with a forged id.
    const outsider = await runRecordWidgetIntent(
      db,
      actor,
      "task",
      form({ title: "转给别人", assigneeId: String(other.id) }),
      access,
    );
    expect(outsider).toMatchObject({
      status: "invalid",
      fieldErrors: { assigneeId: ["leadWork.error.invalidChoice"] },
    });
    expect(await runRecordWidgetIntent(db, actor, "task-done", form({ taskId: "abc" }), access)).toMatchObject({
      status: "invalid",
      fieldErrors: { taskId: ["validation.id"] },
    });
    expect(await db.task.count()).toBe(0);
    expect(await db.note.count()).toBe(0);
  });

  it("completes and reopens only the target's own task", async () => {
    const me = await createTestSalesperson(db);
    const lead = await createTestLead(db, { ownerId: me.id });
    const campaign = await createTestCampaign(db, me.id);
    const actor = staffActorFor(me);
    const leadAccess = { target: { leadId: lead.id }, canWrite: true };
    const campaignAccess = { target: { campaignId: campaign.id }, canWrite: true };
    await runRecordWidgetIntent(db, actor, "task", form({ title: "线索任务" }), leadAccess);
    const task = await db.task.findFirstOrThrow();

    // Through another record's page, the task id changes nothing.
    expect(
      await runRecordWidgetIntent(db, actor, "task-done", form({ taskId: String(task.id) }), campaignAccess),
    ).toEqual({ status: "ok", value: "unchanged" });
    expect((await db.task.findUniqueOrThrow({ where: { id: task.id } })).doneAt).toBeNull();

    expect(await runRecordWidgetIntent(db, actor, "task-done", form({ taskId: String(task.id) }), leadAccess)).toEqual({
      status: "ok",
      value: "taskDone",
    });
    expect((await db.task.findUniqueOrThrow({ where: { id: task.id } })).doneAt).not.toBeNull();
    const reopened = await runRecordWidgetIntent(
      db,
      actor,
      "task-done",
      form({ taskId: String(task.id), done: "0" }),
      leadAccess,
    );
    expect(reopened).toEqual({ status: "ok", value: "taskReopened" });
    expect((await db.task.findUniqueOrThrow({ where: { id: task.id } })).doneAt).toBeNull();
  });

  it("knows its intents and flashes", () => {
    expect(isRecordWidgetIntent("note")).toBe(true);
    expect(isRecordWidgetIntent("update")).toBe(false);
    expect(recordWidgetFlash("taskDone")).toBe("flash.records.taskDone");
    expect(recordWidgetFlash("unchanged")).toBe("flash.info.noChanges");
  });
});
