import { FileStack, Plus } from "lucide-react";
import { Form, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { schemaIntents } from "#app/lib/forms.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import {
  editTemplate,
  getTemplate,
  removeTemplatePart,
  saveTemplatePart,
  TemplateEditSchema,
  TemplatePartRefSchema,
  TemplatePartSchema,
} from "#app/modules/contracts/document-templates.server.ts";
import { CheckboxField, FailureNotice, fieldErrors, SubmitButton, TextField } from "#app/ui/form/index.ts";
import { recordMeta } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { BackLink } from "#app/ui/records/back-link.tsx";
import { SectionCard } from "#app/ui/section-card.tsx";
import { PartForm } from "#backoffice/components/contracts/part-form.tsx";
import { loadRecordPage } from "#backoffice/components/record-page.server.ts";
import { runRecordIntent } from "#backoffice/components/record-action.server.ts";

// One template (/crm/contract-templates/:id): its name, whether new records may use it, and its
// ordered parts with merge fields.

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadRecordPage(request, { module: "admin", action: "browse" }, params.templateId, (database, _actor, id) =>
    getTemplate(database, id),
  );
}

interface Args {
  actor: StaffActor;
  id: number;
  form: FormData;
  ipAddress: string;
}

const intent = schemaIntents<Args>((a) => `/crm/contract-templates/${a.id}`);

const intents = {
  edit: intent(TemplateEditSchema, (a, v) => editTemplate(db, a.actor, a.id, v, { ipAddress: a.ipAddress })),
  part: intent(TemplatePartSchema, (a, v) => saveTemplatePart(db, a.actor, a.id, v, { ipAddress: a.ipAddress })),
  "part-remove": intent(TemplatePartRefSchema, (a, v) =>
    removeTemplatePart(db, a.actor, a.id, v.partId, { ipAddress: a.ipAddress }),
  ),
};

export async function action(args: ActionFunctionArgs) {
  return runRecordIntent(args, { module: "admin", action: "modify" }, "templateId", intents);
}

export const meta = recordMeta<typeof loader>("contracts.templates.title", (d) => [
  "contracts.metaTitle",
  { name: d.name },
]);

export default function ContractTemplatePage() {
  const tpl = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const errors = fieldErrors(answer);
  const { t } = useI18n();
  return (
    <div className="space-y-6">
      <BackLink to="/crm/contract-templates">{t("contracts.templates.back")}</BackLink>
      <PageHeader
        eyebrow={t(`contracts.templates.kind.${tpl.kind}` as MessageKey)}
        title={tpl.name}
        icon={<FileStack className="size-6" aria-hidden />}
      />
      <FailureNotice result={answer} />
      <SectionCard title={t("common.edit")} icon={FileStack}>
        <Form method="post" className="grid gap-4 sm:grid-cols-3" noValidate>
          <TextField name="name" label={t("common.name")} defaultValue={tpl.name} errors={errors.name} />
          <CheckboxField name="active" label={t("contracts.templates.active")} defaultChecked={tpl.active} />
          <div className="flex items-end">
            <SubmitButton intent="edit">{t("common.save")}</SubmitButton>
          </div>
        </Form>
      </SectionCard>
      {tpl.parts.map((part) => (
        <SectionCard key={part.id} title={part.title} icon={FileStack}>
          <PartForm part={part} mergeHint={tpl.kind === "contract"} />
        </SectionCard>
      ))}
      <SectionCard title={t("contracts.doc.addPart")} icon={Plus}>
        <PartForm part={null} errors={errors} mergeHint={tpl.kind === "contract"} />
      </SectionCard>
    </div>
  );
}
