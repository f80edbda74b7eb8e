import {
  CalendarClock,
  CheckCircle2,
  Circle,
  Hand,
  ListTodo,
  MessageSquareText,
  Pencil,
  ScanSearch,
  Send,
  ShieldCheck,
  Undo2,
  UserRoundCheck,
  Users,
} from "lucide-react";
import type { ReactNode } from "react";
import { Form, useNavigation } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { Badge } from "#app/ui/badge.tsx";
import { Button } from "#app/ui/button.tsx";
import { Card, CardBody, CardHeader } from "#app/ui/card.tsx";
import { cn } from "#app/ui/cn.ts";
import { RelativeTime } from "#backoffice/components/lead-ui.tsx";

// The working half of the lead page (#5): who holds the lead and with which rights, the 我处理 claim,
// distribution by hand, recall and transfer, identification, follow-up notes and tasks. Forms only
// appear for people allowed to use them; the route's action checks again (403 otherwise).

export type FieldGroupName = "need" | "contact" | "company" | "status";
export type Errors = Partial<Record<string, string>>;
type When = Date | string;

export interface AssignmentView {
  id: number;
  staff: { id: number; name: string; title: string | null };
  canEditNeed: boolean;
  canEditContact: boolean;
  canEditCompany: boolean;
  canEditStatus: boolean;
  ruleId: number | null;
  assignedAt: When;
  recalledAt: When | null;
}

export interface StaffOption {
  id: number;
  name: string;
  title: string | null;
  teamName: string | null;
}

const GROUPS: FieldGroupName[] = ["need", "contact", "company", "status"];
const FLAG: Record<FieldGroupName, "canEditNeed" | "canEditContact" | "canEditCompany" | "canEditStatus"> = {
  need: "canEditNeed",
  contact: "canEditContact",
  company: "canEditCompany",
  status: "canEditStatus",
};

function useBusy(intent: string): boolean {
  const navigation = useNavigation();
  return navigation.state !== "idle" && navigation.formData?.get("intent") === intent;
}

export function FieldError({ id, error }: { id: string; error?: string }) {
  const { t } = useI18n();
  if (!error) return null;
  return (
    <p id={id} className="mt-1 text-xs text-red-600">
      {t(error as MessageKey)}
    </p>
  );
}

const INPUT =
  "block w-full rounded-lg border-0 bg-white px-3 py-2 text-sm text-slate-900 ring-1 ring-slate-300 ring-inset placeholder:text-slate-400 focus:ring-2 focus:ring-blue-600 aria-[invalid=true]:ring-red-400";

export function TextField({
  name,
  label,
  defaultValue,
  error,
  type = "text",
  multiline = false,
}: {
  name: string;
  label: string;
  defaultValue?: string | null;
  error?: string;
  type?: string;
  multiline?: boolean;
}) {
  const id = `f-${name}`;
  const errorId = `${id}-error`;
  const common = {
    id,
    name,
    defaultValue: defaultValue ?? "",
    "aria-invalid": error ? true : undefined,
    "aria-describedby": error ? errorId : undefined,
    className: INPUT,
  };
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-xs font-medium text-slate-600">
        {label}
      </label>
      {multiline ? <textarea rows={4} {...common} /> : <input type={type} {...common} />}
      <FieldError id={errorId} error={error} />
    </div>
  );
}

/** Small badges naming the field groups an assignee may edit. */
export function RightsBadges({ assignment }: { assignment: Pick<AssignmentView, (typeof FLAG)[FieldGroupName]> }) {
  const { t } = useI18n();
  const granted = GROUPS.filter((g) => assignment[FLAG[g]]);
  if (!granted.length) return <Badge tone="slate">{t("leadWork.rights.readOnly")}</Badge>;
  return (
    <span className="flex flex-wrap gap-1">
      {granted.map((g) => (
        <Badge key={g} tone="blue">
          {t(`leadWork.group.${g}`)}
        </Badge>
      ))}
    </span>
  );
}

// ───────────────────────────── Who holds the lead ─────────────────────────────

