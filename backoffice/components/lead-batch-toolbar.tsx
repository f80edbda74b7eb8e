import { ArrowRightLeft, Eye, Hand, Split, Undo2, UserPlus, Users, X, type LucideIcon } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { Form, useNavigation } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { DistributionPreview } from "#app/modules/leads/record/lead-batches.server.ts";
import { Badge } from "#app/ui/badge.tsx";
import { Button } from "#app/ui/button.tsx";
import { cn } from "#app/ui/cn.ts";
import { RIGHT_LABELS, RIGHTS, RightsSummary, type Right } from "#backoffice/components/distribution-ui.tsx";
import { errorText, Notice, type UiError } from "#backoffice/components/rules-ui.tsx";

// The lead inbox's batch toolbar: what is selected (some rows, or every lead matching the filter)
// and the four operations — 移交, 按规则分发 (with a preview first), 手工分发, 收回. Applying posts to
// the inbox's action, which creates a batch and redirects to its progress page.

export type BatchOp = "transfer" | "rules" | "manual" | "recall";

// The batch operations in toolbar order; transferring needs the transfer right, the rest distribute.
const OPS: ReadonlyArray<{ op: BatchOp; icon: LucideIcon }> = [
  { op: "transfer", icon: ArrowRightLeft },
  { op: "rules", icon: Split },
  { op: "manual", icon: Hand },
  { op: "recall", icon: Undo2 },
];

export interface StaffChoice {
  id: number;
  name: string;
  teamName: string | null;
  status: string;
}

export interface RuleChoice {
  id: number;
  name: string;
  isCatchAll: boolean;
}

/** The selection as hidden fields: the same in the toolbar form and the preview's confirm form. */
export function SelectionFields({
  ids,
  allMatching,
  filterQuery,
}: {
  ids: number[];
  allMatching: boolean;
  filterQuery: string;
}) {
  if (allMatching) {
    return (
      <>
        <input type="hidden" name="selection" value="filter" />
        <input type="hidden" name="filterQuery" value={filterQuery} />
      </>
    );
  }
  return (
    <>
      <input type="hidden" name="selection" value="ids" />
      {ids.map((id) => (
        <input key={id} type="hidden" name="leadId" value={id} />
      ))}
    </>
  );
}

const SELECT =
  "h-9 w-full rounded-lg border border-slate-300 bg-white px-3 text-sm text-slate-900 focus:border-blue-500 focus:ring-2 focus:ring-blue-500/20 focus:outline-none";

export function BatchToolbar(props: {
  selectedCount: number;
  ids: number[];
  allMatching: boolean;
  filterQuery: string;
  canTransfer: boolean;
  canDistribute: boolean;
  rules: RuleChoice[];
  staff: StaffChoice[];
  error: UiError | null;
  onClear: () => void;
}) {
  const { t } = useI18n();
  const [op, setOp] = useState<BatchOp | null>(null);
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const none = props.selectedCount === 0;
  const allowed = (o: (typeof OPS)[number]) => (o.op === "transfer" ? props.canTransfer : props.canDistribute);

  return (
    <div
      role="region"
      aria-label={t("distribution.inbox.toolbar")}
      className={cn("border-b border-slate-100 px-5 py-3", !none && "bg-blue-50/50")}
    >
      <div className="flex flex-wrap items-center gap-2">
        <p className="mr-2 text-sm font-medium text-slate-700" aria-live="polite">
          {none
            ? t("distribution.inbox.noneSelected")
            : t("distribution.inbox.selected", { count: props.selectedCount })}
        </p>
        {OPS.filter(allowed).map((o) => (
          <Button
            key={o.op}
            variant={op === o.op ? "primary" : "secondary"}
            size="sm"
            disabled={none}
            aria-expanded={op === o.op}
            onClick={() => setOp(op === o.op ? null : o.op)}
          >
            <o.icon aria-hidden className="size-4" />
            {t(`distribution.inbox.op.${o.op}`)}
          </Button>
        ))}
        {!none ? (
          <Button variant="ghost" size="sm" onClick={props.onClear}>
            <X aria-hidden className="size-4" />
            {t("distribution.inbox.clear")}
          </Button>
        ) : null}
      </div>
      {props.error ? (
        <div className="mt-3">
          <Notice tone="error">{errorText(t, props.error)}</Notice>
        </div>
      ) : null}
      {op && !none ? (
        <Form method="post" className="mt-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
          <SelectionFields ids={props.ids} allMatching={props.allMatching} filterQuery={props.filterQuery} />
          <input type="hidden" name="op" value={op} />
          {op === "transfer" ? <TransferPanel staff={props.staff} count={props.selectedCount} busy={busy} /> : null}
          {op === "rules" ? <RulesPanel rules={props.rules} busy={busy} /> : null}
          {op === "manual" ? <ManualPanel staff={props.staff} count={props.selectedCount} busy={busy} /> : null}
          {op === "recall" ? <RecallPanel staff={props.staff} count={props.selectedCount} busy={busy} /> : null}
        </Form>
      ) : null}
    </div>
  );
}

