import { CalendarClock, CheckCircle2, Circle, ListTodo } from "lucide-react";
import { Form } from "react-router";
import { formatMediumDate, type DateValue } from "#app/lib/format/dates.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { Badge } from "../badge.tsx";
import { Card, CardBody, CardHeader } from "../card.tsx";
import { cn } from "../cn.ts";
import { DateField } from "../form/date-field.tsx";
import { ErrorList } from "../form/error-list.tsx";
import { SelectField } from "../form/select-field.tsx";
import { SubmitButton, useSubmitting } from "../form/submit-button.tsx";
import { TextField } from "../form/text-field.tsx";
import { useLookupPicker } from "../lookup-labels.ts";
import { RelativeTime } from "../relative-time.tsx";
import { widgetErrors } from "./widget-errors.ts";

/**
 * TasksCard — the tasks of any record: open ones first by due date, then done ones; a "done" button
 * per open task (and "reopen" per done task when `allowReopen`), and an add form.
 *
 * Props:
 * - `tasks`: `TaskItem[]` from `listTasks(db, target)` (app/modules/tasks/tasks.server.ts).
 * - `canWrite`: the record's domain says the actor may add and complete tasks.
 * - `now`: the loader's `Date.now()`.
 * - `assignable`: staff the add form offers as assignee (a select when there are two or more; with
 *   none or one the task goes to `defaultAssigneeId`, chosen by the server helper).
 * - `defaultAssigneeId`: the preselected assignee (usually the actor).
 * - `allowReopen`: offer "reopen" on done tasks (posts `done=0`).
 * - `result`: the page's `useActionData()`; errors show only when it refused the `task` intent.
 * - `texts`: optional `{ title, none }` wording (defaults `records.tasks.*`).
 *
 * Forms post `intent=task` (`title`, `kind`, `dueAt` YYYY-MM-DD, `assigneeId`), `intent=task-done`
 * (`taskId`, `done`) and `intent=task-kind` (`taskId`, `kind`), handled by `runRecordWidgetIntent`.
 * 任务类型 come from the admin's task_kind system table through the shell (a deactivated kind still
 * shows on the tasks that carry it). The card is a region named by its title.
 */

export interface TaskItem {
  id: number;
  title: string;
  /** 任务类型 (task_kind code). */
  kind?: string | null;
  dueAt: DateValue | null;
  doneAt: DateValue | null;
  overdue: boolean;
  assignee: { id: number; name: string };
}

export interface TasksTexts {
  title: MessageKey;
  none: MessageKey;
}

