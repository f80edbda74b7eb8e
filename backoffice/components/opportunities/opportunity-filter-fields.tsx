import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { OpportunityFilters } from "#app/modules/crm/opportunities/opportunity-list-query.ts";
import { FilterDate, FilterSelect, filterInputClass } from "#app/ui/list/filter-bar.tsx";
import { stageName, type StageLike } from "./stage-ui.tsx";

// The filter fields the opportunity list and board share (same names in the URL, so switching view
// keeps the filters): stage (list only), owner, team, expected close range, amount range. A company
// filter arrives from a company page as a hidden field.

export interface FilterOptions {
  stages: StageLike[];
  owners: Array<{ id: number; name: string }>;
  teams: Array<{ id: number; name: string }>;
}

export function OpportunityFilterFields({
  query,
  options,
  withStage,
}: {
  query: OpportunityFilters;
  options: FilterOptions;
  withStage: boolean;
}) {
  const { t, locale } = useI18n();
  return (
    <>
      {withStage ? (
        <FilterSelect
          name="stage"
          label={t("sales.opportunity.stage")}
          value={query.stage}
          options={options.stages.map((s) => ({ value: s.id, label: stageName(s, locale) }))}
        />
      ) : null}
      {options.owners.length > 0 ? (
        <FilterSelect
          name="owner"
          label={t("common.owner")}
          value={query.owner}
          options={options.owners.map((o) => ({ value: o.id, label: o.name }))}
        />
      ) : null}
      <FilterSelect
        name="team"
        label={t("opportunities.filter.team")}
        value={query.team}
        options={options.teams.map((o) => ({ value: o.id, label: o.name }))}
      />
      {query.company ? <input type="hidden" name="company" value={query.company} /> : null}
      {query.campaign ? <input type="hidden" name="campaign" value={query.campaign} /> : null}
      {query.method ? <input type="hidden" name="method" value={query.method} /> : null}
    </>
  );
}

/** The "more filters" part: expected close and amount ranges. */
export function OpportunityRangeFields({ query }: { query: OpportunityFilters }) {
  const { t } = useI18n();
  return (
    <>
      <FilterDate name="closeFrom" label={t("opportunities.filter.closeFrom")} value={query.closeFrom} />
      <FilterDate name="closeTo" label={t("opportunities.filter.closeTo")} value={query.closeTo} />
      {(["amountMin", "amountMax"] as const).map((name) => (
        <div key={name} className="min-w-36">
          <label htmlFor={`filter-${name}`} className="mb-1 block text-xs font-medium text-slate-500">
            {t(`opportunities.filter.${name}`)}
          </label>
          <input
            id={`filter-${name}`}
            name={name}
            inputMode="decimal"
            defaultValue={query[name] ?? ""}
            className={filterInputClass}
          />
        </div>
      ))}
    </>
  );
}

/** Whether a "more filters" field is set (the disclosure then starts open). */
export function rangeFiltered(query: OpportunityFilters): boolean {
  return Boolean(query.closeFrom || query.closeTo || query.amountMin || query.amountMax);
}
