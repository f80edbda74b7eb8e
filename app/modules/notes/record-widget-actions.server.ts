import { z } from "zod";
import type { Db } from "#app/lib/db.server.ts";
import type { FlashKey } from "#app/lib/flash.ts";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { IdParam } from "#app/lib/schemas.ts";
import { forbidden, invalid, ok, type FieldErrors, type ServiceResult } from "#app/lib/service-result.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { completeTask, createTask, setTaskKind, type TaskTarget } from "#app/modules/tasks/tasks.server.ts";
import { addNote, type NoteTarget } from "./notes.server.ts";

/**
 * The `note` / `task` / `task-done` intents of the record widgets (app/ui/records NotesCard and
 * TasksCard), for any record that has notes and tasks. The record's own domain decides, with the
 * actor's scope applied in its query, whether the actor may work on it (`access.canWrite`); this
 * module only turns the form into the note or task for that target. A route's action dispatches:
 *
 *   if (isRecordWidgetIntent(intent)) {
 *     const access = await opportunityWorkAccess(db, actor, id); // null → 404
 *     return respond(await runRecordWidgetIntent(db, actor, intent, form, access), {
 *       successTo: `/crm/opportunities/${id}`, flash: recordWidgetFlash });
 *   }
 */

export const RECORD_WIDGET_INTENTS = ["note", "task", "task-done", "task-kind"] as const;
export type RecordWidgetIntent = (typeof RECORD_WIDGET_INTENTS)[number];

export function isRecordWidgetIntent(value: unknown): value is RecordWidgetIntent {
  return typeof value === "string" && (RECORD_WIDGET_INTENTS as readonly string[]).includes(value);
}

/** A record that has both notes and tasks (service requests have tasks only; not a widget target). */
export type RecordWidgetTarget = NoteTarget & TaskTarget;

export interface RecordWidgetAccess {
  target: RecordWidgetTarget;
  /** Decided by the record's domain service for this actor (e.g. lead work rights, opportunity scope). */
  canWrite: boolean;
  /** Who a task goes to when the form names nobody: the record's owner, or else the actor. */
  defaultAssigneeId?: number;
  /** Staff a task may be given to (the page's picker); anyone else is refused. Omit to allow any active staff. */
  assignableIds?: readonly number[];
}

export type RecordWidgetOutcome = "noted" | "taskAdded" | "taskDone" | "taskReopened" | "taskKindChanged" | "unchanged";

/** The flash for each outcome, for `respond(…, { flash: recordWidgetFlash })`. */
export function recordWidgetFlash(outcome: RecordWidgetOutcome): FlashKey {
  switch (outcome) {
    case "noted":
      return "flash.records.noted";
    case "taskAdded":
      return "flash.records.taskAdded";
    case "taskDone":
      return "flash.records.taskDone";
    case "taskReopened":
      return "flash.records.taskReopened";
    case "taskKindChanged":
      return "flash.saved";
    case "unchanged":
      return "flash.info.noChanges";
  }
}

type Field = "body" | "title" | "dueAt" | "assigneeId" | "taskId" | "kind";

const TaskDoneSchema = z.object({
  taskId: IdParam,
  done: z.enum(["0", "1"]).optional(),
});

/** A refusal that remembers which widget it belongs to, so only that card shows the errors. */
function refused(intent: RecordWidgetIntent, errors: FieldErrors<Field>, form: FormData) {
  const values: Record<string, string> = { intent };
  for (const name of ["body", "title", "dueAt", "assigneeId", "kind"] as const) {
    const value = form.get(name);
    if (typeof value === "string") values[name] = value.slice(0, 2000);
  }
  return invalid(errors, [], values);
}

function fieldErrorsOf<F extends string>(errors: Partial<Record<F, MessageKey>>): FieldErrors<F> {
  const out: FieldErrors<F> = {};
  for (const [field, key] of Object.entries(errors) as Array<[F, MessageKey | undefined]>) if (key) out[field] = [key];
  return out;
}

/** Runs one widget intent for the record in `access`. Never throws on bad input: 400 with field errors. */
export async function runRecordWidgetIntent(
  db: Db,
  actor: StaffActor,
  intent: RecordWidgetIntent,
  form: FormData,
  access: RecordWidgetAccess,
): Promise<ServiceResult<RecordWidgetOutcome, Field>> {
  if (!access.canWrite) return forbidden();
  switch (intent) {
    case "note": {
      const result = await addNote(db, { authorId: actor.staffId, body: form.get("body"), target: access.target });
      return result.ok ? ok("noted") : refused(intent, fieldErrorsOf(result.fieldErrors), form);
    }
    case "task": {
      const picked = form.get("assigneeId");
      const assigneeId =
        typeof picked === "string" && picked !== "" ? picked : (access.defaultAssigneeId ?? actor.staffId);
      if (access.assignableIds && !access.assignableIds.includes(Number(assigneeId))) {
        return refused(intent, { assigneeId: ["leadWork.error.invalidChoice"] }, form);
      }
      const result = await createTask(db, {
        createdById: actor.staffId,
        title: form.get("title"),
        dueAt: form.get("dueAt"),
        assigneeId,
        kind: form.get("kind"),
        target: access.target,
      });
      return result.ok ? ok("taskAdded") : refused(intent, fieldErrorsOf(result.fieldErrors), form);
    }
    case "task-done": {
      const parsed = TaskDoneSchema.safeParse({
        taskId: form.get("taskId") ?? undefined,
        done: form.get("done") ?? undefined,
      });
      if (!parsed.success) return refused(intent, { taskId: ["validation.id"] }, form);
      const done = parsed.data.done !== "0";
      // Scoped to the target: a forged task id of another record changes nothing.
      const changed = await completeTask(db, { taskId: parsed.data.taskId, target: access.target, done });
      return ok(changed ? (done ? "taskDone" : "taskReopened") : "unchanged");
    }
    case "task-kind": {
      const taskId = IdParam.safeParse(form.get("taskId") ?? undefined);
      if (!taskId.success) return refused(intent, { taskId: ["validation.id"] }, form);
      const outcome = await setTaskKind(db, { taskId: taskId.data, target: access.target, kind: form.get("kind") });
      if (outcome === "invalid") return refused(intent, { kind: ["leadWork.error.invalidChoice"] }, form);
      // A forged id of another record's task changes nothing (as task-done).
      return ok(outcome === "changed" ? "taskKindChanged" : "unchanged");
    }
  }
}
