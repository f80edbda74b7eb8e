import { BookText, Plus } from "lucide-react";
import { Form, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { runIntent } from "#app/lib/forms.server.ts";
import { clientIp } from "#app/lib/http.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { quoteLibraryIntents } from "#app/modules/quotes/quote-actions.server.ts";
import { mayManageQuoteLibrary, quoteLibraryAdmin } from "#app/modules/quotes/quote-library.server.ts";
import {
  CheckboxField,
  FailureNotice,
  fieldErrors,
  SubmitButton,
  TextareaField,
  TextField,
} from "#app/ui/form/index.ts";
import { titleMeta } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { BackLink } from "#app/ui/records/back-link.tsx";
import { SectionCard } from "#app/ui/section-card.tsx";
import { ShellErrorBoundary } from "#backoffice/components/shell-error-boundary.tsx";

// 报价单模板 and 公用条款 (/crm/quotes/library): everyone in sales reads them; sales managers
// (opportunities · approve) and administrators add and edit them.

const POLICY = { module: "opportunities", action: "browse" } as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireStaffActor(request, POLICY);
  return { ...(await quoteLibraryAdmin(db)), canManage: mayManageQuoteLibrary(actor) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireStaffActor(request, POLICY);
  const form = await request.formData();
  return runIntent(form, quoteLibraryIntents, { actor, id: 0, form, ipAddress: clientIp(context) });
}

export const meta = titleMeta("quotes.library.title");

type Errors = Partial<Record<string, readonly MessageKey[]>>;
type Row = Record<string, string | number | boolean | Date> & { id: number };

interface FieldSpec {
  name: string;
  label: MessageKey;
  kind: "text" | "number" | "textarea" | "check";
  fallback?: string;
}

const TEMPLATE_FIELDS: FieldSpec[] = [
  { name: "name", label: "quotes.library.name", kind: "text" },
  { name: "validityDays", label: "quotes.library.validityDays", kind: "number", fallback: "30" },
  { name: "active", label: "quotes.library.active", kind: "check" },
  { name: "terms", label: "quotes.library.terms", kind: "textarea" },
];
const CLAUSE_FIELDS: FieldSpec[] = [
  { name: "title", label: "quotes.library.clauseTitle", kind: "text" },
  { name: "position", label: "quotes.library.position", kind: "number", fallback: "0" },
  { name: "active", label: "quotes.library.active", kind: "check" },
  { name: "body", label: "quotes.library.clauseBody", kind: "textarea" },
];

/** One template or clause (or the empty "new" row): its fields, saved with `intent`. */
function LibraryRowForm({
  intent,
  fields,
  row,
  newLabel,
  errors,
  disabled,
}: {
  intent: "template" | "clause";
  fields: FieldSpec[];
  row?: Row;
  newLabel: MessageKey;
  errors: Errors;
  disabled: boolean;
}) {
  const { t } = useI18n();
  const key = `${intent}-${row?.id ?? "new"}`;
  const title = row ? String(row[fields[0]!.name]) : t(newLabel);
  return (
    <Form method="post" className="grid gap-3 sm:grid-cols-4" noValidate aria-label={title}>
      {row ? <input type="hidden" name="id" value={row.id} /> : null}
      <fieldset disabled={disabled} className="contents">
        {fields.map((f) => {
          const common = {
            id: `${key}-${f.name}`,
            name: f.name,
            label: t(f.label),
            errors: row ? undefined : errors[f.name],
          };
          const value = row?.[f.name];
          if (f.kind === "check") return <CheckboxField key={f.name} {...common} defaultChecked={value !== false} />;
          if (f.kind === "textarea")
            return (
              <TextareaField
                key={f.name}
                {...common}
                defaultValue={String(value ?? "")}
                rows={3}
                className="sm:col-span-4"
              />
            );
          return (
            <TextField
              key={f.name}
              {...common}
              defaultValue={String(value ?? f.fallback ?? "")}
              inputMode={f.kind === "number" ? "numeric" : undefined}
              className={f.kind === "text" ? "sm:col-span-2" : undefined}
            />
          );
        })}
        <div className="sm:col-span-4">
          <SubmitButton intent={intent} variant={row ? "secondary" : "primary"} icon={row ? undefined : Plus}>
            {row ? t("common.save") : t(newLabel)}
          </SubmitButton>
        </div>
      </fieldset>
    </Form>
  );
}

/** One kind of library entry: a form per row, plus the empty "new" row for those who manage it. */
function LibrarySection({
  title,
  rows,
  emptyNote,
  canManage,
  ...row
}: {
  title: string;
  intent: "template" | "clause";
  fields: FieldSpec[];
  rows: readonly Row[];
  newLabel: MessageKey;
  emptyNote?: string;
  errors: Errors;
  canManage: boolean;
}) {
  return (
    <SectionCard title={title}>
      <div className="divide-y divide-slate-100 [&>*]:py-5 [&>*:first-child]:pt-0">
        {rows.length === 0 && !canManage && emptyNote ? <p className="text-sm text-slate-400">{emptyNote}</p> : null}
        {[...rows, ...(canManage ? [undefined] : [])].map((r) => (
          <LibraryRowForm key={r?.id ?? "new"} {...row} row={r} disabled={!canManage} />
        ))}
      </div>
    </SectionCard>
  );
}

export default function QuoteLibraryPage() {
  const { templates, clauses, canManage } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useI18n();
  const errors = fieldErrors(answer);
  return (
    <div className="space-y-6">
      <BackLink to="/crm/quotes">{t("quotes.title")}</BackLink>
      <PageHeader
        title={t("quotes.library.title")}
        description={t("quotes.library.description")}
        icon={<BookText className="size-6" aria-hidden />}
      />
      <FailureNotice result={answer} />
      <LibrarySection
        title={t("quotes.library.templates")}
        intent="template"
        fields={TEMPLATE_FIELDS}
        rows={templates}
        newLabel="quotes.library.newTemplate"
        errors={errors}
        canManage={canManage}
      />
      <LibrarySection
        title={t("quotes.library.clauses")}
        intent="clause"
        fields={CLAUSE_FIELDS}
        rows={clauses}
        newLabel="quotes.library.newClause"
        emptyNote={t("quotes.clauses.none")}
        errors={errors}
        canManage={canManage}
      />
    </div>
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary back="/crm/quotes" backLabel="quotes.title" />;
}