function staffLabel(s: StaffChoice, away: string) {
  return [s.name, s.teamName, s.status === "away" ? away : null].filter(Boolean).join(" · ");
}

function TransferPanel({ staff, count, busy }: { staff: StaffChoice[]; count: number; busy: boolean }) {
  const { t } = useI18n();
  return (
    <div className="flex flex-wrap items-end gap-3">
      <div className="min-w-56 flex-1 space-y-1 sm:max-w-xs">
        <label htmlFor="batch-transfer-to" className="block text-xs font-medium text-slate-600">
          {t("distribution.inbox.transfer.to")}
        </label>
        <select id="batch-transfer-to" name="toStaffId" required defaultValue="" className={SELECT}>
          <option value="" disabled>
            {t("distribution.inbox.chooseStaff")}
          </option>
          {staff
            .filter((s) => s.status === "active")
            .map((s) => (
              <option key={s.id} value={s.id}>
                {staffLabel(s, t("rules.staffStatus.away"))}
              </option>
            ))}
        </select>
      </div>
      <Button type="submit" name="intent" value="apply" disabled={busy}>
        {t("distribution.inbox.transfer.submit", { count })}
      </Button>
      <p className="basis-full text-xs text-slate-500">{t("distribution.inbox.transfer.hint")}</p>
    </div>
  );
}

