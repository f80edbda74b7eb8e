import { Plus } from "lucide-react";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { CompanyRow } from "#app/modules/crm/companies/company-list.server.ts";
import { COMPANY_STATUSES, type CompanyLookups } from "#app/modules/crm/companies/company-codes.ts";
import { companyList, type CompanyListQuery } from "#app/modules/crm/companies/company-list-query.ts";
import { lookupFilterOptions } from "#app/modules/crm/lookup-choices.ts";
import { ButtonLink } from "#app/ui/button.tsx";
import { RegionField, type RegionOptions } from "#app/ui/form/region-field.tsx";
import { useBulkSelection } from "#app/ui/list/bulk-selection.ts";
import { FilterSelect } from "#app/ui/list/filter-bar.tsx";
import type { ListViewsState } from "#app/ui/list/list-views-state.ts";
import { QueryListPage } from "#app/ui/list/query-list-page.tsx";
import type { CappedCount } from "#app/ui/list/total-count.tsx";
import { MODULE_ICONS, moduleGroupLabel } from "../nav.ts";
import {
  BulkOutcomeNotice,
  RecordBulkActions,
  type BulkChoices,
  type BulkRights,
} from "../records/record-bulk-actions.tsx";
import { companyColumns, COMPANIES_PATH } from "./company-columns.tsx";
import { CompanyLookupsProvider } from "./company-labels.tsx";

// The 单位 list page: the kit's numbered list with the company filters (type, industry, status,
// province → city, owner, team), bulk selection with transfer / share / move to the recycle bin (the
// route's action answers them; the notice above the list tells what was done and skipped).

export interface CompaniesListData {
  rows: CompanyRow[];
  total: CappedCount;
  page: number;
  pageCount: number;
  query: CompanyListQuery;
  views: ListViewsState;
  owners: Array<{ id: number; name: string }>;
  teams: Array<{ id: number; name: string }>;
  regions: RegionOptions;
  canAdd: boolean;
  /** System-table values: the type and industry filters and the cells' labels. */
  lookups: CompanyLookups;
  bulk: { rights: BulkRights; choices: BulkChoices };
}

export function CompaniesListPage({ data }: { data: CompaniesListData }) {
  const { t, locale } = useI18n();
  const { query } = data;
  const selection = useBulkSelection(data.rows.map((r) => r.id));
  const newLink = data.canAdd ? (
    <ButtonLink to={`${COMPANIES_PATH}/new`} icon={Plus}>
      {t("companies.list.new")}
    </ButtonLink>
  ) : null;
  const labelled = <V extends string>(values: readonly V[], key: (v: V) => Parameters<typeof t>[0]) =>
    values.map((value) => ({ value, label: t(key(value)) }));
  return (
    <CompanyLookupsProvider value={data.lookups}>
      <QueryListPage
        path={COMPANIES_PATH}
        kit={companyList}
        list={data}
        heading={{
          eyebrow: t(moduleGroupLabel("companies")),
          title: t("companies.list.title"),
          description: t("companies.list.description"),
          icon: MODULE_ICONS.companies,
          actions: newLink,
        }}
        belowHeading={<BulkOutcomeNotice />}
        search={{
          id: "companies-q",
          label: t("companies.list.filters"),
          placeholder: t("companies.list.searchPlaceholder"),
        }}
        selects={[
          {
            name: "type",
            label: t("companies.field.type"),
            value: query.type,
            options: lookupFilterOptions(data.lookups.type, locale),
          },
          {
            name: "industry",
            label: t("companies.field.industry"),
            value: query.industry,
            options: lookupFilterOptions(data.lookups.industry, locale),
          },
          {
            name: "status",
            label: t("companies.field.status"),
            value: query.status,
            options: labelled(COMPANY_STATUSES, (v) => `companies.status.${v}`),
          },
        ]}
        extraFilters={
          <>
            <RegionField
              idPrefix="companies-filter"
              compact
              className="contents"
              names={{ province: "province", city: "city" }}
              value={{ provinceCode: query.province ?? null, cityCode: query.city ?? null }}
              options={data.regions}
              labels={{
                province: t("companies.field.province"),
                city: t("companies.field.city"),
                district: t("companies.field.district"),
                provinceEmpty: t("companies.list.anyProvince"),
                cityEmpty: t("companies.list.anyCity"),
              }}
            />
            {data.owners.length > 0 ? (
              <FilterSelect
                name="owner"
                label={t("common.owner")}
                value={query.owner}
                options={data.owners.map((o) => ({ value: o.id, label: o.name }))}
              />
            ) : null}
            {data.teams.length > 0 ? (
              <FilterSelect
                name="team"
                label={t("companies.list.team")}
                anyLabel={t("companies.list.anyTeam")}
                value={query.team}
                options={data.teams.map((o) => ({ value: o.id, label: o.name }))}
              />
            ) : null}
          </>
        }
        toolbar={
          selection.count > 0 ? (
            <div className="flex flex-wrap items-center gap-3 border-b border-slate-100 bg-blue-50/60 px-5 py-2 text-sm">
              <span className="font-medium text-slate-700">
                {t("companies.list.selected", { count: selection.count })}
              </span>
              <RecordBulkActions
                entity="company"
                selection={selection}
                rights={data.bulk.rights}
                choices={data.bulk.choices}
              />
            </div>
          ) : null
        }
        table={{
          columns: companyColumns,
          rowKey: (c) => c.id,
          selection: { state: selection, rowLabel: (c) => c.name },
          label: t("companies.list.title"),
        }}
        empty={{
          title: t("companies.list.empty"),
          description: t("companies.list.emptyHint"),
          filteredTitle: t("companies.list.emptyFiltered"),
          action: newLink,
        }}
      />
    </CompanyLookupsProvider>
  );
}
