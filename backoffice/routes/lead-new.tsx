import { randomUUID } from "node:crypto";
import { Building2, FileText, Plus, UserRound, UserRoundCheck } from "lucide-react";
import { Form, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { clientIp, userAgent } from "#app/lib/http.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { getLocale } from "#app/lib/i18n/locale.server.ts";
import { respond } from "#app/lib/service-result.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import {
  ENTRY_COMPANY,
  ENTRY_CONTACT,
  enterLeadByHand,
  entryCampaigns,
  entryOwners,
} from "#app/modules/leads/intake/lead-entry.server.ts";
import { leadSourceOptions } from "#app/modules/leads/record/lead-source.server.ts";
import { ButtonLink } from "#app/ui/button.tsx";
import { SectionCard } from "#app/ui/section-card.tsx";
import { fieldErrors, submittedValues } from "#app/ui/form/action-result.ts";
import { FailureNotice } from "#app/ui/form/form-notice.tsx";
import { SelectField } from "#app/ui/form/select-field.tsx";
import { SubmitButton } from "#app/ui/form/submit-button.tsx";
import { TextareaField } from "#app/ui/form/textarea-field.tsx";
import { TextField } from "#app/ui/form/text-field.tsx";
import { titleMeta } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { BackLink } from "#app/ui/records/back-link.tsx";

// 新建线索: staff enter a lead by hand (lead-entry.server.ts) with the owner chosen here.

const LEADS_ADD = { module: "leads", action: "add" } as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireStaffActor(request, LEADS_ADD);
  const [owners, campaigns, sources] = await Promise.all([
    entryOwners(db, actor),
    entryCampaigns(db, actor),
    getLocale(request).then((locale) => leadSourceOptions(db, locale)),
  ]);
  return { owners, campaigns, sources, me: actor.staffId, submissionId: randomUUID() };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireStaffActor(request, LEADS_ADD);
  const form = await request.formData();
  const text = (name: string) => String(form.get(name) ?? "").trim();
  const input = {
    contact: Object.fromEntries(ENTRY_CONTACT.map((f) => [f, text(`contact.${f}`)])),
    company: Object.fromEntries(ENTRY_COMPANY.map((f) => [f, text(`company.${f}`)])),
    requirement: text("requirement"),
    ownerStaffId: text("ownerStaffId"),
    campaignId: text("campaignId"),
    sourceCode: text("sourceCode"),
    submissionId: text("submissionId"),
  };
  const result = await enterLeadByHand(db, actor, input, {
    ipAddress: clientIp(context),
    userAgent: userAgent(request),
  });
  return respond(result, { successTo: ({ leadId }) => `/crm/leads/${leadId}`, flash: "flash.leads.created" });
}

export const meta = titleMeta("leadInbox.create.title");

