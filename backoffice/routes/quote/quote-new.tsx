import { FileText } from "lucide-react";
import { Form, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { newQuotePrefill } from "#app/modules/quotes/quote-choices.server.ts";
import { QuoteCreateSchema } from "#app/modules/quotes/quote-input.ts";
import { createQuote } from "#app/modules/quotes/quotes.server.ts";
import { Card, CardBody } from "#app/ui/card.tsx";
import {
  CheckboxField,
  FailureNotice,
  fieldErrors,
  SelectField,
  SubmitButton,
  submittedValues,
} from "#app/ui/form/index.ts";
import { titleMeta } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { BackLink } from "#app/ui/records/back-link.tsx";
import { QuoteHeaderFields } from "#backoffice/components/quotes/quote-header-form.tsx";
import { ShellErrorBoundary } from "#backoffice/components/shell-error-boundary.tsx";
import { runFormAction } from "#backoffice/components/record-action.server.ts";

// 新建报价单 (/crm/quotes/new): from scratch during a call, or from a company, contact or opportunity
// page (`?company=`, `?contact=`, `?opportunity=`: prefilled when in the actor's scope). Choosing the
// customer first (a GET form) lists that company's contacts and opportunities.

const POLICY = { module: "opportunities", action: "add" } as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireStaffActor(request, POLICY);
  return newQuotePrefill(db, actor, new URL(request.url).searchParams);
}

export async function action(args: ActionFunctionArgs) {
  return runFormAction(args, POLICY, QuoteCreateSchema, createQuote, {
    successTo: (v) => `/crm/quotes/${v.id}`,
    flash: "flash.created",
  });
}

export const meta = titleMeta("quotes.new.title");

export default function QuoteNewPage() {
  const { values, choices, templates, defaultTemplateId, clauses } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useI18n();
  const typed = submittedValues(answer);
  const errors = fieldErrors(answer);
  const num = (v: string | undefined, fallback: number | null) => (typed ? (v ? Number(v) : null) : fallback);
  return (
    <div className="space-y-6">
      <BackLink to="/crm/quotes">{t("quotes.title")}</BackLink>
      <PageHeader
        title={t("quotes.new.title")}
        description={t("quotes.new.description")}
        icon={<FileText className="size-6" aria-hidden />}
      />
      {values.companyId === null ? (
        <Card>
          <CardBody>
            <Form method="get" className="flex flex-wrap items-end gap-3">
              <SelectField
                id="pick-company"
                name="company"
                label={t("quotes.field.company")}
                placeholder="—"
                options={choices.companies.map((c) => ({ value: String(c.id), label: c.label }))}
                className="min-w-64"
              />
              <SubmitButton variant="secondary">{t("common.confirm")}</SubmitButton>
            </Form>
          </CardBody>
        </Card>
      ) : null}
      <Card>
        <CardBody>
          <Form method="post" className="space-y-4" noValidate>
            <FailureNotice result={answer} />
            <QuoteHeaderFields
              values={{
                title: typed?.title ?? values.title,
                companyId: num(typed?.companyId, values.companyId),
                contactId: num(typed?.contactId, values.contactId),
                opportunityId: num(typed?.opportunityId, values.opportunityId),
                validUntil: typed?.validUntil ?? values.validUntil,
                terms: typed?.terms ?? values.terms,
                remark: typed?.remark ?? null,
              }}
              choices={choices}
              clauses={clauses}
              errors={errors}
            />
            <div className="grid gap-4 sm:grid-cols-2">
              <SelectField
                name="templateId"
                label={t("quotes.field.template")}
                defaultValue={typed?.templateId ?? (defaultTemplateId ? String(defaultTemplateId) : "")}
                placeholder={t("quotes.new.noTemplate")}
                options={templates.map((tpl) => ({ value: String(tpl.id), label: tpl.label }))}
                errors={errors.templateId}
              />
              {choices.opportunities.length > 0 ? (
                <CheckboxField
                  name="copyItems"
                  label={t("quotes.new.copyItems")}
                  defaultChecked={typed ? typed.copyItems === "on" : values.opportunityId !== null}
                />
              ) : null}
            </div>
            <SubmitButton>{t("quotes.new.create")}</SubmitButton>
          </Form>
        </CardBody>
      </Card>
    </div>
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary back="/crm/quotes" backLabel="quotes.title" />;
}
