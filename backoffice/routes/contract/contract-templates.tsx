import { FileStack, Plus } from "lucide-react";
import { Form, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import {
  createTemplate,
  listTemplates,
  TemplateCreateSchema,
} from "#app/modules/contracts/document-templates.server.ts";
import { Badge } from "#app/ui/badge.tsx";
import { Card, CardHeader } from "#app/ui/card.tsx";
import { FailureNotice, fieldErrors, SelectField, SubmitButton, TextField } from "#app/ui/form/index.ts";
import { titleMeta } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { linkColumn } from "#backoffice/components/record-link-column.tsx";
import { RecordTable } from "#app/ui/records/record-table.tsx";
import { SectionCard } from "#app/ui/section-card.tsx";
import { runFormAction } from "#backoffice/components/record-action.server.ts";

// 合同模板 / 提议模板 (/crm/contract-templates): the public multi-part templates contracts and
// proposals start from. Administrators manage them (admin:browse to see, admin:modify to change).

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaffActor(request, { module: "admin", action: "browse" });
  return { templates: await listTemplates(db) };
}

export async function action(args: ActionFunctionArgs) {
  return runFormAction(args, { module: "admin", action: "modify" }, TemplateCreateSchema, createTemplate, {
    successTo: (v) => `/crm/contract-templates/${v.id}`,
    flash: "flash.created",
  });
}

export const meta = titleMeta("contracts.templates.title");

export default function ContractTemplatesPage() {
  const { templates } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const errors = fieldErrors(answer);
  const { t } = useI18n();
  const kinds = ["contract", "proposal"] as const;
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("contracts.templates.title")}
        description={t("contracts.templates.description")}
        icon={<FileStack className="size-6" aria-hidden />}
      />
      <Card>
        <CardHeader title={t("contracts.templates.title")} />
        {templates.length === 0 ? (
          <p className="px-5 pb-5 text-sm text-slate-400">{t("contracts.templates.none")}</p>
        ) : (
          <RecordTable
            caption={t("contracts.templates.title")}
            rows={templates}
            rowKey={(r) => r.id}
            columns={[
              linkColumn<(typeof templates)[number]>("name", t("common.name"), (r) => ({
                to: `/crm/contract-templates/${r.id}`,
                label: r.name,
              })),
              {
                key: "kind",
                header: t("contracts.templates.kind"),
                cell: (r) => t(`contracts.templates.kind.${r.kind}` as MessageKey),
              },
              { key: "parts", header: t("contracts.templates.parts"), numeric: true, cell: (r) => r._count.parts },
              {
                key: "active",
                header: t("common.status"),
                cell: (r) => (
                  <Badge tone={r.active ? "green" : "slate"}>
                    {t(r.active ? "contracts.templates.active" : "common.no")}
                  </Badge>
                ),
              },
            ]}
          />
        )}
      </Card>
      <SectionCard title={t("contracts.templates.new")} icon={Plus}>
        <Form method="post" className="grid gap-4 sm:grid-cols-3" noValidate>
          <FailureNotice result={answer} />
          <TextField name="name" label={t("common.name")} errors={errors.name} />
          <SelectField
            name="kind"
            label={t("contracts.templates.kind")}
            options={kinds.map((k) => ({ value: k, label: t(`contracts.templates.kind.${k}`) }))}
            errors={errors.kind}
          />
          <div className="flex items-end">
            <SubmitButton icon={Plus}>{t("common.create")}</SubmitButton>
          </div>
        </Form>
      </SectionCard>
    </div>
  );
}
