import { ArrowRightLeft, Flag, Link2, Pencil } from "lucide-react";
import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
} from "react-router";
import { formatCalendarDate, formatDateTime } from "#app/lib/format/dates.ts";
import { formatMoney } from "#app/lib/format/money.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { overviewIntents } from "#app/modules/crm/opportunities/opportunity-actions.server.ts";
import { editChoices } from "#app/modules/crm/opportunities/opportunity-links.server.ts";
import { FailureNotice, fieldErrors, SelectField, SubmitButton, TextField } from "#app/ui/form/index.ts";
import { FactList } from "#app/ui/records/fact-list.tsx";
import { SectionCard } from "#app/ui/section-card.tsx";
import { OpportunityFields } from "#backoffice/components/opportunities/opportunity-fields.tsx";
import {
  loadOpportunityTab,
  opportunityTabAction,
} from "#backoffice/components/opportunities/opportunity-route.server.ts";
import { stageName } from "#backoffice/components/opportunities/stage-ui.tsx";
import { useOpportunityRecord } from "#backoffice/components/opportunities/use-opportunity-record.ts";

// The opportunity's 概况 tab: its links and dates, the edit form, the stage move (won/lost with a
// reason) and the owner change, for those who may change it. Every form carries the version.

export async function loader(args: LoaderFunctionArgs) {
  return loadOpportunityTab(args, (database, id, actor) => editChoices(database, actor, id));
}

export async function action(args: ActionFunctionArgs) {
  return opportunityTabAction(args, "", overviewIntents);
}

export default function OpportunityOverviewTab() {
  const { choices, owners, canModify } = useLoaderData<typeof loader>();
  const { opportunity: o, method, stage } = useOpportunityRecord();
  const answer = useActionData<typeof action>();
  const { t, locale } = useI18n();
  const errors = fieldErrors(answer);
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <div className="space-y-6 lg:col-span-2">
        <FailureNotice result={answer} />
        {canModify ? (
          <SectionCard title={t("opportunities.overview.edit")} icon={Pencil}>
            <Form method="post" className="space-y-4" noValidate>
              <input type="hidden" name="version" value={o.version} />
              <OpportunityFields values={o} choices={choices} errors={errors} amountFollowsItems={o._count.items > 0} />
              <SubmitButton intent="edit">{t("common.save")}</SubmitButton>
            </Form>
          </SectionCard>
        ) : null}
        <SectionCard title={t("sales.opportunity.links")} icon={Link2}>
          <FactList
            labelWidth="6rem"
            facts={[
              {
                label: t("sales.opportunity.company"),
                value: o.company ? (
                  <Link to={`/crm/companies/${o.company.id}`} className="text-blue-700 hover:underline">
                    {o.company.name}
                  </Link>
                ) : null,
              },
              {
                label: t("sales.opportunity.contact"),
                value: o.contact ? (
                  <Link to={`/crm/contacts/${o.contact.id}`} className="text-blue-700 hover:underline">
                    {o.contact.fullName}
                  </Link>
                ) : null,
              },
              {
                label: t("sales.opportunity.lead"),
                value: o.lead ? (
                  <Link to={`/crm/leads/${o.lead.id}`} className="text-blue-700 hover:underline">
                    {o.lead.number}
                  </Link>
                ) : null,
              },
              { label: t("sales.opportunity.campaign"), value: o.campaign?.name ?? null },
              { label: t("opportunities.field.team"), value: o.team?.name ?? null },
              { label: t("opportunities.field.method"), value: stageName(method, locale) },
              {
                label: t("sales.opportunity.closeDate"),
                value: o.expectedCloseDate ? formatCalendarDate(o.expectedCloseDate, locale) : null,
              },
              {
                label: t("opportunities.field.forecastValue"),
                value: o.forecast ? formatMoney(o.forecastValue ?? o.amount, locale) : null,
              },
              {
                label: t("sales.opportunity.closedAt"),
                value: formatDateTime(o.closedAt, locale),
                hidden: !o.closedAt,
              },
              { label: t("opportunities.field.closeReason"), value: o.closeReason, hidden: !o.closeReason },
              { label: t("opportunities.field.description"), value: o.description },
            ]}
          />
        </SectionCard>
      </div>
      {canModify ? (
        <div className="space-y-6">
          <SectionCard title={t("opportunities.overview.stage")} icon={Flag}>
            <Form method="post" className="space-y-3" noValidate>
              <input type="hidden" name="version" value={o.version} />
              <SelectField
                name="stageId"
                label={t("opportunities.field.stage")}
                defaultValue={String(stage?.id ?? "")}
                options={method.stages
                  .filter((s) => s.active || s.id === stage?.id)
                  .map((s) => ({
                    value: String(s.id),
                    label: `${stageName(s, locale)} · ${s.probability}%`,
                  }))}
                errors={errors.stageId}
              />
              <TextField
                name="reason"
                label={t("opportunities.field.closeReason")}
                hint={t("opportunities.overview.reasonHint")}
                maxLength={500}
                errors={errors.reason}
              />
              <SubmitButton intent="move">{t("opportunities.overview.move")}</SubmitButton>
            </Form>
          </SectionCard>
          <SectionCard title={t("opportunities.overview.changeOwner")} icon={ArrowRightLeft}>
            <Form method="post" className="space-y-3" noValidate>
              <input type="hidden" name="version" value={o.version} />
              <SelectField
                name="ownerId"
                label={t("opportunities.overview.owner")}
                defaultValue={String(o.ownerId)}
                options={owners.map((s) => ({ value: String(s.id), label: s.name }))}
                errors={errors.ownerId}
              />
              <SubmitButton intent="owner" variant="secondary">
                {t("opportunities.overview.changeOwner")}
              </SubmitButton>
            </Form>
          </SectionCard>
        </div>
      ) : null}
    </div>
  );
}