function RulesPanel({ rules, busy }: { rules: RuleChoice[]; busy: boolean }) {
  const { t } = useI18n();
  if (rules.length === 0) return <p className="text-sm text-slate-600">{t("distribution.inbox.rules.none")}</p>;
  return (
    <div className="space-y-3">
      <fieldset>
        <legend className="mb-2 text-xs font-medium text-slate-600">{t("distribution.inbox.rules.choose")}</legend>
        <div className="flex flex-wrap gap-x-5 gap-y-2">
          {rules.map((r) => (
            <label key={r.id} className="inline-flex items-center gap-2 text-sm text-slate-800">
              <input type="checkbox" name="ruleId" value={r.id} defaultChecked className="size-4" />
              {r.name}
              {r.isCatchAll ? <Badge tone="violet">{t("distribution.badge.catchAll")}</Badge> : null}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" name="intent" value="preview" disabled={busy}>
          <Eye aria-hidden className="size-4" />
          {t("distribution.inbox.rules.preview")}
        </Button>
        <p className="text-xs text-slate-500">{t("distribution.inbox.rules.hint")}</p>
      </div>
    </div>
  );
}

function RightsCheckboxes({ staffId, name }: { staffId: number; name: string }) {
  const { t } = useI18n();
  return (
    <span className="flex flex-wrap gap-x-3 gap-y-1">
      {RIGHTS.map((r: Right) => (
        <label key={r} className="inline-flex items-center gap-1 text-xs text-slate-700">
          <input
            type="checkbox"
            name={`${r}_${staffId}`}
            defaultChecked={r === "canEditNeed" || r === "canEditStatus"}
            aria-label={t("distribution.assignees.rightFor", { right: t(RIGHT_LABELS[r]), name })}
            className="size-3.5"
          />
          {t(RIGHT_LABELS[r])}
        </label>
      ))}
    </span>
  );
}

function ManualPanel({ staff, count, busy }: { staff: StaffChoice[]; count: number; busy: boolean }) {
  const { t } = useI18n();
  const [chosen, setChosen] = useState<number[]>([]);
  const [pick, setPick] = useState("");
  const byId = new Map(staff.map((s) => [s.id, s]));
  const available = staff.filter((s) => s.status !== "inactive" && !chosen.includes(s.id));
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end gap-2">
        <div className="min-w-56 flex-1 space-y-1 sm:max-w-xs">
          <label htmlFor="batch-manual-pick" className="block text-xs font-medium text-slate-600">
            {t("distribution.inbox.manual.add")}
          </label>
          <select id="batch-manual-pick" value={pick} onChange={(e) => setPick(e.target.value)} className={SELECT}>
            <option value="">{t("distribution.inbox.chooseStaff")}</option>
            {available.map((s) => (
              <option key={s.id} value={s.id}>
                {staffLabel(s, t("rules.staffStatus.away"))}
              </option>
            ))}
          </select>
        </div>
        <Button
          variant="secondary"
          size="sm"
          className="h-9"
          disabled={!pick}
          onClick={() => {
            setChosen([...chosen, Number(pick)]);
            setPick("");
          }}
        >
          <UserPlus aria-hidden className="size-4" />
          {t("common.add")}
        </Button>
      </div>
      {chosen.length === 0 ? (
        <p className="text-sm text-slate-500">{t("distribution.inbox.manual.empty")}</p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200">
          {chosen.map((id) => (
            <li key={id} className="flex flex-wrap items-center gap-3 px-3 py-2">
              <input type="hidden" name="assignee" value={id} />
              <span className="min-w-24 text-sm font-medium text-slate-900">{byId.get(id)?.name}</span>
              <RightsCheckboxes staffId={id} name={byId.get(id)?.name ?? ""} />
              <Button
                variant="ghost"
                size="sm"
                className="ml-auto"
                aria-label={t("common.removeNamed", { name: byId.get(id)?.name ?? "" })}
                onClick={() => setChosen(chosen.filter((c) => c !== id))}
              >
                <X aria-hidden className="size-4" />
              </Button>
            </li>
          ))}
        </ul>
      )}
      <Button type="submit" name="intent" value="apply" disabled={busy || chosen.length === 0}>
        <Users aria-hidden className="size-4" />
        {t("distribution.inbox.manual.submit", { count })}
      </Button>
    </div>
  );
}

function RecallPanel({ staff, count, busy }: { staff: StaffChoice[]; count: number; busy: boolean }) {
  const { t } = useI18n();
  const [all, setAll] = useState(true);
  return (
    <div className="space-y-3">
      <fieldset className="space-y-2">
        <legend className="mb-1 text-xs font-medium text-slate-600">{t("distribution.inbox.recall.from")}</legend>
        <label className="flex items-center gap-2 text-sm text-slate-800">
          <input type="radio" name="recallScope" value="all" checked={all} onChange={() => setAll(true)} />
          {t("distribution.inbox.recall.all")}
        </label>
        <label className="flex items-center gap-2 text-sm text-slate-800">
          <input type="radio" name="recallScope" value="some" checked={!all} onChange={() => setAll(false)} />
          {t("distribution.inbox.recall.some")}
        </label>
        {!all ? (
          <div className="ml-6 grid max-h-48 gap-1.5 overflow-y-auto rounded-lg border border-slate-200 p-3 sm:grid-cols-2">
            {staff.map((s) => (
              <label key={s.id} className="inline-flex items-center gap-2 text-sm text-slate-700">
                <input type="checkbox" name="fromStaffId" value={s.id} className="size-4" />
                {staffLabel(s, t("rules.staffStatus.away"))}
              </label>
            ))}
          </div>
        ) : null}
      </fieldset>
      <Button type="submit" name="intent" value="apply" disabled={busy}>
        <Undo2 aria-hidden className="size-4" />
        {t("distribution.inbox.recall.submit", { count })}
      </Button>
      <p className="text-xs text-slate-500">{t("distribution.inbox.recall.hint")}</p>
    </div>
  );
}

/** "These N selected leads would go to …", before anything is changed. */
export function PreviewDialog({
  preview,
  ruleIds,
  ids,
  allMatching,
  filterQuery,
  onClose,
}: {
  preview: DistributionPreview;
  ruleIds: number[];
  ids: number[];
  allMatching: boolean;
  filterQuery: string;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const headingRef = useRef<HTMLHeadingElement>(null);
  const willMove = preview.matched;
  useEffect(() => {
    headingRef.current?.focus();
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && onClose();
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onClose]);
  return (
    <div className="fixed inset-0 z-40 flex items-start justify-center overflow-y-auto bg-slate-900/40 p-4 sm:p-8">
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby="distribution-preview-title"
        className="w-full max-w-3xl rounded-2xl bg-white shadow-2xl shadow-slate-900/20"
      >
        <header className="flex items-start gap-3 border-b border-slate-100 px-6 py-5">
          <span className="flex size-10 shrink-0 items-center justify-center rounded-xl bg-blue-600 text-white">
            <Split aria-hidden className="size-5" />
          </span>
          <div className="min-w-0 flex-1">
            <h2
              id="distribution-preview-title"
              ref={headingRef}
              tabIndex={-1}
              className="text-lg font-semibold text-slate-900 outline-none"
            >
              {t("distribution.preview.title")}
            </h2>
            <p className="mt-0.5 text-sm text-slate-600">
              {t("distribution.preview.summary", { total: preview.total, count: willMove })}
            </p>
          </div>
          <Button variant="ghost" size="sm" aria-label={t("distribution.preview.close")} onClick={onClose}>
            <X aria-hidden className="size-4" />
          </Button>
        </header>
        <div className="max-h-[60vh] space-y-3 overflow-y-auto px-6 py-5">
          {preview.overLimit ? (
            <Notice tone="warning">{t("distribution.preview.overLimit", { total: preview.total })}</Notice>
          ) : null}
          {preview.rules.map((rule) => (
            <section
              key={rule.id}
              aria-label={rule.name}
              className={cn(
                "rounded-xl border p-4",
                rule.count > 0 ? "border-slate-200" : "border-dashed border-slate-200 bg-slate-50/60",
              )}
            >
              <div className="flex flex-wrap items-center justify-between gap-2">
                <p className="flex flex-wrap items-center gap-2 font-medium text-slate-900">
                  {rule.name}
                  {rule.isCatchAll ? <Badge tone="violet">{t("distribution.badge.catchAll")}</Badge> : null}
                  {rule.alsoApply ? <Badge tone="amber">{t("distribution.badge.alsoApply")}</Badge> : null}
                </p>
                <p className="text-sm text-slate-700">
                  <span className="text-lg font-semibold text-slate-900 tabular-nums">{rule.count}</span>{" "}
                  {t("distribution.preview.leads")}
                </p>
              </div>
              {rule.assignees.length === 0 ? (
                <p className="mt-2 text-sm font-medium text-amber-700">{t("distribution.preview.noAssignees")}</p>
              ) : (
                <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1.5 text-sm">
                  <li className="text-slate-500">{t("distribution.preview.goesTo")}</li>
                  {rule.assignees.map((a) => (
                    <li key={a.staffId} className="inline-flex flex-wrap items-center gap-1.5">
                      <span className="font-medium text-slate-800">{a.name}</span>
                      <RightsSummary rights={a} />
                    </li>
                  ))}
                </ul>
              )}
              {rule.inactiveAssignees.length > 0 ? (
                <p className="mt-1 text-xs text-slate-500">
                  {t("distribution.preview.inactiveSkipped", { names: rule.inactiveAssignees.join("、") })}
                </p>
              ) : null}
              {rule.sample.length > 0 ? (
                <p className="mt-2 text-xs text-slate-500">
                  {t("distribution.preview.sample")}{" "}
                  {rule.sample
                    .map((l) => [l.number, l.companyName ?? l.contactName, l.region].filter(Boolean).join(" "))
                    .join("；")}
                </p>
              ) : null}
            </section>
          ))}
          <section
            aria-label={t("distribution.preview.unmatched")}
            className="rounded-xl border border-amber-200 bg-amber-50/50 p-4"
          >
            <p className="flex items-center justify-between gap-2 text-sm text-amber-900">
              <span className="font-medium">{t("distribution.preview.unmatched")}</span>
              <span className="text-lg font-semibold tabular-nums">{preview.unmatched.count}</span>
            </p>
            <p className="mt-1 text-xs text-amber-900/80">{t("distribution.preview.unmatchedHint")}</p>
          </section>
          {preview.forbidden > 0 ? (
            <Notice tone="warning">{t("distribution.preview.forbidden", { count: preview.forbidden })}</Notice>
          ) : null}
        </div>
        <footer className="flex flex-wrap items-center justify-end gap-2 border-t border-slate-100 px-6 py-4">
          <Button variant="secondary" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Form method="post">
            <SelectionFields ids={ids} allMatching={allMatching} filterQuery={filterQuery} />
            <input type="hidden" name="op" value="rules" />
            {ruleIds.map((id) => (
              <input key={id} type="hidden" name="ruleId" value={id} />
            ))}
            <Button type="submit" name="intent" value="apply" disabled={busy || willMove === 0 || preview.overLimit}>
              <Split aria-hidden className="size-4" />
              {t("distribution.preview.apply", { count: willMove })}
            </Button>
          </Form>
        </footer>
      </div>
    </div>
  );
}
