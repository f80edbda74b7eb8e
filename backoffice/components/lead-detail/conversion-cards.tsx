import { Target } from "lucide-react";
import { useState, type ReactNode } from "react";
import { formatMoney } from "#app/lib/format/money.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import type { FieldErrors } from "#app/lib/service-result.ts";
import type { MatchCandidate } from "#app/modules/crm/record-suggestions.server.ts";
import { OPPORTUNITY_STAGES } from "#app/modules/crm/sales-constants.ts";
import { Badge } from "#app/ui/badge.tsx";
import { Card, CardBody, CardHeader } from "#app/ui/card.tsx";
import { SectionCard } from "#app/ui/section-card.tsx";
import { CheckboxField } from "#app/ui/form/checkbox-field.tsx";
import { DateField } from "#app/ui/form/date-field.tsx";
import { ErrorList } from "#app/ui/form/error-list.tsx";
import { MoneyField } from "#app/ui/form/money-field.tsx";
import { SelectField } from "#app/ui/form/select-field.tsx";
import { TextField } from "#app/ui/form/text-field.tsx";
import { evidenceLabel, ProbabilityField } from "#backoffice/components/sales-ui.tsx";

// The two halves of the 线索转换 form: per record kind, link an existing record the matcher found,
// create one from the lead, or leave it; and the opportunity to create with the conversion.

export function ConversionChoiceCard({
  kind,
  title,
  icon,
  fromLead,
  candidates,
  defaultValue,
  canLink,
  canCreate,
  errors,
}: {
  kind: "company" | "contact";
  title: string;
  icon: ReactNode;
  fromLead: string | null;
  candidates: MatchCandidate[];
  defaultValue: string;
  canLink: boolean;
  canCreate: boolean;
  errors?: readonly MessageKey[];
}) {
  const { t } = useI18n();
  const name = kind === "company" ? "companyPick" : "contactPick";
  return (
    <Card>
      <CardHeader
        title={title}
        description={fromLead ? t("sales.convert.fromLead", { value: fromLead }) : t(`sales.convert.noData.${kind}`)}
        icon={icon}
      />
      <CardBody>
        <fieldset className="space-y-2" aria-describedby={errors?.length ? `${name}-error` : undefined}>
          <legend className="sr-only">{title}</legend>
          {canLink && candidates.length > 0 ? (
            <p className="text-xs font-medium text-slate-500">{t("sales.convert.suggestions")}</p>
          ) : null}
          {canLink
            ? candidates.map((c) => (
                <Choice key={c.id} name={name} value={`existing-${c.id}`} defaultValue={defaultValue}>
                  <span className="flex flex-wrap items-center gap-2">
                    <span className="font-medium text-slate-900">
                      {t(kind === "company" ? "sales.convert.linkCompany" : "sales.convert.linkContact", {
                        name: c.label,
                      })}
                    </span>
                    <Badge tone={c.verdict === "same" ? "green" : c.verdict === "possible" ? "amber" : "slate"}>
                      {kind === "company"
                        ? t(`sales.convert.verdict.${c.verdict}`)
                        : t(`matching.verdict.${c.verdict}`)}{" "}
                      · {Math.round(c.score * 100)}%
                    </Badge>
                  </span>
                  {c.sublabel ? <span className="block text-xs text-slate-500">{c.sublabel}</span> : null}
                  {c.evidence.length > 0 ? (
                    <span className="mt-1 flex flex-wrap gap-1">
                      {c.evidence.map((e) => (
                        <span
                          key={`${e.code}-${e.field}`}
                          className="rounded bg-slate-100 px-1.5 py-0.5 text-[11px] text-slate-600"
                        >
                          {evidenceLabel(e.code, t)}
                        </span>
                      ))}
                    </span>
                  ) : null}
                </Choice>
              ))
            : null}
          {canLink && candidates.length === 0 ? (
            <p className="text-sm text-slate-500">{t(`sales.convert.noMatches.${kind}`)}</p>
          ) : null}
          {canCreate ? (
            <Choice name={name} value="create" defaultValue={defaultValue}>
              <span className="font-medium text-slate-900">
                {t(kind === "company" ? "sales.convert.createCompany" : "sales.convert.createContact")}
              </span>
            </Choice>
          ) : null}
          <Choice name={name} value="skip" defaultValue={defaultValue}>
            <span className="text-slate-700">
              {t(kind === "company" ? "sales.convert.skipCompany" : "sales.convert.skipContact")}
            </span>
          </Choice>
          <ErrorList id={`${name}-error`} errors={errors} />
        </fieldset>
      </CardBody>
    </Card>
  );
}

function Choice({
  name,
  value,
  defaultValue,
  children,
}: {
  name: string;
  value: string;
  defaultValue: string;
  children: ReactNode;
}) {
  return (
    <label className="flex cursor-pointer items-start gap-3 rounded-lg border border-slate-200 px-3 py-2.5 text-sm hover:bg-slate-50 has-[:checked]:border-blue-400 has-[:checked]:bg-blue-50/60">
      <input type="radio" name={name} value={value} defaultChecked={defaultValue === value} className="mt-0.5 size-4" />
      <span className="min-w-0 flex-1">{children}</span>
    </label>
  );
}

export function ConversionOpportunityCard({
  defaultName,
  itemsTotal,
  hasItems,
  owners,
  me,
  campaignName,
  errors,
}: {
  defaultName: string;
  itemsTotal: string;
  hasItems: boolean;
  owners: Array<{ id: number; name: string }>;
  me: number;
  campaignName: string | null;
  errors: FieldErrors;
}) {
  const { t, locale } = useI18n();
  const [withOpportunity, setWithOpportunity] = useState(true);
  return (
    <SectionCard title={t("sales.convert.opportunityTitle")} icon={Target} bodyClassName="space-y-3">
      <CheckboxField
        name="createOpportunity"
        value="on"
        label={<span className="font-medium text-slate-800">{t("sales.convert.createOpportunity")}</span>}
        checked={withOpportunity}
        onChange={(e) => setWithOpportunity(e.currentTarget.checked)}
      />
      <fieldset disabled={!withOpportunity} className="space-y-3 disabled:opacity-50">
        <TextField
          name="opportunityName"
          label={t("sales.opportunity.name")}
          defaultValue={defaultName}
          required
          errors={errors.opportunityName}
        />
        <div className="grid grid-cols-2 gap-3">
          <SelectField
            name="stage"
            label={t("sales.opportunity.stage")}
            defaultValue="qualification"
            options={OPPORTUNITY_STAGES.map((s) => ({ value: s, label: t(`sales.stage.${s}`) }))}
            errors={errors.stage}
          />
          <ProbabilityField defaultValue={20} errors={errors.probability} />
        </div>
        <MoneyField
          name="amount"
          label={t("common.amountCny")}
          defaultValue={hasItems ? itemsTotal : ""}
          hint={hasItems ? t("sales.convert.amountHint", { amount: formatMoney(itemsTotal, locale) }) : undefined}
          errors={errors.amount}
        />
        <DateField
          name="expectedCloseDate"
          label={t("sales.opportunity.closeDate")}
          errors={errors.expectedCloseDate}
        />
        <SelectField
          name="ownerId"
          label={t("common.owner")}
          defaultValue={String(me)}
          options={owners.map((o) => ({ value: String(o.id), label: o.name }))}
          errors={errors.ownerId}
        />
      </fieldset>
      {campaignName ? (
        <p className="text-xs text-slate-500">{t("sales.convert.campaignLink", { name: campaignName })}</p>
      ) : null}
    </SectionCard>
  );
}
