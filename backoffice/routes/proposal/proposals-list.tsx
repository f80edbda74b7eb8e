import { BookOpenText, Plus } from "lucide-react";
import { Form, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { formatCalendarDate } from "#app/lib/format/dates.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { can } from "#app/modules/auth/permissions.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { contractFormOptions } from "#app/modules/contracts/contract-options.server.ts";
import { templateChoices } from "#app/modules/contracts/document-templates.server.ts";
import { createProposal, listProposals, ProposalCreateSchema } from "#app/modules/contracts/proposals.server.ts";
import { Card, CardHeader } from "#app/ui/card.tsx";
import { ProposalStatusBadge } from "#app/ui/contracts/proposal-parts.tsx";
import { FailureNotice, fieldErrors, SelectField, SubmitButton, TextField } from "#app/ui/form/index.ts";
import { titleMeta } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { linkColumn } from "#backoffice/components/record-link-column.tsx";
import { RecordTable } from "#app/ui/records/record-table.tsx";
import { SectionCard } from "#app/ui/section-card.tsx";
import { runFormAction } from "#backoffice/components/record-action.server.ts";

// 提议 (/crm/proposals): the proposals the actor may see (opportunities grants, by owner) and a form
// to start one for a company, optionally from a proposal template.

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireStaffActor(request, { module: "opportunities", action: "browse" });
  const [rows, options, templates] = await Promise.all([
    listProposals(db, actor),
    contractFormOptions(db, actor, null),
    templateChoices(db, "proposal"),
  ]);
  return { rows, companies: options.companies, templates, canAdd: can(actor, "opportunities", "add") };
}

export async function action(args: ActionFunctionArgs) {
  return runFormAction(args, { module: "opportunities", action: "add" }, ProposalCreateSchema, createProposal, {
    successTo: (v) => `/crm/proposals/${v.id}`,
    flash: "flash.created",
  });
}

export const meta = titleMeta("proposals.title");

export default function ProposalsPage() {
  const { rows, companies, templates, canAdd } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const errors = fieldErrors(answer);
  const { t, locale } = useI18n();
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("proposals.title")}
        description={t("proposals.description")}
        icon={<BookOpenText className="size-6" aria-hidden />}
      />
      <Card>
        <CardHeader title={t("proposals.title")} />
        {rows.length === 0 ? (
          <p className="px-5 pb-5 text-sm text-slate-400">{t("proposals.empty")}</p>
        ) : (
          <RecordTable
            caption={t("proposals.title")}
            rows={rows}
            rowKey={(r) => r.id}
            columns={[
              linkColumn<(typeof rows)[number]>("title", t("proposals.field.title"), (r) => ({
                to: `/crm/proposals/${r.id}`,
                label: r.title,
              })),
              { key: "company", header: t("contracts.field.company"), cell: (r) => r.company.name },
              {
                key: "status",
                header: t("proposals.col.status"),
                cell: (r) => <ProposalStatusBadge status={r.status} />,
              },
              { key: "parts", header: t("proposals.parts"), numeric: true, cell: (r) => r._count.parts },
              { key: "owner", header: t("contracts.col.owner"), cell: (r) => r.owner.name },
              {
                key: "updated",
                header: t("contracts.col.updated"),
                cell: (r) => formatCalendarDate(r.updatedAt, locale),
              },
            ]}
          />
        )}
      </Card>
      {canAdd ? (
        <SectionCard title={t("proposals.new")} icon={Plus}>
          <Form method="post" className="grid gap-4 sm:grid-cols-3" noValidate>
            <FailureNotice result={answer} className="sm:col-span-3" />
            <TextField name="title" label={t("proposals.field.title")} errors={errors.title} />
            <SelectField
              name="companyId"
              label={t("contracts.field.company")}
              options={companies.map((c) => ({ value: String(c.id), label: c.name }))}
              placeholder=""
              errors={errors.companyId}
            />
            <SelectField
              name="templateId"
              label={t("contracts.field.template")}
              options={templates.map((c) => ({ value: String(c.id), label: c.name }))}
              placeholder={t("contracts.field.templateNone")}
              errors={errors.templateId}
            />
            <div>
              <SubmitButton icon={Plus}>{t("common.create")}</SubmitButton>
            </div>
          </Form>
        </SectionCard>
      ) : null}
    </div>
  );
}
