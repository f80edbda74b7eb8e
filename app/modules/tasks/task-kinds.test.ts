import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { staffActorFor } from "#app/modules/auth/staff-actor.ts";
import { runRecordWidgetIntent } from "#app/modules/notes/record-widget-actions.server.ts";
import { saveLookupValue, shellLookups } from "#app/modules/settings/lookup-values.server.ts";
import { createTestLead } from "#tests/factories/lead-inbox.ts";
import { createTestSalesperson } from "#tests/factories/lead-work.ts";
import { createTestStaff } from "#tests/factories/staff.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { listTasks } from "./tasks.server.ts";

// 任务类型 (#16 item 6, decision 040): a task carries a task_kind code, picked when it is added and
// changed later through TasksCard's `task-kind` intent; a kind the admin deactivated stays on the
// tasks that carry it but is no longer offered or accepted for others.

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

async function deactivateKind(code: string) {
  const admin = staffActorFor((await createTestStaff(db, { isAdmin: true })).staff, { isAdmin: true });
  const result = await saveLookupValue(db, admin, "task_kind", {
    code,
    labelZh: "拜访（停用）",
    labelEn: "Visit (retired)",
    position: 20,
    active: false,
  });
  expect(result.status).toBe("ok");
}

describe("task kinds", () => {
  beforeEach(() => resetDatabase());

  it("stores the kind picked on a new task and lists it; blank is none, unknown is refused", async () => {
    const me = await createTestSalesperson(db);
    const lead = await createTestLead(db, { ownerId: me.id });
    const actor = staffActorFor(me);
    const access = { target: { leadId: lead.id }, canWrite: true };
    expect(await runRecordWidgetIntent(db, actor, "task", form({ title: "回电话", kind: "call" }), access)).toEqual({
      status: "ok",
      value: "taskAdded",
    });
    await runRecordWidgetIntent(db, actor, "task", form({ title: "整理资料", kind: "" }), access);
    const refused = await runRecordWidgetIntent(db, actor, "task", form({ title: "乱填", kind: "<b>" }), access);
    expect(refused).toMatchObject({ status: "invalid", fieldErrors: { kind: ["leadWork.error.invalidChoice"] } });
    const tasks = await listTasks(db, { leadId: lead.id });
    expect(tasks.map((t) => [t.title, t.kind])).toEqual([
      ["回电话", "call"],
      ["整理资料", null],
    ]);
  });

  it("keeps a deactivated kind on its task, refuses it elsewhere, and changes only the target's tasks", async () => {
    const me = await createTestSalesperson(db);
    const lead = await createTestLead(db, { ownerId: me.id });
    const otherLead = await createTestLead(db, { ownerId: me.id });
    const actor = staffActorFor(me);
    const access = { target: { leadId: lead.id }, canWrite: true };
    await runRecordWidgetIntent(db, actor, "task", form({ title: "上门拜访", kind: "visit" }), access);
    const visit = await db.task.findFirstOrThrow({ where: { title: "上门拜访" } });
    await deactivateKind("visit");

    // Still labelled in the shells, flagged inactive so pickers only keep it for tasks that carry it.
    const shell = await shellLookups(db, "zh-CN");
    expect(shell.task_kind.visit).toBe("拜访（停用）");
    expect(shell.inactive.task_kind).toEqual(["visit"]);

    const kind = (taskId: number, value: string, target = access) =>
      runRecordWidgetIntent(db, actor, "task-kind", form({ taskId: String(taskId), kind: value }), target);
    expect(await kind(visit.id, "visit")).toEqual({ status: "ok", value: "unchanged" });
    const fresh = await runRecordWidgetIntent(db, actor, "task", form({ title: "再拜访", kind: "visit" }), access);
    expect(fresh).toMatchObject({ status: "invalid" });

    expect(await kind(visit.id, "meeting")).toEqual({ status: "ok", value: "taskKindChanged" });
    expect(await kind(visit.id, "visit")).toMatchObject({ status: "invalid" });
    // A forged task id through another record's page changes nothing.
    expect(await kind(visit.id, "demo", { target: { leadId: otherLead.id }, canWrite: true })).toEqual({
      status: "ok",
      value: "unchanged",
    });
    expect(await kind(visit.id, "demo", { ...access, canWrite: false })).toMatchObject({ status: "forbidden" });
    expect(await runRecordWidgetIntent(db, actor, "task-kind", form({ taskId: "x" }), access)).toMatchObject({
      status: "invalid",
    });
    expect((await db.task.findUniqueOrThrow({ where: { id: visit.id } })).kind).toBe("meeting");
  });
});