export function TasksCard({
  tasks,
  canWrite,
  now,
  assignable = [],
  defaultAssigneeId,
  allowReopen = false,
  result,
  texts,
  className,
}: {
  tasks: readonly TaskItem[];
  canWrite: boolean;
  now: DateValue;
  assignable?: ReadonlyArray<{ id: number; name: string }>;
  defaultAssigneeId?: number;
  allowReopen?: boolean;
  result?: unknown;
  texts?: Partial<TasksTexts>;
  className?: string;
}) {
  const { t, locale } = useI18n();
  const title = t(texts?.title ?? "records.tasks.title");
  const errors = widgetErrors(result, "task");
  const toggling = useSubmitting("task-done");
  const kinds = useLookupPicker("task_kind");
  return (
    <Card aria-label={title} className={className}>
      <CardHeader title={title} icon={<ListTodo className="size-4" aria-hidden />} />
      <CardBody className="space-y-4">
        {tasks.length === 0 ? (
          <p className="text-sm text-slate-400">{t(texts?.none ?? "common.noTasks")}</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {tasks.map((task) => (
              <li key={task.id} className="flex items-start gap-3 py-2 text-sm">
                {task.doneAt ? (
                  <CheckCircle2 className="mt-0.5 size-4 shrink-0 text-emerald-600" aria-hidden />
                ) : (
                  <Circle className="mt-0.5 size-4 shrink-0 text-slate-300" aria-hidden />
                )}
                <div className="min-w-0 flex-1">
                  <p className={cn("break-words text-slate-900", task.doneAt && "text-slate-400 line-through")}>
                    {task.title}
                  </p>
                  <p className="mt-0.5 flex flex-wrap items-center gap-x-2 text-xs text-slate-500">
                    {task.kind ? <Badge tone="slate">{kinds.label(task.kind)}</Badge> : null}
                    <span>{task.assignee.name}</span>
                    {task.dueAt ? (
                      <span
                        className={cn("inline-flex items-center gap-1", task.overdue && "font-medium text-red-600")}
                      >
                        <CalendarClock className="size-3" aria-hidden />
                        {t(task.overdue ? "common.overdueDate" : "common.dueDate", {
                          date: formatMediumDate(task.dueAt, locale),
                        })}
                      </span>
                    ) : null}
                    {task.doneAt ? (
                      <span>
                        {t("common.done")} <RelativeTime value={task.doneAt} now={now} />
                      </span>
                    ) : null}
                  </p>
                  {canWrite && !task.doneAt ? <TaskKindForm task={task} options={kinds.options(task.kind)} /> : null}
                </div>
                {canWrite && (!task.doneAt || allowReopen) ? (
                  <Form method="post">
                    <input type="hidden" name="taskId" value={task.id} />
                    <input type="hidden" name="done" value={task.doneAt ? "0" : "1"} />
                    <SubmitButton
                      intent="task-done"
                      variant="ghost"
                      size="sm"
                      disabled={toggling}
                      pendingLabel={task.doneAt ? t("records.tasks.reopen") : t("records.tasks.complete")}
                      aria-label={t(task.doneAt ? "records.tasks.reopenOne" : "common.completeTaskTitle", {
                        title: task.title,
                      })}
                    >
                      {task.doneAt ? t("records.tasks.reopen") : t("records.tasks.complete")}
                    </SubmitButton>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {canWrite ? (
          // A new key per added task empties the form after a successful add.
          <Form method="post" className="space-y-3 border-t border-slate-100 pt-4" key={tasks.length}>
            <TextField
              name="title"
              id="record-task-title"
              label={t("common.task")}
              maxLength={200}
              errors={errors.title}
            />
            <div className="grid gap-3 sm:grid-cols-2">
              <SelectField
                name="kind"
                id="record-task-kind"
                label={t("adminEnums.taskKind.label")}
                placeholder={t("common.none")}
                options={kinds.options()}
                errors={errors.kind}
              />
              <DateField name="dueAt" id="record-task-due" label={t("records.tasks.dueLabel")} errors={errors.dueAt} />
              {assignable.length > 1 ? (
                <SelectField
                  name="assigneeId"
                  id="record-task-assignee"
                  label={t("common.assignee")}
                  defaultValue={defaultAssigneeId !== undefined ? String(defaultAssigneeId) : undefined}
                  options={assignable.map((s) => ({ value: String(s.id), label: s.name }))}
                  errors={errors.assigneeId}
                />
              ) : (
                <ErrorList id="record-task-assignee-error" errors={errors.assigneeId} />
              )}
            </div>
            <SubmitButton intent="task" size="sm" variant="secondary">
              {t("common.addTask")}
            </SubmitButton>
          </Form>
        ) : null}
      </CardBody>
    </Card>
  );
}

/** Changes one open task's kind (the current one stays offered even when deactivated). */
function TaskKindForm({ task, options }: { task: TaskItem; options: ReadonlyArray<{ value: string; label: string }> }) {
  const { t } = useI18n();
  return (
    <details className="mt-1 text-xs">
      <summary className="cursor-pointer text-blue-700 select-none">{t("adminEnums.taskKind.change")}</summary>
      <Form method="post" className="mt-1 flex flex-wrap items-end gap-2">
        <input type="hidden" name="taskId" value={task.id} />
        <SelectField
          name="kind"
          id={`record-task-kind-${task.id}`}
          label={t("adminEnums.taskKind.label")}
          defaultValue={task.kind ?? ""}
          placeholder={t("common.none")}
          options={options}
        />
        <SubmitButton intent="task-kind" size="sm" variant="secondary">
          {t("common.save")}
        </SubmitButton>
      </Form>
    </details>
  );
}
