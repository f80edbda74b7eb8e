import { Swords } from "lucide-react";
import { useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { competitorIntents } from "#app/modules/crm/opportunities/opportunity-actions.server.ts";
import { listOpportunityCompetitors } from "#app/modules/crm/opportunities/opportunity-detail.server.ts";
import { COMPETITOR_THREATS } from "#app/modules/crm/opportunities/opportunity-form.ts";
import { Badge } from "#app/ui/badge.tsx";
import { Card, CardHeader } from "#app/ui/card.tsx";
import { FailureNotice, fieldErrors, SelectField, TextareaField, TextField } from "#app/ui/form/index.ts";
import { RecordTable } from "#app/ui/records/record-table.tsx";
import {
  loadOpportunityTab,
  opportunityTabAction,
} from "#backoffice/components/opportunities/opportunity-route.server.ts";
import { AddRowCard, RemoveRowButton } from "#backoffice/components/opportunities/row-forms.tsx";

// The opportunity's 竞争对手 tab (seed 000 §2.L.4 related elements): who else is bidding, with what,
// how dangerous, their strengths and weaknesses.

export async function loader(args: LoaderFunctionArgs) {
  return loadOpportunityTab(args, async (database, id) => ({
    competitors: await listOpportunityCompetitors(database, id),
  }));
}

export async function action(args: ActionFunctionArgs) {
  return opportunityTabAction(args, "competitors", competitorIntents);
}

const THREAT_TONE = { low: "slate", medium: "amber", high: "red" } as const;

export default function OpportunityCompetitorsTab() {
  const { competitors, canModify } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useI18n();
  const errors = fieldErrors(answer);
  return (
    <div className="space-y-6">
      <FailureNotice result={answer} />
      <Card>
        <CardHeader title={t("opportunities.tabs.competitors")} icon={<Swords className="size-4" aria-hidden />} />
        {competitors.length === 0 ? (
          <p className="px-5 pb-5 text-sm text-slate-400">{t("opportunities.competitors.none")}</p>
        ) : (
          <RecordTable
            caption={t("opportunities.tabs.competitors")}
            rows={competitors}
            rowKey={(c) => c.id}
            columns={[
              {
                key: "name",
                header: t("opportunities.competitors.name"),
                cell: (c) => (
                  <span>
                    {c.name}
                    {c.product ? <span className="block text-xs text-slate-500">{c.product}</span> : null}
                  </span>
                ),
              },
              {
                key: "threat",
                header: t("opportunities.competitors.threat"),
                cell: (c) => <Badge tone={THREAT_TONE[c.threat]}>{t(`opportunities.threat.${c.threat}`)}</Badge>,
              },
              { key: "strengths", header: t("opportunities.competitors.strengths"), cell: (c) => c.strengths ?? "—" },
              {
                key: "weaknesses",
                header: t("opportunities.competitors.weaknesses"),
                cell: (c) => c.weaknesses ?? "—",
              },
              canModify && {
                key: "remove",
                header: "",
                cell: (c) => <RemoveRowButton intent="competitor-remove" rowId={c.id} label={c.name} />,
              },
            ]}
          />
        )}
      </Card>
      {canModify ? (
        <AddRowCard title={t("opportunities.competitors.add")} icon={Swords} intent="competitor-add">
          <TextField
            name="name"
            label={t("opportunities.competitors.name")}
            maxLength={200}
            required
            errors={errors.name}
          />
          <TextField
            name="product"
            label={t("opportunities.competitors.product")}
            maxLength={200}
            errors={errors.product}
          />
          <SelectField
            name="threat"
            label={t("opportunities.competitors.threat")}
            defaultValue="medium"
            options={COMPETITOR_THREATS.map((v) => ({ value: v, label: t(`opportunities.threat.${v}`) }))}
            errors={errors.threat}
          />
          <div />
          <TextareaField
            name="strengths"
            label={t("opportunities.competitors.strengths")}
            rows={2}
            maxLength={1000}
            errors={errors.strengths}
          />
          <TextareaField
            name="weaknesses"
            label={t("opportunities.competitors.weaknesses")}
            rows={2}
            maxLength={1000}
            errors={errors.weaknesses}
          />
        </AddRowCard>
      ) : null}
    </div>
  );
}
