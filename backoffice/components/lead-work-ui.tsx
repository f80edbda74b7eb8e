import { Hand, Pencil, ScanSearch, Send, ShieldCheck, Undo2, UserRoundCheck, Users } from "lucide-react";
import type { ReactNode } from "react";
import { useFetcher } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { Failure } from "#app/lib/service-result.ts";
import { Badge } from "#app/ui/badge.tsx";
import { MatrixHead } from "#app/ui/records/matrix-head.tsx";
import { SectionCard } from "#app/ui/section-card.tsx";
import { cn } from "#app/ui/cn.ts";
import { fieldErrors } from "#app/ui/form/action-result.ts";
import { CheckboxField } from "#app/ui/form/checkbox-field.tsx";
import { ErrorList } from "#app/ui/form/error-list.tsx";
import { FailureNotice } from "#app/ui/form/form-notice.tsx";
import { SelectField } from "#app/ui/form/select-field.tsx";
import { SubmitButton } from "#app/ui/form/submit-button.tsx";
import { TextField } from "#app/ui/form/text-field.tsx";
import { TextareaField } from "#app/ui/form/textarea-field.tsx";
import { FactList } from "#app/ui/records/fact-list.tsx";
import { RelativeTime } from "#app/ui/relative-time.tsx";

// The working half of the lead page (#5): who holds the lead and with which rights, distribution by
// hand, recall and transfer, field-group edits and identification. Forms only appear for people
// allowed to use them (the workspace's capabilities); the actions check again. Each form posts
// through its own fetcher, so its errors and pending state stay with it.

export type FieldGroupName = "need" | "contact" | "company" | "status";
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

