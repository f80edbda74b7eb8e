import { NotebookPen, Pencil } from "lucide-react";
import { useState } from "react";
import { Form } from "react-router";
import type { CampaignStatus, CampaignType } from "#app/generated/prisma/enums.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { CAMPAIGN_STATUSES, CAMPAIGN_TYPES } from "#app/modules/crm/sales-constants.ts";
import { Badge } from "#app/ui/badge.tsx";
import { Button } from "#app/ui/button.tsx";
import { SectionCard } from "#app/ui/section-card.tsx";
import {
  DateField,
  fieldErrors,
  MoneyField,
  SelectField,
  SubmitButton,
  submittedValues,
  TextareaField,
  TextField,
} from "#app/ui/form/index.ts";
import type { CampaignTargets } from "./targets-card.tsx";

// The campaign's intent, plan and summary (read), and for those who may modify it the edit form of
// the whole record: name, type, status, dates and targets as well.

export interface CampaignRecord {
  name: string;
  type: CampaignType;
  status: CampaignStatus;
  intent: string | null;
  plan: string | null;
  summary: string | null;
  startDate: Date | string | null;
  endDate: Date | string | null;
  categories: ReadonlyArray<{ id: number; name: string }>;
  targets: CampaignTargets;
}

export function CampaignDescriptionCard({
  campaign,
  canModify,
  result,
}: {
  campaign: CampaignRecord;
  canModify: boolean;
  /** The overview action's refused answer, if any: the form opens again with it. */
  result: { status: string } | undefined;
}) {
  const { t } = useI18n();
  const refused = submittedValues(result);
  const [editing, setEditing] = useState(refused !== null);
  return (
    <SectionCard
      title={t("sales.campaign.descriptionTitle")}
      icon={NotebookPen}
      action={
        canModify && !editing ? (
          <Button variant="secondary" size="sm" onClick={() => setEditing(true)}>
            {" "}
            <Pencil className="size-3.5" aria-hidden /> {t("sales.campaign.edit")}{" "}
          </Button>
        ) : null
      }
    >
      {editing && canModify ? (
        <EditForm campaign={campaign} result={result} onCancel={() => setEditing(false)} />
      ) : (
        <div className="space-y-4">
          <TextBlock label={t("sales.campaign.intent")} value={campaign.intent} />
          <TextBlock label={t("sales.campaign.plan")} value={campaign.plan} />
          <TextBlock label={t("sales.campaign.summary")} value={campaign.summary} />
          {campaign.categories.length > 0 ? (
            <div>
              <h3 className="text-xs font-medium tracking-wide text-slate-500">{t("sales.campaign.categories")}</h3>
              <div className="mt-1 flex flex-wrap gap-1.5">
                {campaign.categories.map((cat) => (
                  <Badge key={cat.id} tone="blue">
                    {cat.name}
                  </Badge>
                ))}
              </div>
            </div>
          ) : null}
        </div>
      )}
    </SectionCard>
  );
}

const TARGETS = [
  { name: "targetSalesAmount", key: "salesAmount", label: "sales.target.sales", money: true },
  { name: "targetLeadCount", key: "leadCount", label: "sales.target.leads", money: false },
  { name: "targetCost", key: "cost", label: "sales.target.cost", money: true },
  { name: "targetWorkload", key: "workload", label: "sales.target.workload", money: false },
] as const;

// "intent" names the form action, so the campaign's 意图 travels as intentText (its errors come
// back under "intent", the service's own name).
const TEXTS = [
  { name: "intentText", key: "intent", rows: 2 },
  { name: "plan", key: "plan", rows: 3 },
  { name: "summary", key: "summary", rows: 3 },
] as const;

function EditForm({
  campaign: c,
  result,
  onCancel,
}: {
  campaign: CampaignRecord;
  result: { status: string } | undefined;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const errors = fieldErrors(result);
  const sent = submittedValues(result);
  // After a refusal, what was typed; otherwise the record.
  const value = (name: string, stored: string | number | null) =>
    sent?.[name] ?? (stored === null ? "" : String(stored));
  return (
    <Form method="post" className="grid gap-4 md:grid-cols-2" noValidate>
      <TextField
        name="name"
        label={t("sales.campaign.name")}
        defaultValue={value("name", c.name)}
        errors={errors.name}
        maxLength={200}
        className="md:col-span-2"
      />
      <SelectField
        name="type"
        label={t("sales.campaign.type")}
        defaultValue={value("type", c.type)}
        options={CAMPAIGN_TYPES.map((s) => ({ value: s, label: t(`sales.campaignType.${s}`) }))}
        errors={errors.type}
      />
      <SelectField
        name="status"
        label={t("sales.campaign.status")}
        defaultValue={value("status", c.status)}
        options={CAMPAIGN_STATUSES.map((s) => ({ value: s, label: t(`sales.campaignStatus.${s}`) }))}
        errors={errors.status}
      />
      {(["startDate", "endDate"] as const).map((name) => (
        <DateField
          key={name}
          name={name}
          label={t(`sales.campaign.${name}`)}
          defaultValue={sent?.[name] ?? dayOf(c[name])}
          errors={errors[name]}
          optional
        />
      ))}
      {TARGETS.map((target) => {
        const Input = target.money ? MoneyField : TextField;
        return (
          <Input
            key={target.name}
            name={target.name}
            label={t(target.label)}
            inputMode={target.money ? undefined : "decimal"}
            defaultValue={value(target.name, c.targets[target.key])}
            errors={errors[target.name]}
            optional
          />
        );
      })}
      {TEXTS.map((text) => (
        <TextareaField
          key={text.name}
          name={text.name}
          rows={text.rows}
          label={t(`sales.campaign.${text.key}`)}
          defaultValue={value(text.name, c[text.key])}
          errors={errors[text.key]}
          optional
          className="md:col-span-2"
        />
      ))}
      <div className="flex gap-2 md:col-span-2">
        <SubmitButton intent="update">{t("common.save")}</SubmitButton>
        <Button variant="ghost" onClick={onCancel}>
          {t("common.cancel")}
        </Button>
      </div>
    </Form>
  );
}

/** "YYYY-MM-DD" of a DATE column value (stored as UTC midnight). */
function dayOf(value: Date | string | null): string {
  return value ? new Date(value).toISOString().slice(0, 10) : "";
}

function TextBlock({ label, value }: { label: string; value: string | null }) {
  const { t } = useI18n();
  return (
    <div>
      <h3 className="text-xs font-medium tracking-wide text-slate-500">{label}</h3>
      {value ? (
        <p className="mt-1 text-sm leading-6 whitespace-pre-wrap text-slate-800">{value}</p>
      ) : (
        <p className="mt-1 text-sm text-slate-400">{t("sales.none")}</p>
      )}
    </div>
  );
}
