import { Plus } from "lucide-react";
import { Form, useNavigation } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { CAMPAIGN_STATUSES, CAMPAIGN_TYPES } from "#app/modules/crm/sales-constants.ts";
import { Button } from "#app/ui/button.tsx";
import { Field, fieldError, inputClass } from "#backoffice/components/sales-ui.tsx";

// "新建营销战役": a disclosure above the campaign list with the record and its hard targets. Posts to
// the list route's action; errors come back as its action data and reopen the form.

export function CreateCampaign({ open, errors }: { open: boolean; errors?: Record<string, string[]> }) {
  const { t } = useI18n();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formMethod === "POST";
  const err = (name: string) => fieldError(errors, name, t);
  return (
    <details open={open} className="group rounded-xl border border-slate-200 bg-white shadow-sm">
      <summary className="flex cursor-pointer list-none items-center gap-2 px-5 py-3 text-sm font-medium text-blue-700 hover:bg-slate-50">
        <Plus className="size-4" aria-hidden />
        {t("sales.campaigns.new")}
      </summary>
      <Form method="post" className="grid gap-4 border-t border-slate-100 px-5 py-4 md:grid-cols-4" noValidate>
        <Field label={t("sales.campaign.name")} name="name" error={err("name")} className="md:col-span-2">
          <input
            id="name"
            name="name"
            required
            maxLength={200}
            className={inputClass}
            aria-invalid={Boolean(err("name"))}
          />
        </Field>
        <Field label={t("sales.campaign.type")} name="type">
          <select id="type" name="type" className={inputClass} defaultValue="exhibition">
            {CAMPAIGN_TYPES.map((s) => (
              <option key={s} value={s}>
                {t(`sales.campaignType.${s}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("sales.campaign.status")} name="status">
          <select id="status" name="status" className={inputClass} defaultValue="planning">
            {CAMPAIGN_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`sales.campaignStatus.${s}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("sales.campaign.startDate")} name="startDate" error={err("startDate")}>
          <input id="startDate" name="startDate" type="date" className={inputClass} />
        </Field>
        <Field label={t("sales.campaign.endDate")} name="endDate" error={err("endDate")}>
          <input
            id="endDate"
            name="endDate"
            type="date"
            className={inputClass}
            aria-invalid={Boolean(err("endDate"))}
          />
        </Field>
        <Field label={t("sales.target.sales")} name="targetSalesAmount" error={err("targetSalesAmount")}>
          <input id="targetSalesAmount" name="targetSalesAmount" inputMode="decimal" className={inputClass} />
        </Field>
        <Field label={t("sales.target.leads")} name="targetLeadCount" error={err("targetLeadCount")}>
          <input id="targetLeadCount" name="targetLeadCount" inputMode="numeric" className={inputClass} />
        </Field>
        <Field label={t("sales.target.cost")} name="targetCost" error={err("targetCost")}>
          <input id="targetCost" name="targetCost" inputMode="decimal" className={inputClass} />
        </Field>
        <Field label={t("sales.target.workload")} name="targetWorkload" error={err("targetWorkload")}>
          <input id="targetWorkload" name="targetWorkload" inputMode="decimal" className={inputClass} />
        </Field>
        <Field label={t("sales.campaign.intent")} name="intent" className="md:col-span-2">
          <textarea id="intent" name="intent" rows={2} className={inputClass} />
        </Field>
        <div className="flex items-end md:col-span-4">
          <Button type="submit" disabled={busy}>
            {t("sales.campaigns.create")}
          </Button>
        </div>
      </Form>
    </details>
  );
}
