import { CalendarClock, CheckCircle2, Circle, ListTodo, MessageSquareText } from "lucide-react";
import { useFetcher } from "react-router";
import { formatMediumDate } from "#app/lib/format/dates.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { Failure } from "#app/lib/service-result.ts";
import { Card, CardBody, CardHeader } from "#app/ui/card.tsx";
import { cn } from "#app/ui/cn.ts";
import { fieldErrors } from "#app/ui/form/action-result.ts";
import { DateField } from "#app/ui/form/date-field.tsx";
import { FailureNotice } from "#app/ui/form/form-notice.tsx";
import { SelectField } from "#app/ui/form/select-field.tsx";
import { SubmitButton } from "#app/ui/form/submit-button.tsx";
import { TextareaField } from "#app/ui/form/textarea-field.tsx";
import { TextField } from "#app/ui/form/text-field.tsx";
import { RelativeTime } from "#backoffice/components/lead-ui.tsx";

// 跟进记录 and 任务 of a lead. Whoever works the lead writes; everyone who may open it reads.

type When = Date | string;

export interface NoteItem {
  id: number;
  body: string;
  createdAt: When;
  author: { id: number; name: string } | null;
}

export interface TaskItem {
  id: number;
  title: string;
  dueAt: When | null;
  doneAt: When | null;
  overdue: boolean;
  assignee: { id: number; name: string };
}

function refusal(fetcher: { state: string; data?: Failure }): Failure | undefined {
  return fetcher.state === "idle" ? fetcher.data : undefined;
}

export function NotesCard({ notes, canWrite, now }: { notes: NoteItem[]; canWrite: boolean; now: number }) {
  const { t } = useI18n();
  const fetcher = useFetcher<Failure>();
  const result = refusal(fetcher);
  return (
    <Card aria-label={t("leadWork.notes.title")}>
      <CardHeader title={t("leadWork.notes.title")} icon={<MessageSquareText className="size-4" aria-hidden />} />
      <CardBody className="space-y-4">
        {canWrite ? (
          // A new key per saved note empties the box after a successful add (errors keep the text).
          <fetcher.Form method="post" className="space-y-2" key={notes.length}>
            <FailureNotice result={result?.status === "invalid" ? undefined : result} />
            <TextareaField
              name="body"
              rows={3}
              label={<span className="sr-only">{t("leadWork.notes.label")}</span>}
              placeholder={t("leadWork.notes.placeholder")}
              errors={fieldErrors(result).body}
            />
            <SubmitButton intent="note" fetcher={fetcher} size="sm">
              {t("leadWork.notes.submit")}
            </SubmitButton>
          </fetcher.Form>
        ) : null}
        {notes.length === 0 ? (
          <p className="text-sm text-slate-400">{t("leadWork.notes.none")}</p>
        ) : (
          <ul className="space-y-3">
            {notes.map((n) => (
              <li key={n.id} className="rounded-lg bg-slate-50 px-3 py-2.5">
                <p className="text-sm whitespace-pre-wrap text-slate-800">{n.body}</p>
                <p className="mt-1 text-xs text-slate-400">
                  {n.author?.name ?? t("leadInbox.detail.history.someone")} ·{" "}
                  <RelativeTime value={n.createdAt} now={now} />
                </p>
              </li>
            ))}
          </ul>
        )}
      </CardBody>
    </Card>
  );
}

function CompleteTask({ task }: { task: TaskItem }) {
  const { t } = useI18n();
  const fetcher = useFetcher<Failure>();
  return (
    <fetcher.Form method="post">
      <input type="hidden" name="taskId" value={task.id} />
      <SubmitButton
        intent="task-done"
        fetcher={fetcher}
        variant="ghost"
        size="sm"
        aria-label={t("leadWork.tasks.completeOne", { title: task.title })}
      >
        {t("leadWork.tasks.complete")}
      </SubmitButton>
    </fetcher.Form>
  );
}

export function TasksCard({
  tasks,
  canWrite,
  assignable,
  viewerId,
  now,
}: {
  tasks: TaskItem[];
  canWrite: boolean;
  assignable: Array<{ id: number; name: string }>;
  viewerId: number;
  now: number;
}) {
  const { t, locale } = useI18n();
  const fetcher = useFetcher<Failure>();
  const result = refusal(fetcher);
  const errors = fieldErrors(result);
  return (
    <Card aria-label={t("leadWork.tasks.title")}>
      <CardHeader title={t("leadWork.tasks.title")} icon={<ListTodo className="size-4" aria-hidden />} />
      <CardBody className="space-y-4">
        {tasks.length === 0 ? (
          <p className="text-sm text-slate-400">{t("leadWork.tasks.none")}</p>
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
                  <p className={cn("text-slate-900", task.doneAt && "text-slate-400 line-through")}>{task.title}</p>
                  <p className="mt-0.5 flex flex-wrap items-center gap-x-2 text-xs text-slate-500">
                    <span>{task.assignee.name}</span>
                    {task.dueAt ? (
                      <span
                        className={cn("inline-flex items-center gap-1", task.overdue && "font-medium text-red-600")}
                      >
                        <CalendarClock className="size-3" aria-hidden />
                        {t(task.overdue ? "leadWork.tasks.overdue" : "leadWork.tasks.due", {
                          date: formatMediumDate(task.dueAt, locale),
                        })}
                      </span>
                    ) : null}
                    {task.doneAt ? (
                      <span>
                        {t("leadWork.tasks.doneAt")} <RelativeTime value={task.doneAt} now={now} />
                      </span>
                    ) : null}
                  </p>
                </div>
                {canWrite && !task.doneAt ? <CompleteTask task={task} /> : null}
              </li>
            ))}
          </ul>
        )}
        {canWrite ? (
          <fetcher.Form method="post" className="space-y-3 border-t border-slate-100 pt-4" key={tasks.length}>
            <FailureNotice result={result?.status === "invalid" ? undefined : result} />
            <TextField name="title" label={t("leadWork.tasks.titleLabel")} errors={errors.title} />
            <div className="grid gap-3 sm:grid-cols-2">
              <DateField name="dueAt" label={t("leadWork.tasks.dueLabel")} errors={errors.dueAt} />
              <SelectField
                name="assigneeId"
                label={t("leadWork.tasks.assigneeLabel")}
                defaultValue={String(viewerId)}
                options={assignable.map((s) => ({ value: String(s.id), label: s.name }))}
                errors={errors.assigneeId}
              />
            </div>
            <SubmitButton intent="task" fetcher={fetcher} size="sm" variant="secondary">
              {t("leadWork.tasks.submit")}
            </SubmitButton>
          </fetcher.Form>
        ) : null}
      </CardBody>
    </Card>
  );
}