/** A fetcher's refusal once it has come back (none while it is in flight). */
function refusal(fetcher: { state: string; data?: Failure }): Failure | undefined {
  return fetcher.state === "idle" ? fetcher.data : undefined;
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

function RecallButton({ staffId, label, children }: { staffId: number | "all"; label?: string; children: ReactNode }) {
  const fetcher = useFetcher<Failure>();
  return (
    <fetcher.Form method="post">
      <input type="hidden" name="staffId" value={staffId} />
      <SubmitButton
        intent="recall"
        fetcher={fetcher}
        variant={staffId === "all" ? "ghost" : "secondary"}
        size="sm"
        aria-label={label}
      >
        <Undo2 className="size-3.5" aria-hidden />
        {children}
      </SubmitButton>
      <FailureNotice result={refusal(fetcher)} className="mt-2" />
    </fetcher.Form>
  );
}

export function AssigneesCard({
  assignments,
  claimedBy,
  claimedAt,
  now,
  viewerId,
  canManage,
  myReason,
  myRights,
}: {
  assignments: AssignmentView[];
  claimedBy: { id: number; name: string } | null;
  claimedAt: When | null;
  now: number;
  viewerId: number;
  canManage: boolean;
  myReason: string;
  myRights: Record<FieldGroupName, boolean>;
}) {
  const { t } = useI18n();
  const active = assignments.filter((a) => !a.recalledAt);
  const recalled = assignments.filter((a) => a.recalledAt);
  const myGroups = GROUPS.filter((g) => myRights[g]).map((g) => t(`leadWork.group.${g}`));

  return (
    <SectionCard
      labelled
      title={t("leadWork.holders.title")}
      description={t("leadWork.holders.description")}
      icon={Users}
      action={
        canManage && active.length > 1 ? <RecallButton staffId="all">{t("leadWork.recall.all")}</RecallButton> : null
      }
      bodyClassName="space-y-4"
    >
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
      </div>
      {myReason === "assignee" ? (
        <p className="flex items-start gap-2 text-sm text-slate-600">
          <ShieldCheck className="mt-0.5 size-4 shrink-0 text-blue-600" aria-hidden />
          {myGroups.length
            ? t("leadWork.rights.yours", { groups: myGroups.join("、") })
            : t("leadWork.rights.yoursNone")}
        </p>
      ) : myReason === "supervisor" && claimedBy ? (
        <p className="flex items-start gap-2 text-sm text-slate-600">
          <ShieldCheck className="mt-0.5 size-4 shrink-0 text-blue-600" aria-hidden />
          {t("leadWork.rights.supervisor", { name: claimedBy.name })}
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
                <RecallButton staffId={a.staff.id} label={t("leadWork.recall.one", { name: a.staff.name })}>
                  {t("leadWork.recall.button")}
                </RecallButton>
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
    </SectionCard>
  );
}

// ───────────────────────────── Distribute / transfer by hand ─────────────────────────────

export function DistributeCard({
  staff,
  assignments,
  ownerId,
}: {
  staff: StaffOption[];
  assignments: AssignmentView[];
  ownerId: number;
}) {
  const { t } = useI18n();
  const distribute = useFetcher<Failure>();
  const transfer = useFetcher<Failure>();
  const current = new Map(assignments.filter((a) => !a.recalledAt).map((a) => [a.staff.id, a]));
  const people = staff.filter((s) => s.id !== ownerId);
  const distributeErrors = fieldErrors(refusal(distribute));
  return (
    <SectionCard
      labelled
      title={t("leadWork.distribute.title")}
      description={t("leadWork.distribute.description")}
      icon={Send}
      bodyClassName="space-y-5"
    >
      <distribute.Form method="post" className="space-y-3">
        <div className="max-h-72 overflow-auto rounded-lg ring-1 ring-slate-200">
          <table className="min-w-full text-left text-sm">
            <caption className="sr-only">{t("leadWork.distribute.caption")}</caption>
            <MatrixHead
              className="sticky top-0 bg-slate-50"
              rowHeader={t("leadWork.distribute.person")}
              columns={GROUPS.map((g) => ({ key: g, label: t(`leadWork.group.${g}`) }))}
              firstPad="px-3 py-2"
            />
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
        <ErrorList id="distribute-error" errors={distributeErrors.assignee} />
        <p className="text-xs text-slate-500">{t("leadWork.distribute.hint")}</p>
        <SubmitButton intent="distribute" fetcher={distribute} size="sm">
          <Send className="size-3.5" aria-hidden />
          {t("leadWork.distribute.submit")}
        </SubmitButton>
      </distribute.Form>
      <transfer.Form method="post" className="space-y-2 border-t border-slate-100 pt-4">
        <div className="flex items-end gap-2">
          <SelectField
            name="toStaffId"
            label={t("leadWork.transfer.label")}
            className="min-w-0 flex-1"
            defaultValue=""
            placeholder={t("leadWork.transfer.choose")}
            options={people.map((s) => ({
              value: String(s.id),
              label: s.teamName ? `${s.name}（${s.teamName}）` : s.name,
            }))}
            errors={fieldErrors(refusal(transfer)).toStaffId}
          />
          <SubmitButton intent="transfer" fetcher={transfer} variant="secondary" className="mb-px">
            {t("leadWork.transfer.submit")}
          </SubmitButton>
        </div>
        <FailureNotice result={refusal(transfer)} refusalsOnly />
        <p className="text-xs text-slate-500">{t("leadWork.transfer.hint")}</p>
      </transfer.Form>
    </SectionCard>
  );
}

// ───────────────────────────── Editing a field group ─────────────────────────────

export interface EditField {
  name: string;
  label: string;
  value: string | null;
  multiline?: boolean;
}

/**
 * A collapsed "编辑" form under a card; it stays open while it shows errors. Keyed by the stored
 * values, so after a save the fields show what was stored, not what was typed.
 */
export function EditGroup({ group, fields }: { group: Exclude<FieldGroupName, "status">; fields: EditField[] }) {
  const { t } = useI18n();
  const fetcher = useFetcher<Failure>();
  const result = refusal(fetcher);
  const errors = fieldErrors(result);
  return (
    <details
      key={fields.map((f) => f.value ?? "").join("|")}
      open={Boolean(result)}
      className="group rounded-lg border border-dashed border-slate-200 px-3 py-2"
    >
      <summary className="flex cursor-pointer items-center gap-1.5 text-sm font-medium text-blue-700 select-none">
        <Pencil className="size-3.5" aria-hidden />
        {t(`leadWork.edit.${group}`)}
      </summary>
      <fetcher.Form method="post" className="mt-3 space-y-3">
        <FailureNotice result={result} refusalsOnly />
        {fields.map((field) =>
          field.multiline ? (
            <TextareaField
              key={field.name}
              name={field.name}
              label={field.label}
              defaultValue={field.value ?? ""}
              errors={errors[field.name]}
            />
          ) : (
            <TextField
              key={field.name}
              name={field.name}
              label={field.label}
              defaultValue={field.value ?? ""}
              errors={errors[field.name]}
            />
          ),
        )}
        <SubmitButton intent={`edit-${group}`} fetcher={fetcher} size="sm">
          {t(`leadWork.edit.save.${group}`)}
        </SubmitButton>
      </fetcher.Form>
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
}: {
  identified: boolean;
  label: IdentificationLabel | null;
  demandStatus: string | null;
  canEdit: boolean;
}) {
  const { t } = useI18n();
  const fetcher = useFetcher<Failure>();
  const result = refusal(fetcher);
  const errors = fieldErrors(result);
  return (
    <SectionCard
      labelled
      title={t("leadWork.identify.title")}
      icon={ScanSearch}
      action={
        identified ? (
          <Badge tone="green">{t("common.identified")}</Badge>
        ) : (
          <Badge tone="amber">{t("leadWork.identify.notYet")}</Badge>
        )
      }
    >
      {canEdit ? (
        // Keyed by the stored values: after a save the fields show what was stored, not what was typed.
        <fetcher.Form method="post" className="space-y-3" key={`${identified}|${label ?? ""}|${demandStatus ?? ""}`}>
          <FailureNotice result={result} refusalsOnly />
          <CheckboxField name="identified" label={t("common.identified")} defaultChecked={identified} />
          <SelectField
            name="identificationLabel"
            label={t("leadWork.identify.label")}
            defaultValue={label ?? ""}
            placeholder={t("leadWork.identify.labelNone")}
            options={IDENTIFICATION_LABELS.map((l) => ({ value: l, label: t(`leadWork.label.${l}`) }))}
            errors={errors.identificationLabel}
          />
          <TextField
            name="demandStatus"
            label={t("leadWork.identify.demand")}
            defaultValue={demandStatus ?? ""}
            errors={errors.demandStatus}
          />
          <SubmitButton intent="identify" fetcher={fetcher} size="sm">
            {t("leadWork.identify.submit")}
          </SubmitButton>
        </fetcher.Form>
      ) : (
        <FactList
          labelWidth="6.5rem"
          facts={[
            { label: t("leadWork.identify.label"), value: label ? t(`leadWork.label.${label}`) : null },
            { label: t("leadWork.identify.demand"), value: demandStatus },
          ]}
        />
      )}
    </SectionCard>
  );
}
