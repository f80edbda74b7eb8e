import { Plus } from "lucide-react";
import { Form } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { CAMPAIGN_STATUSES, CAMPAIGN_TYPES } from "#app/modules/crm/sales-constants.ts";
import { isMessageKey } from "#app/lib/i18n/catalog.ts";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { DateField, MoneyField, SelectField, SubmitButton, TextareaField, TextField } from "#app/ui/form/index.ts";

// "新建营销战役": a disclosure above the campaign list with the record and its hard targets. Posts to
// the list route's action; errors come back as its action data and reopen the form.

/** The service words its field errors as message keys; anything else reads as a generic "invalid". */
function messageKeys(messages: string[] | undefined): MessageKey[] | undefined {
  return messages?.map((message) => (isMessageKey(message) ? message : "sales.error.invalid"));
}

export function CreateCampaign({
  open,
  errors,
  owners,
  me,
}: {
  open: boolean;
  errors?: Record<string, string[]>;
  /** Whom the actor may make the owner (campaignOwnerChoices); the creator is the default. */
  owners: ReadonlyArray<{ id: number; name: string }>;
  me: number;
}) {
  const { t } = useI18n();
  const errorsOf = (name: string) => messageKeys(errors?.[name]);
  return (
    <details open={open} className="group rounded-xl border border-slate-200 bg-white shadow-sm">
      <summary className="flex cursor-pointer list-none items-center gap-2 px-5 py-3 text-sm font-medium text-blue-700 hover:bg-slate-50">
        <Plus className="size-4" aria-hidden />
        {t("sales.campaigns.new")}
      </summary>
      <Form method="post" className="grid gap-4 border-t border-slate-100 px-5 py-4 md:grid-cols-4" noValidate>
        <TextField
          name="name"
          label={t("sales.campaign.name")}
          required
          maxLength={200}
          errors={errorsOf("name")}
          className="md:col-span-2"
        />
        <SelectField
          name="type"
          label={t("sales.campaign.type")}
          defaultValue="exhibition"
          options={CAMPAIGN_TYPES.map((s) => ({ value: s, label: t(`sales.campaignType.${s}`) }))}
        />
        <SelectField
          name="status"
          label={t("sales.campaign.status")}
          defaultValue="planning"
          options={CAMPAIGN_STATUSES.map((s) => ({ value: s, label: t(`sales.campaignStatus.${s}`) }))}
        />
        <SelectField
          name="ownerId"
          label={t("sales.campaign.owner")}
          hint={t("sales.campaign.ownerHint")}
          defaultValue={String(me)}
          errors={errorsOf("ownerId")}
          options={owners.map((o) => ({ value: String(o.id), label: o.name }))}
        />
        <DateField name="startDate" label={t("sales.campaign.startDate")} errors={errorsOf("startDate")} />
        <DateField name="endDate" label={t("sales.campaign.endDate")} errors={errorsOf("endDate")} />
        <MoneyField name="targetSalesAmount" label={t("sales.target.sales")} errors={errorsOf("targetSalesAmount")} />
        <TextField
          name="targetLeadCount"
          label={t("sales.target.leads")}
          inputMode="numeric"
          errors={errorsOf("targetLeadCount")}
        />
        <MoneyField name="targetCost" label={t("sales.target.cost")} errors={errorsOf("targetCost")} />
        <TextField
          name="targetWorkload"
          label={t("sales.target.workload")}
          inputMode="decimal"
          errors={errorsOf("targetWorkload")}
        />
        <TextareaField name="intent" label={t("sales.campaign.intent")} rows={2} className="md:col-span-2" />
        <div className="flex items-end md:col-span-4">
          <SubmitButton>{t("sales.campaigns.create")}</SubmitButton>
        </div>
      </Form>
    </details>
  );
}
