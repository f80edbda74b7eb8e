import { Megaphone, Pencil } from "lucide-react";
import { useFetcher } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { Failure } from "#app/lib/service-result.ts";
import { lookupChoiceLabel, lookupPickerOptions, type LookupChoice } from "#app/modules/crm/lookup-choices.ts";
import { SectionCard } from "#app/ui/section-card.tsx";
import { fieldErrors } from "#app/ui/form/action-result.ts";
import { FailureNotice } from "#app/ui/form/form-notice.tsx";
import { SelectField } from "#app/ui/form/select-field.tsx";
import { SubmitButton } from "#app/ui/form/submit-button.tsx";

// 线索来源 on the lead page: the source's label from the system table (a deactivated one still shows
// and stays selectable for this lead) and, for whoever may edit the requirement, a picker posting
// `intent=edit-source` to the overview's action.

export function LeadSourceCard({
  sourceCode,
  choices,
  canEdit,
}: {
  sourceCode: string | null;
  choices: readonly LookupChoice[];
  canEdit: boolean;
}) {
  const { t, locale } = useI18n();
  const fetcher = useFetcher<Failure>();
  const result = fetcher.state === "idle" ? fetcher.data : undefined;
  return (
    <SectionCard labelled title={t("adminEnums.leadSource.label")} icon={Megaphone}>
      <p className="text-sm text-slate-900" data-testid="lead-source">
        {sourceCode ? (
          lookupChoiceLabel(choices, sourceCode, locale)
        ) : (
          <span className="text-slate-400">{t("common.none")}</span>
        )}
      </p>
      {canEdit ? (
        <details
          key={sourceCode ?? ""}
          open={Boolean(result)}
          className="mt-3 rounded-lg border border-dashed border-slate-200 px-3 py-2"
        >
          <summary className="flex cursor-pointer items-center gap-1.5 text-sm font-medium text-blue-700 select-none">
            <Pencil className="size-3.5" aria-hidden />
            {t("adminEnums.leadSource.change")}
          </summary>
          <fetcher.Form method="post" className="mt-3 space-y-3">
            <FailureNotice result={result} refusalsOnly />
            <SelectField
              id="lead-source-code"
              name="sourceCode"
              label={t("adminEnums.leadSource.label")}
              defaultValue={sourceCode ?? ""}
              placeholder={t("common.none")}
              options={lookupPickerOptions(choices, locale, sourceCode)}
              errors={fieldErrors(result).sourceCode}
            />
            <SubmitButton intent="edit-source" fetcher={fetcher} size="sm">
              {t("common.save")}
            </SubmitButton>
          </fetcher.Form>
        </details>
      ) : null}
    </SectionCard>
  );
}