export function AssigneesCard({
  assignments,
  claimedBy,
  claimedAt,
  now,
  viewerId,
  canClaim,
  canManage,
  myReason,
  myRights,
}: {
  assignments: AssignmentView[];
  claimedBy: { id: number; name: string } | null;
  claimedAt: When | null;
  now: number;
  viewerId: number;
  canClaim: boolean;
  canManage: boolean;
  myReason: string;
  myRights: Record<FieldGroupName, boolean>;
}) {
  const { t } = useI18n();
  const claiming = useBusy("claim");
  const recalling = useBusy("recall");
  const active = assignments.filter((a) => !a.recalledAt);
  const recalled = assignments.filter((a) => a.recalledAt);
  const myGroups = GROUPS.filter((g) => myRights[g]).map((g) => t(`leadWork.group.${g}`));

  return (
    <Card aria-label={t("leadWork.holders.title")}>
      <CardHeader
        title={t("leadWork.holders.title")}
        description={t("leadWork.holders.description")}
        icon={<Users className="size-4" aria-hidden />}
        action={
          canManage && active.length > 1 ? (
            <Form method="post">
              <input type="hidden" name="intent" value="recall" />
              <input type="hidden" name="staffId" value="all" />
              <Button type="submit" variant="ghost" size="sm" disabled={recalling}>
                <Undo2 className="size-3.5" aria-hidden />
                {t("leadWork.recall.all")}
              </Button>
            </Form>
          ) : null
        }
      />
      <CardBody className="space-y-4">
        <div
          className={cn(
            "flex items-start gap-2 rounded-lg px-3 py-2.5 text-sm",
            claimedBy ? "bg-emerald-50 text-emerald-900" : "bg-slate-50 text-slate-600",
          )}
        >
          {claimedBy ? (
            <UserRoundCheck className="mt-0.5 size-4 shrink-0" aria-hidden />
          ) : (
            <Hand className="mt-0.5 size-4 shrink-0" aria-hidden />
          )}
          <div className="min-w-0 flex-1">
            {claimedBy ? (
              <>
                <p className="font-medium">
                  {claimedBy.id === viewerId
                    ? t("leadWork.claim.byYou")
                    : t("leadWork.claim.by", { name: claimedBy.name })}
                </p>
                {claimedAt ? (
                  <p className="text-xs opacity-80">
                    <RelativeTime value={claimedAt} now={now} />
                  </p>
                ) : null}
              </>
            ) : (
              <p>{active.length ? t("leadWork.claim.open") : t("leadWork.claim.notDistributed")}</p>
            )}
          </div>
          {canClaim ? (
            <Form method="post">
              <input type="hidden" name="intent" value="claim" />
              <Button type="submit" size="sm" disabled={claiming}>
                <Hand className="size-3.5" aria-hidden />
                {t("leadWork.claim.button")}
              </Button>
            </Form>
          ) : null}
        </div>

        {myReason === "assignee" ? (
          <p className="flex items-start gap-2 text-sm text-slate-600">
            <ShieldCheck className="mt-0.5 size-4 shrink-0 text-blue-600" aria-hidden />
            {myGroups.length
              ? t("leadWork.rights.yours", { groups: myGroups.join("、") })
              : t("leadWork.rights.yoursNone")}
          </p>
        ) : myReason === "claimed-by-other" && claimedBy ? (
          <p className="flex items-start gap-2 text-sm text-amber-800">
            <ShieldCheck className="mt-0.5 size-4 shrink-0" aria-hidden />
            {t("leadWork.rights.lost", { name: claimedBy.name })}
          </p>
        ) : null}

        {active.length === 0 ? (
          <p className="text-sm text-slate-400">{t("leadWork.holders.none")}</p>
        ) : (
          <ul className="divide-y divide-slate-100 rounded-lg ring-1 ring-slate-200">
            {active.map((a) => (
              <li key={a.id} className="flex flex-wrap items-center gap-x-3 gap-y-1.5 px-3 py-2.5 text-sm">
                <div className="min-w-0 flex-1">
                  <p className="font-medium text-slate-900">
                    {a.staff.name}
                    {claimedBy?.id === a.staff.id ? (
                      <Badge tone="green" className="ml-2">
                        {t("leadWork.claim.badge")}
                      </Badge>
                    ) : null}
                  </p>
                  <p className="mt-1">
                    <RightsBadges assignment={a} />
                  </p>
                  <p className="mt-1 text-xs text-slate-400">
                    {a.ruleId ? t("leadWork.holders.byRule") : t("leadWork.holders.byHand")} ·{" "}
                    <RelativeTime value={a.assignedAt} now={now} />
                  </p>
                </div>
                {canManage ? (
                  <Form method="post">
                    <input type="hidden" name="intent" value="recall" />
                    <input type="hidden" name="staffId" value={a.staff.id} />
                    <Button
                      type="submit"
                      variant="secondary"
                      size="sm"
                      disabled={recalling}
                      aria-label={t("leadWork.recall.one", { name: a.staff.name })}
                    >
                      <Undo2 className="size-3.5" aria-hidden />
                      {t("leadWork.recall.button")}
                    </Button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {recalled.length ? (
          <p className="text-xs text-slate-400">
            {t("leadWork.holders.recalled", { names: recalled.map((a) => a.staff.name).join("、") })}
          </p>
        ) : null}
      </CardBody>
    </Card>
  );
}

// ───────────────────────────── Distribute / transfer by hand ─────────────────────────────

export function DistributeCard({
  staff,
  assignments,
  ownerId,
  errors,
}: {
  staff: StaffOption[];
  assignments: AssignmentView[];
  ownerId: number;
  errors?: Errors;
}) {
  const { t } = useI18n();
  const distributing = useBusy("distribute");
  const transferring = useBusy("transfer");
  const current = new Map(assignments.filter((a) => !a.recalledAt).map((a) => [a.staff.id, a]));
  const people = staff.filter((s) => s.id !== ownerId);
  return (
    <Card aria-label={t("leadWork.distribute.title")}>
      <CardHeader
        title={t("leadWork.distribute.title")}
        description={t("leadWork.distribute.description")}
        icon={<Send className="size-4" aria-hidden />}
      />
      <CardBody className="space-y-5">
        <Form method="post" className="space-y-3">
          <input type="hidden" name="intent" value="distribute" />
          <div className="max-h-72 overflow-auto rounded-lg ring-1 ring-slate-200">
            <table className="min-w-full text-left text-sm">
              <caption className="sr-only">{t("leadWork.distribute.caption")}</caption>
              <thead className="sticky top-0 bg-slate-50 text-xs text-slate-500">
                <tr>
                  <th scope="col" className="px-3 py-2 font-medium">
                    {t("leadWork.distribute.person")}
                  </th>
                  {GROUPS.map((g) => (
                    <th key={g} scope="col" className="px-2 py-2 text-center font-medium">
                      {t(`leadWork.group.${g}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {people.map((s) => {
                  const held = current.get(s.id);
                  return (
                    <tr key={s.id}>
                      <td className="px-3 py-2">
                        <label className="flex items-center gap-2">
                          <input
                            type="checkbox"
                            name="assignee"
                            value={s.id}
                            aria-label={t("leadWork.distribute.pick", { name: s.name })}
                            defaultChecked={Boolean(held)}
                            className="size-4 rounded border-slate-300"
                          />
                          <span className="min-w-0">
                            <span className="block text-slate-900">{s.name}</span>
                            <span className="block text-xs text-slate-400">
                              {[s.title, s.teamName].filter(Boolean).join(" · ")}
                            </span>
                          </span>
                        </label>
                      </td>
                      {GROUPS.map((g) => (
                        <td key={g} className="px-2 py-2 text-center">
                          <input
                            type="checkbox"
                            name={`${g}:${s.id}`}
                            defaultChecked={held ? held[FLAG[g]] : false}
                            aria-label={t("leadWork.distribute.right", {
                              name: s.name,
                              group: t(`leadWork.group.${g}`),
                            })}
                            className="size-4 rounded border-slate-300"
                          />
                        </td>
                      ))}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <FieldError id="distribute-error" error={errors?.assignee} />
          <p className="text-xs text-slate-500">{t("leadWork.distribute.hint")}</p>
          <Button type="submit" size="sm" disabled={distributing}>
            <Send className="size-3.5" aria-hidden />
            {t("leadWork.distribute.submit")}
          </Button>
        </Form>

        <Form method="post" className="space-y-2 border-t border-slate-100 pt-4">
          <input type="hidden" name="intent" value="transfer" />
          <label htmlFor="transfer-to" className="block text-xs font-medium text-slate-600">
            {t("leadWork.transfer.label")}
          </label>
          <div className="flex gap-2">
            <select
              id="transfer-to"
              name="toStaffId"
              className={INPUT}
              defaultValue=""
              aria-invalid={errors?.toStaffId ? true : undefined}
            >
              <option value="" disabled>
                {t("leadWork.transfer.choose")}
              </option>
              {people.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.teamName ? `${s.name}（${s.teamName}）` : s.name}
                </option>
              ))}
            </select>
            <Button type="submit" variant="secondary" size="sm" disabled={transferring} className="shrink-0">
              {t("leadWork.transfer.submit")}
            </Button>
          </div>
          <FieldError id="transfer-error" error={errors?.toStaffId} />
          <p className="text-xs text-slate-500">{t("leadWork.transfer.hint")}</p>
        </Form>
      </CardBody>
    </Card>
  );
}

// ───────────────────────────── Editing a field group ─────────────────────────────

/** A collapsed "编辑" form under a card; open when it came back with errors. */
export function EditGroup({
  group,
  open,
  children,
}: {
  group: Exclude<FieldGroupName, "status">;
  open: boolean;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const busy = useBusy(`edit-${group}`);
  return (
    <details open={open} className="group rounded-lg border border-dashed border-slate-200 px-3 py-2">
      <summary className="flex cursor-pointer items-center gap-1.5 text-sm font-medium text-blue-700 select-none">
        <Pencil className="size-3.5" aria-hidden />
        {t(`leadWork.edit.${group}`)}
      </summary>
      <Form method="post" className="mt-3 space-y-3">
        <input type="hidden" name="intent" value={`edit-${group}`} />
        {children}
        <Button type="submit" size="sm" disabled={busy}>
          {t(`leadWork.edit.save.${group}`)}
        </Button>
      </Form>
    </details>
  );
}

// ───────────────────────────── Identification ─────────────────────────────

export const IDENTIFICATION_LABELS = ["false_info", "has_need", "prospect", "competitor", "doubtful"] as const;
export type IdentificationLabel = (typeof IDENTIFICATION_LABELS)[number];

export function IdentificationCard({
  identified,
  label,
  demandStatus,
  canEdit,
  errors,
}: {
  identified: boolean;
  label: IdentificationLabel | null;
  demandStatus: string | null;
  canEdit: boolean;
  errors?: Errors;
}) {
  const { t } = useI18n();
  const busy = useBusy("identify");
  return (
    <Card aria-label={t("leadWork.identify.title")}>
      <CardHeader
        title={t("leadWork.identify.title")}
        icon={<ScanSearch className="size-4" aria-hidden />}
        action={
          identified ? (
            <Badge tone="green">{t("leadWork.identify.done")}</Badge>
          ) : (
            <Badge tone="amber">{t("leadWork.identify.notYet")}</Badge>
          )
        }
      />
      <CardBody>
        {canEdit ? (
          // Keyed by the stored values: after a save the fields show what was stored, not what was typed.
          <Form method="post" className="space-y-3" key={`${identified}|${label ?? ""}|${demandStatus ?? ""}`}>
            <input type="hidden" name="intent" value="identify" />
            <label className="flex items-center gap-2 text-sm text-slate-700">
              <input
                type="checkbox"
                name="identified"
                defaultChecked={identified}
                className="size-4 rounded border-slate-300"
              />
              {t("leadWork.identify.identified")}
            </label>
            <div>
              <label htmlFor="f-identificationLabel" className="mb-1 block text-xs font-medium text-slate-600">
                {t("leadWork.identify.label")}
              </label>
              <select
                id="f-identificationLabel"
                name="identificationLabel"
                defaultValue={label ?? ""}
                className={INPUT}
                aria-invalid={errors?.identificationLabel ? true : undefined}
              >
                <option value="">{t("leadWork.identify.labelNone")}</option>
                {IDENTIFICATION_LABELS.map((l) => (
                  <option key={l} value={l}>
                    {t(`leadWork.label.${l}`)}
                  </option>
                ))}
              </select>
              <FieldError id="f-identificationLabel-error" error={errors?.identificationLabel} />
            </div>
            <TextField
              name="demandStatus"
              label={t("leadWork.identify.demand")}
              defaultValue={demandStatus}
              error={errors?.demandStatus}
            />
            <Button type="submit" size="sm" disabled={busy}>
              {t("leadWork.identify.submit")}
            </Button>
          </Form>
        ) : (
          <dl className="space-y-2 text-sm">
            <div className="grid grid-cols-[6.5rem_1fr] gap-3">
              <dt className="text-slate-500">{t("leadWork.identify.label")}</dt>
              <dd>{label ? t(`leadWork.label.${label}`) : <span className="text-slate-400">—</span>}</dd>
            </div>
            <div className="grid grid-cols-[6.5rem_1fr] gap-3">
              <dt className="text-slate-500">{t("leadWork.identify.demand")}</dt>
              <dd>{demandStatus ?? <span className="text-slate-400">—</span>}</dd>
            </div>
          </dl>
        )}
      </CardBody>
    </Card>
  );
}

// ───────────────────────────── Notes and tasks ─────────────────────────────

export interface NoteItem {
  id: number;
  body: string;
  createdAt: When;
  author: { id: number; name: string } | null;
}

export function NotesCard({
  notes,
  canWrite,
  now,
  errors,
}: {
  notes: NoteItem[];
  canWrite: boolean;
  now: number;
  errors?: Errors;
}) {
  const { t } = useI18n();
  const busy = useBusy("note");
  return (
    <Card aria-label={t("leadWork.notes.title")}>
      <CardHeader title={t("leadWork.notes.title")} icon={<MessageSquareText className="size-4" aria-hidden />} />
      <CardBody className="space-y-4">
        {canWrite ? (
          // A new key per saved note empties the box after a successful add (errors keep the text).
          <Form method="post" className="space-y-2" key={notes.length}>
            <input type="hidden" name="intent" value="note" />
            <label htmlFor="f-note" className="sr-only">
              {t("leadWork.notes.label")}
            </label>
            <textarea
              id="f-note"
              name="body"
              rows={3}
              placeholder={t("leadWork.notes.placeholder")}
              className={INPUT}
              aria-invalid={errors?.body ? true : undefined}
              aria-describedby={errors?.body ? "f-note-error" : undefined}
            />
            <FieldError id="f-note-error" error={errors?.body} />
            <Button type="submit" size="sm" disabled={busy}>
              {t("leadWork.notes.submit")}
            </Button>
          </Form>
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

export interface TaskItem {
  id: number;
  title: string;
  dueAt: When | null;
  doneAt: When | null;
  overdue: boolean;
  assignee: { id: number; name: string };
}

export function TasksCard({
  tasks,
  canWrite,
  assignable,
  viewerId,
  now,
  errors,
}: {
  tasks: TaskItem[];
  canWrite: boolean;
  assignable: Array<{ id: number; name: string }>;
  viewerId: number;
  now: number;
  errors?: Errors;
}) {
  const { t, locale } = useI18n();
  const adding = useBusy("task");
  const completing = useBusy("task-done");
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "Asia/Shanghai" });
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
                          date: dateFormat.format(new Date(task.dueAt)),
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
                {canWrite && !task.doneAt ? (
                  <Form method="post">
                    <input type="hidden" name="intent" value="task-done" />
                    <input type="hidden" name="taskId" value={task.id} />
                    <Button
                      type="submit"
                      variant="ghost"
                      size="sm"
                      disabled={completing}
                      aria-label={t("leadWork.tasks.completeOne", { title: task.title })}
                    >
                      {t("leadWork.tasks.complete")}
                    </Button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {canWrite ? (
          <Form method="post" className="space-y-3 border-t border-slate-100 pt-4" key={tasks.length}>
            <input type="hidden" name="intent" value="task" />
            <TextField name="title" label={t("leadWork.tasks.titleLabel")} error={errors?.title} />
            <div className="grid gap-3 sm:grid-cols-2">
              <TextField name="dueAt" type="date" label={t("leadWork.tasks.dueLabel")} error={errors?.dueAt} />
              <div>
                <label htmlFor="f-assigneeId" className="mb-1 block text-xs font-medium text-slate-600">
                  {t("leadWork.tasks.assigneeLabel")}
                </label>
                <select id="f-assigneeId" name="assigneeId" defaultValue={viewerId} className={INPUT}>
                  {assignable.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name}
                    </option>
                  ))}
                </select>
                <FieldError id="f-assigneeId-error" error={errors?.assigneeId} />
              </div>
            </div>
            <Button type="submit" size="sm" variant="secondary" disabled={adding}>
              {t("leadWork.tasks.submit")}
            </Button>
          </Form>
        ) : null}
      </CardBody>
    </Card>
  );
}
