import { FileText } from "lucide-react";
import { useRef } from "react";
import { Form } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { DateField, SelectField, SubmitButton, TextareaField, TextField } from "#app/ui/form/index.ts";
import { Button } from "#app/ui/button.tsx";
import { SectionCard } from "#app/ui/section-card.tsx";

// The quote's header (subject, customer, contact, opportunity, validity, terms, internal remark), used
// by the new-quote page and the editor. 公用条款 are inserted into the terms with one click (appended
// as a numbered paragraph); without JavaScript the clauses are listed to copy from.

type Errors = Partial<Record<string, readonly MessageKey[]>>;
interface Choice {
  id: number;
  label: string;
}

export interface QuoteHeaderValues {
  title: string;
  companyId: number | null;
  contactId: number | null;
  opportunityId: number | null;
  validUntil: Date | string | null;
  terms: string;
  remark: string | null;
}

export function QuoteHeaderFields({
  values,
  choices,
  clauses,
  errors,
}: {
  values: QuoteHeaderValues;
  choices: { companies: Choice[]; contacts: Choice[]; opportunities: Choice[] };
  clauses: ReadonlyArray<{ id: number; title: string; body: string }>;
  errors: Errors;
}) {
  const { t } = useI18n();
  const terms = useRef<HTMLTextAreaElement>(null);
  const insert = (clause: { title: string; body: string }) => {
    const area = terms.current;
    if (!area) return;
    const count = area.value.split("\n").filter((l) => /^\d+[.、]/.test(l)).length;
    area.value = `${area.value.trimEnd()}${area.value.trim() ? "\n" : ""}${count + 1}. ${clause.title}：${clause.body}`;
    area.focus();
  };
  // The customer is required; contact and opportunity are optional links.
  const pickers = [
    ["companyId", "quotes.field.company", choices.companies, false],
    ["contactId", "quotes.field.contact", choices.contacts, true],
    ["opportunityId", "quotes.field.opportunity", choices.opportunities, true],
  ] as const;
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <TextField
        name="title"
        label={t("quotes.field.title")}
        defaultValue={values.title}
        errors={errors.title}
        className="sm:col-span-2"
      />
      {pickers.map(([name, label, list, optional]) => (
        <SelectField
          key={name}
          name={name}
          label={t(label)}
          defaultValue={values[name] ? String(values[name]) : ""}
          placeholder="—"
          options={list.map((c) => ({ value: String(c.id), label: c.label }))}
          errors={errors[name]}
          optional={optional}
        />
      ))}
      <DateField
        name="validUntil"
        label={t("quotes.field.validUntil")}
        defaultValue={values.validUntil}
        errors={errors.validUntil}
      />
      <div className="space-y-2 sm:col-span-2">
        <TextareaField
          ref={terms}
          name="terms"
          label={t("quotes.field.terms")}
          rows={6}
          defaultValue={values.terms}
          errors={errors.terms}
        />
        {clauses.length > 0 ? (
          <div className="flex flex-wrap items-center gap-2 text-sm" aria-label={t("quotes.clauses.title")}>
            <span className="text-slate-500">{t("quotes.clauses.title")}</span>
            {clauses.map((c) => (
              <Button key={c.id} type="button" size="sm" variant="secondary" onClick={() => insert(c)}>
                <FileText className="size-3.5" aria-hidden />
                {t("quotes.clauses.insert")} · {c.title}
              </Button>
            ))}
          </div>
        ) : null}
      </div>
      <TextField
        name="remark"
        label={t("quotes.field.remark")}
        hint={t("quotes.field.remarkHint")}
        defaultValue={values.remark ?? ""}
        errors={errors.remark}
        className="sm:col-span-2"
        optional
      />
    </div>
  );
}

/** The editor's header card: the fields above in a form posting `header` with the page's version. */
export function QuoteHeaderCard(props: Parameters<typeof QuoteHeaderFields>[0] & { stamp: number }) {
  const { t } = useI18n();
  const { stamp, ...fields } = props;
  return (
    <SectionCard title={t("quotes.header.title")} icon={FileText}>
      <Form method="post" className="space-y-4" noValidate>
        <input type="hidden" name="version" value={stamp} />
        <QuoteHeaderFields {...fields} />
        <SubmitButton intent="header">{t("quotes.header.save")}</SubmitButton>
      </Form>
    </SectionCard>
  );
}
