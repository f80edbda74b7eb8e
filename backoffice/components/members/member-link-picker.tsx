import { Building2, Link2 } from "lucide-react";
import { Form } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import type { CompanyCandidate, ContactCandidate } from "#app/modules/members/member-linking.server.ts";
import { Button } from "#app/ui/button.tsx";
import { ErrorList, SelectField, SubmitButton } from "#app/ui/form/index.ts";
import { SearchInput } from "#app/ui/list/filter-bar.tsx";
import { CandidateOption, EvidenceList } from "./member-link-ui.tsx";

// The body of the "link" form on the member's 关联 CRM tab: suggested contacts, a contact search
// (its box belongs to the GET form `contact-search` through the form= attribute), the company
// choice and the submit button. And the suggested companies, each linkable on its own.

export function ContactPicker(props: {
  memberId: number;
  currentId: number | undefined;
  suggestions: { contacts: ContactCandidate[]; companies: CompanyCandidate[] };
  searchResults: ContactCandidate[] | null;
  query: string;
  /** What was chosen before a refused submit. */
  selected?: string;
  company?: string;
  errors?: readonly MessageKey[];
}) {
  const { t } = useI18n();
  const { suggestions, searchResults } = props;
  const suggestedIds = new Set(suggestions.contacts.map((c) => c.id));
  const extra = (searchResults ?? []).filter((c) => !suggestedIds.has(c.id));
  const option = (c: ContactCandidate) => (
    <CandidateOption
      key={c.id}
      candidate={c}
      memberId={props.memberId}
      currentId={props.currentId}
      selected={props.selected}
    />
  );
  return (
    <>
      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold text-slate-900">{t("memberAdmin.link.suggestions")}</legend>
        <p className="text-xs text-slate-500">{t("memberAdmin.link.suggestionsHint")}</p>
        {suggestions.contacts.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 px-4 py-3 text-sm text-slate-500">
            {t("memberAdmin.link.noSuggestions")}
          </p>
        ) : (
          <ul className="space-y-2">{suggestions.contacts.map(option)}</ul>
        )}
      </fieldset>

      <div className="space-y-2">
        <label htmlFor="contact-q" className="text-sm font-semibold text-slate-900">
          {t("memberAdmin.link.search.label")}
        </label>
        <div className="flex gap-2">
          <SearchInput
            id="contact-q"
            name="contactQ"
            form="contact-search"
            defaultValue={props.query}
            maxLength={100}
            placeholder={t("memberAdmin.link.search.placeholder")}
            className="min-w-0 flex-1"
          />
          <Button type="submit" form="contact-search" variant="secondary" size="sm" className="h-9">
            {t("common.search")}
          </Button>
        </div>
        {searchResults?.length === 0 ? (
          <p className="text-sm text-slate-500">{t("memberAdmin.link.search.none", { query: props.query })}</p>
        ) : searchResults ? (
          <fieldset className="space-y-2">
            <legend className="mb-2 text-xs font-medium text-slate-500">{t("memberAdmin.link.search.results")}</legend>
            <ul className="space-y-2">{extra.map(option)}</ul>
          </fieldset>
        ) : null}
      </div>

      {suggestions.contacts.length > 0 || extra.length > 0 ? (
        <div className="flex flex-col gap-3 border-t border-slate-100 pt-4 sm:flex-row sm:items-end sm:justify-between">
          <SelectField
            id="link-company"
            name="company"
            label={t("memberAdmin.link.companyChoice")}
            defaultValue={props.company ?? "contact"}
            options={[
              { value: "contact", label: t("memberAdmin.link.companyFromContact") },
              ...suggestions.companies.map((co) => ({ value: String(co.id), label: `${co.number} ${co.name}` })),
              { value: "none", label: t("memberAdmin.link.companyNone") },
            ]}
            className="min-w-0 sm:w-72"
          />
          <div className="flex flex-col items-start gap-1 sm:items-end">
            <SubmitButton intent="link">
              <Link2 className="size-4" aria-hidden />
              {t("memberAdmin.link.submit")}
            </SubmitButton>
            <ErrorList errors={props.errors} />
          </div>
        </div>
      ) : null}
    </>
  );
}

/** Companies suggested for the member, each with its own "link only this company" form. */
export function CompanySuggestions({
  companies,
  currentId,
}: {
  companies: readonly CompanyCandidate[];
  currentId: number | undefined;
}) {
  const { t } = useI18n();
  if (companies.length === 0) return null;
  return (
    <div className="space-y-2">
      <h3 className="text-sm font-semibold text-slate-900">{t("memberAdmin.link.companies")}</h3>
      <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200">
        {companies.map((co) => (
          <li key={co.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
            <div className="min-w-0 space-y-1">
              <p className="flex flex-wrap items-baseline gap-2 text-sm">
                <span className="font-mono text-xs text-slate-500">{co.number}</span>
                <span className="font-medium text-slate-900">{co.name}</span>
                {co.city ? <span className="text-xs text-slate-500">{co.city}</span> : null}
              </p>
              <EvidenceList evidence={co.evidence} />
            </div>
            {currentId === co.id ? (
              <span className="text-xs font-medium text-emerald-700">{t("memberAdmin.link.currentMark")}</span>
            ) : (
              <Form method="post">
                <input type="hidden" name="companyId" value={co.id} />
                <SubmitButton intent="link-company" variant="secondary" size="sm">
                  <Building2 className="size-4" aria-hidden />
                  {t("memberAdmin.link.linkCompany")}
                </SubmitButton>
              </Form>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
