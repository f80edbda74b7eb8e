import { ArrowRightLeft, Share2, Trash2, type LucideIcon } from "lucide-react";
import { useEffect, type ReactNode } from "react";
import { useFetcher } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { BulkIntent, BulkOutcome } from "#app/modules/crm/sharing/bulk-actions.ts";
import { CheckboxField, FailureNotice, FormNotice, SubmitButton } from "#app/ui/form/index.ts";
import type { BulkSelection } from "#app/ui/list/bulk-selection.ts";
import { ShareFields, TransferFields } from "./ownership-fields.tsx";

// The bulk actions of the company and contact lists (transfer, share, move to the recycle bin) for
// the rows ticked on this page. Each posts the ids to the list's own action (a fetcher shared by
// key, so <BulkOutcomeNotice> above the list shows what happened: done and skipped counts).

type Entity = "contact" | "company";
const FETCHER_KEY = "record-bulk-actions";

type BulkAnswer = ({ status: "done" } & BulkOutcome) | { status: string };

export interface BulkChoices {
  staff: ReadonlyArray<{ id: number; name: string }>;
  teams: ReadonlyArray<{ id: number; name: string }>;
}

export interface BulkRights {
  transfer: boolean;
  delete: boolean;
}

function isDone(answer: BulkAnswer | undefined): answer is { status: "done" } & BulkOutcome {
  return answer?.status === "done";
}

/** The outcome of the last bulk post (done / skipped), or its refusal. */
export function BulkOutcomeNotice() {
  const { t } = useI18n();
  const fetcher = useFetcher<BulkAnswer>({ key: FETCHER_KEY });
  const answer = fetcher.data;
  if (!answer) return null;
  if (!isDone(answer)) return <FailureNotice result={answer} />;
  return (
    <FormNotice tone={answer.skipped > 0 ? "warning" : "success"} role="status">
      <p data-testid="bulk-outcome">
        {t(`recordAdmin.bulk.done.${answer.intent}`, { done: answer.done })}
        {answer.skipped > 0 ? ` ${t("recordAdmin.bulk.skipped", { skipped: answer.skipped })}` : null}
      </p>
    </FormNotice>
  );
}

function BulkMenu({ icon: Icon, label, children }: { icon: LucideIcon; label: string; children: ReactNode }) {
  return (
    <details className="relative">
      <summary className="inline-flex h-8 cursor-pointer list-none items-center gap-1.5 rounded-md bg-white px-3 text-sm font-medium text-slate-700 shadow-sm ring-1 ring-slate-300 ring-inset hover:bg-slate-50">
        <Icon className="size-4" aria-hidden />
        {label}
      </summary>
      <div className="absolute left-0 z-20 mt-2 w-72 max-w-[85vw] space-y-3 rounded-xl border border-slate-200 bg-white p-4 text-sm shadow-lg">
        {children}
      </div>
    </details>
  );
}

/** The forms for the ticked rows; renders nothing the actor may not do. */
export function RecordBulkActions({
  entity,
  selection,
  rights,
  choices,
}: {
  entity: Entity;
  selection: BulkSelection<number>;
  rights: BulkRights;
  choices: BulkChoices;
}) {
  const { t } = useI18n();
  const fetcher = useFetcher<BulkAnswer>({ key: FETCHER_KEY });
  const { clear } = selection;
  // A finished bulk post: the rows it touched may have left the list, so start a fresh selection.
  const finished = isDone(fetcher.data) ? fetcher.data : null;
  useEffect(() => {
    if (finished) clear();
  }, [finished, clear]);
  const form = (intent: BulkIntent, children: ReactNode, submit: ReactNode) => (
    <fetcher.Form method="post" className="space-y-3" data-intent={intent}>
      <input type="hidden" name="ids" value={selection.ids.join(",")} />
      {children}
      {submit}
    </fetcher.Form>
  );
  return (
    <div className="flex flex-wrap items-center gap-2" data-entity={entity}>
      {rights.transfer ? (
        <BulkMenu icon={ArrowRightLeft} label={t("recordAdmin.transfer.title")}>
          {form(
            "bulk-transfer",
            <TransferFields staff={choices.staff} />,
            <SubmitButton intent="bulk-transfer" size="sm" fetcher={fetcher}>
              {t("recordAdmin.bulk.apply")}
            </SubmitButton>,
          )}
        </BulkMenu>
      ) : null}
      {rights.transfer ? (
        <BulkMenu icon={Share2} label={t("recordAdmin.share.title")}>
          {form(
            "bulk-share",
            <ShareFields staff={choices.staff} teams={choices.teams} />,
            <SubmitButton intent="bulk-share" size="sm" fetcher={fetcher}>
              {t("recordAdmin.bulk.apply")}
            </SubmitButton>,
          )}
        </BulkMenu>
      ) : null}
      {rights.delete ? (
        <BulkMenu icon={Trash2} label={t("recordAdmin.delete.title")}>
          {form(
            "bulk-delete",
            <>
              <p className="text-xs text-slate-500">{t("recordAdmin.bulk.deleteConfirm")}</p>
              {entity === "company" ? (
                <CheckboxField name="withContacts" label={t("recordAdmin.delete.withContacts")} />
              ) : null}
            </>,
            <SubmitButton intent="bulk-delete" size="sm" variant="danger" icon={Trash2} fetcher={fetcher}>
              {t("recordAdmin.delete.title")}
            </SubmitButton>,
          )}
        </BulkMenu>
      ) : null}
    </div>
  );
}
