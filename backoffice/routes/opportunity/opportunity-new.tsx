import { Target } from "lucide-react";
import { Form, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { queryId } from "#app/lib/forms.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { OpportunityCreateSchema } from "#app/modules/crm/opportunities/opportunity-form.ts";
import {
  assignableOwners,
  prefillLinks,
  teamOptions,
} from "#app/modules/crm/opportunities/opportunity-links.server.ts";
import { createOpportunity } from "#app/modules/crm/opportunities/opportunity-write.server.ts";
import { defaultSalesMethod } from "#app/modules/crm/opportunities/sales-stages.server.ts";
import { Card, CardBody } from "#app/ui/card.tsx";
import { FailureNotice, fieldErrors, SelectField, SubmitButton, submittedValues } from "#app/ui/form/index.ts";
import { titleMeta } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { BackLink } from "#app/ui/records/back-link.tsx";
import { OpportunityFields } from "#backoffice/components/opportunities/opportunity-fields.tsx";
import { stageName } from "#backoffice/components/opportunities/stage-ui.tsx";
import { runFormAction } from "#backoffice/components/record-action.server.ts";

// 新建机会 (/crm/opportunities/new): a direct entry; `?company=` or `?contact=` (from those pages)
// prefills the link when the actor may see that record. The stage starts at the method's first one.

const POLICY = { module: "opportunities", action: "add" } as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireStaffActor(request, POLICY);
  const params = new URL(request.url).searchParams;
  const asked = { companyId: queryId(params, "company"), contactId: queryId(params, "contact") };
  const [prefill, owners, teams, method] = await Promise.all([
    prefillLinks(db, actor, asked),
    assignableOwners(db, actor, "add"),
    teamOptions(db),
    defaultSalesMethod(db),
  ]);
  return {
    prefill,
    owners,
    teams,
    stages: method.stages.filter((s) => s.kind === "open" && s.active),
    me: actor.staffId,
  };
}

export async function action(args: ActionFunctionArgs) {
  return runFormAction(args, POLICY, OpportunityCreateSchema, createOpportunity, {
    successTo: (v) => `/crm/opportunities/${v.id}`,
    flash: "flash.created",
  });
}

export const meta = titleMeta("opportunities.new.title");

export default function OpportunityNewPage() {
  const { prefill, owners, teams, stages, me } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t, locale } = useI18n();
  const typed = submittedValues(answer);
  const errors = fieldErrors(answer);
  const num = (v: string | undefined) => (v ? Number(v) : null);
  return (
    <div className="space-y-6">
      <BackLink to="/crm/opportunities">{t("sales.opportunity.back")}</BackLink>
      <PageHeader
        title={t("opportunities.new.title")}
        description={t("opportunities.new.description")}
        icon={<Target className="size-6" aria-hidden />}
      />
      <Card>
        <CardBody>
          <Form method="post" className="space-y-4" noValidate>
            <FailureNotice result={answer} />
            <OpportunityFields
              values={{
                name: typed?.name ?? "",
                description: typed?.description ?? null,
                companyId: typed ? num(typed.companyId) : prefill.links.companyId,
                contactId: typed ? num(typed.contactId) : prefill.links.contactId,
                teamId: typed ? num(typed.teamId) : null,
                amount: typed?.amount ?? null,
                expectedCloseDate: typed?.expectedCloseDate ?? null,
                forecast: typed?.forecast === "on",
                forecastValue: typed?.forecastValue ?? null,
              }}
              choices={{ companies: prefill.companies, contacts: prefill.contacts, teams }}
              errors={errors}
            />
            <div className="grid gap-4 sm:grid-cols-2">
              <SelectField
                name="ownerId"
                label={t("common.owner")}
                defaultValue={typed?.ownerId ?? String(me)}
                options={owners.map((o) => ({ value: String(o.id), label: o.name }))}
                errors={errors.ownerId}
              />
              <SelectField
                name="stageId"
                label={t("opportunities.field.stage")}
                defaultValue={typed?.stageId ?? String(stages[0]?.id ?? "")}
                options={stages.map((s) => ({
                  value: String(s.id),
                  label: `${stageName(s, locale)} · ${s.probability}%`,
                }))}
                errors={errors.stageId}
              />
            </div>
            <SubmitButton>{t("opportunities.new.create")}</SubmitButton>
          </Form>
        </CardBody>
      </Card>
    </div>
  );
}