export default function NewLeadPage() {
  const { owners, campaigns, sources, me, submissionId } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const errors = fieldErrors(result);
  const values = submittedValues(result) ?? {};
  const field = (name: string, label: string, extra: { type?: string; autoComplete?: string } = {}) => (
    <TextField
      key={name}
      id={`f-${name}`}
      name={name}
      label={label}
      type={extra.type ?? "text"}
      autoComplete={extra.autoComplete ?? "off"}
      defaultValue={values[name] ?? ""}
      errors={errors[name]}
    />
  );

  return (
    <div className="space-y-6">
      <BackLink to="/crm/leads">{t("common.backToLeads")}</BackLink>
      <PageHeader
        title={t("leadInbox.create.title")}
        description={t("leadInbox.create.description")}
        icon={<Plus className="size-6" aria-hidden />}
      />
      <FailureNotice result={result} />

      <Form method="post" noValidate className="space-y-6">
        <input type="hidden" name="submissionId" value={submissionId} />
        <div className="grid gap-6 lg:grid-cols-2">
          <SectionCard
            title={t("leadInbox.detail.contact.title")}
            description={t("leadInbox.create.contactHint")}
            icon={UserRound}
            bodyClassName="grid gap-4 sm:grid-cols-2"
          >
            {field("contact.name", t("leadInbox.detail.contact.name"), { autoComplete: "name" })}
            {field("contact.title", t("leadInbox.create.contactTitle"))}
            {field("contact.email", t("common.email"), { type: "email", autoComplete: "email" })}
            {field("contact.mobile", t("leadInbox.detail.contact.mobile"), { type: "tel", autoComplete: "tel" })}
            {field("contact.phone", t("common.phone"), { type: "tel" })}
            {field("contact.fax", t("common.fax"), { type: "tel" })}
          </SectionCard>
          <SectionCard
            title={t("leadInbox.detail.company.title")}
            description={t("leadInbox.create.companyHint")}
            icon={Building2}
            bodyClassName="grid gap-4 sm:grid-cols-2"
          >
            <div className="sm:col-span-2">{field("company.name", t("leadInbox.detail.company.name"))}</div>
            {field("company.province", t("leadInbox.create.province"))}
            {field("company.city", t("common.city"))}
            <div className="sm:col-span-2">{field("company.address", t("common.address"))}</div>
            {field("company.phone", t("leadInbox.detail.company.phone"), { type: "tel" })}
            {field("company.fax", t("common.fax"), { type: "tel" })}
          </SectionCard>
        </div>

        <SectionCard title={t("leadInbox.detail.requirement.title")} icon={FileText} bodyClassName="space-y-4">
          {campaigns.length > 0 || errors.campaignId ? (
            <SelectField
              id="f-campaign"
              name="campaignId"
              className="w-full sm:max-w-sm"
              label={t("leadInbox.create.campaign")}
              hint={t("leadInbox.create.campaignHint")}
              defaultValue={values.campaignId ?? ""}
              errors={errors.campaignId}
              placeholder={t("leadInbox.create.campaignNone")}
              options={campaigns.map((c) => ({ value: String(c.id), label: c.name }))}
            />
          ) : null}
          <SelectField
            id="f-source"
            name="sourceCode"
            className="w-full sm:max-w-sm"
            label={t("adminEnums.leadSource.label")}
            hint={t("adminEnums.leadSource.entryHint")}
            defaultValue={values.sourceCode ?? ""}
            errors={errors.sourceCode}
            placeholder={t("adminEnums.leadSource.byChannel")}
            options={sources}
          />
          <TextareaField
            id="f-requirement"
            name="requirement"
            rows={5}
            label={t("leadInbox.create.requirement")}
            hint={t("leadInbox.create.requirementHint")}
            defaultValue={values.requirement ?? ""}
            errors={errors.requirement}
          />
        </SectionCard>

        <SectionCard
          title={t("common.owner")}
          icon={UserRoundCheck}
          bodyClassName="flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between"
        >
          <SelectField
            id="f-owner"
            name="ownerStaffId"
            className="w-full sm:max-w-sm"
            label={t("leadInbox.create.owner")}
            hint={owners.length > 1 ? t("leadInbox.create.ownerHint") : t("leadInbox.create.ownerSelfHint")}
            defaultValue={values.ownerStaffId || String(me)}
            errors={errors.ownerStaffId}
            options={owners.map((o) => ({
              value: String(o.id),
              label: `${o.id === me ? t("leadInbox.create.ownerMe", { name: o.name }) : o.name}${o.teamName ? ` · ${o.teamName}` : ""}`,
            }))}
          />
          <div className="flex gap-2">
            <ButtonLink to="/crm/leads" variant="secondary">
              {t("common.cancel")}
            </ButtonLink>
            <SubmitButton pendingLabel={t("leadInbox.create.submitting")}>{t("leadInbox.create.submit")}</SubmitButton>
          </div>
        </SectionCard>
      </Form>
    </div>
  );
}
