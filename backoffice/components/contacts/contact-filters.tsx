import type { ReactNode } from "react";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { CONTACT_OPT_OUTS, type ContactListQuery } from "#app/modules/crm/contacts/contact-list-query.ts";
import { FilterBar, filterInputClass, FilterSelect, SearchField } from "#app/ui/list/filter-bar.tsx";
import type { ListLinks } from "#app/ui/list/list-links.ts";

// The contact list's filter bar: search, owner, team and opt-out up front; province and city behind
// "more filters". A company filter comes from a link (the company page's "contacts"), kept hidden.

interface Option {
  id: number;
  name: string;
}

export function ContactFilters({
  query,
  links,
  owners,
  teams,
  companyName,
}: {
  query: ContactListQuery;
  links: ListLinks;
  owners: readonly Option[];
  teams: readonly Option[];
  companyName: string | null;
}) {
  const { t } = useI18n();
  return (
    <FilterBar
      carry={links.carry}
      clearHref={links.filterClearHref}
      advancedActive={Boolean(query.province || query.city)}
      advanced={
        <>
          <TextFilter name="province" label={t("contacts.field.province")} value={query.province} />
          <TextFilter name="city" label={t("contacts.field.city")} value={query.city} />
        </>
      }
    >
      <SearchField
        id="contacts-q"
        defaultValue={links.q}
        label={t("contacts.list.search")}
        placeholder={t("contacts.list.searchPlaceholder")}
      />
      {owners.length > 0 ? (
        <FilterSelect
          name="owner"
          label={t("contacts.field.owner")}
          value={query.owner}
          options={owners.map((o) => ({ value: o.id, label: o.name }))}
        />
      ) : null}
      {teams.length > 0 ? (
        <FilterSelect
          name="team"
          label={t("contacts.filter.team")}
          value={query.team}
          options={teams.map((o) => ({ value: o.id, label: o.name }))}
        />
      ) : null}
      <FilterSelect
        name="optOut"
        label={t("contacts.filter.optOut")}
        value={query.optOut}
        options={CONTACT_OPT_OUTS.map((o) => ({ value: o, label: t(`contacts.optOut.${o}`) }))}
      />
      {query.company ? (
        <CompanyChip name={companyName}>
          <input type="hidden" name="company" value={query.company} />
        </CompanyChip>
      ) : null}
    </FilterBar>
  );
}

function CompanyChip({ name, children }: { name: string | null; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <p className="self-center rounded-full bg-blue-50 px-3 py-1 text-sm text-blue-800">
      {t("contacts.list.companyFilter", { name: name ?? "—" })}
      {children}
    </p>
  );
}

function TextFilter({ name, label, value }: { name: string; label: string; value: string | undefined }) {
  const id = `filter-${name}`;
  return (
    <div className="min-w-36">
      <label htmlFor={id} className="mb-1 block text-xs font-medium text-slate-500">
        {label}
      </label>
      <input id={id} name={name} defaultValue={value ?? ""} maxLength={50} className={filterInputClass} />
    </div>
  );
}
