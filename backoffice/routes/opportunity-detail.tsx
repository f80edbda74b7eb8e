import { CheckCircle2, Link2, Package, Target, UserRound } from "lucide-react";
import {
  data,
  Form,
  Link,
  useActionData,
  useLoaderData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
} from "react-router";
import { db } from "#app/lib/db.server.ts";
import { formatCalendarDate, formatDateTime, dateInputValue } from "#app/lib/format/dates.ts";
import { formatMoney } from "#app/lib/format/money.ts";
import { formIntent, requireIdParam } from "#app/lib/forms.server.ts";
import { clientIp } from "#app/lib/http.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { respond } from "#app/lib/service-result.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import {
  getOpportunityDetail,
  opportunityWorkAccess,
  updateOpportunity,
} from "#app/modules/crm/opportunities.server.ts";
import { OPPORTUNITY_STAGES } from "#app/modules/crm/sales-constants.ts";
import {
  isRecordWidgetIntent,
  recordWidgetFlash,
  runRecordWidgetIntent,
} from "#app/modules/notes/record-widget-actions.server.ts";
import { Card, CardBody, CardHeader } from "#app/ui/card.tsx";
import { SectionCard } from "#app/ui/section-card.tsx";
import { fieldErrors, FormNotice, MoneyField, SelectField, SubmitButton } from "#app/ui/form/index.ts";
import { DateField } from "#app/ui/form/date-field.tsx";
import { recordMeta } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { BackLink } from "#app/ui/records/back-link.tsx";
import { FactList } from "#app/ui/records/fact-list.tsx";
import { NotesCard } from "#app/ui/records/notes-card.tsx";
import { TasksCard } from "#app/ui/records/tasks-card.tsx";
import { LineItemsTable } from "#backoffice/components/line-items-table.tsx";
import { ProbabilityField, StageBadge } from "#backoffice/components/sales-ui.tsx";
import { ShellErrorBoundary } from "#backoffice/components/shell-error-boundary.tsx";

// One 机会: stage/amount/probability/close date, line items, the records it links (lead, campaign,
// company, contact), notes and tasks (the shared record widgets).

const POLICY = { module: "opportunities", action: "browse" } as const;
const pathOf = (id: number) => `/crm/opportunities/${id}`;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireStaffActor(request, POLICY);
  const detail = await getOpportunityDetail(db, actor, requireIdParam(params.opportunityId));
  if (!detail) throw data(null, { status: 404 });
  // lead-convert lands here with ?converted=1 (the page then says the lead was converted).
  return { ...detail, now: Date.now(), converted: new URL(request.url).searchParams.get("converted") === "1" };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requireStaffActor(request, POLICY);
  const id = requireIdParam(params.opportunityId);
  const form = await request.formData();
  const intent = formIntent(form);
  if (intent === "update") return updateAction(actor, id, form, clientIp(context));
  if (isRecordWidgetIntent(intent)) return widgetAction(actor, id, intent, form);
  throw data(null, { status: 400 });
}

async function updateAction(actor: StaffActor, id: number, form: FormData, ipAddress: string) {
  const result = await updateOpportunity(db, actor, id, Object.fromEntries(form), { ipAddress });
  return respond(result, { successTo: pathOf(id), flash: "flash.saved" });
}

async function widgetAction(
  actor: StaffActor,
  id: number,
  intent: Parameters<typeof runRecordWidgetIntent>[2],
  form: FormData,
) {
  const access = await opportunityWorkAccess(db, actor, id);
  if (!access) throw data(null, { status: 404 });
  const result = await runRecordWidgetIntent(db, actor, intent, form, access);
  return respond(result, { successTo: pathOf(id), flash: recordWidgetFlash });
}

export const meta = recordMeta<typeof loader>("sales.opportunities.title", (d) => [
  "sales.opportunity.metaTitle",
  { name: d.opportunity.name },
]);

type LoaderData = Awaited<ReturnType<typeof loader>>;

export default function OpportunityDetailPage() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t, locale } = useI18n();
  const o = d.opportunity;
  const itemsTotal = o.items.reduce((sum, i) => sum + Number(i.total), 0);

  return (
    <div className="space-y-6">
      <BackLink to="/crm/opportunities">{t("sales.opportunity.back")}</BackLink>
      <PageHeader
        eyebrow={<span className="font-mono">{o.number}</span>}
        title={o.name}
        description={
          <span className="flex flex-wrap items-center gap-x-3 gap-y-1.5">
            <StageBadge stage={o.stage} />
            <span className="font-medium text-slate-900 tabular-nums">{formatMoney(o.amount, locale)}</span>
            <span>{t("sales.opportunity.probabilityIs", { percent: o.probability })}</span>
            <span className="inline-flex items-center gap-1">
              <UserRound className="size-4 text-slate-400" aria-hidden />
              {o.owner.name}
            </span>
          </span>
        }
      />
      {d.converted ? (
        <FormNotice tone="success">
          <span className="inline-flex items-center gap-2">
            <CheckCircle2 className="size-4 shrink-0" aria-hidden />
            {t("sales.opportunity.flash.converted")}
          </span>
        </FormNotice>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card>
            <CardHeader title={t("sales.opportunity.items")} icon={<Package className="size-4" aria-hidden />} />
            {o.items.length === 0 ? (
              <CardBody>
                <p className="text-sm text-slate-400">{t("sales.opportunity.noItems")}</p>
              </CardBody>
            ) : (
              <LineItemsTable caption={t("sales.opportunity.items")} items={o.items} sum={itemsTotal} />
            )}
          </Card>
          <NotesCard notes={d.notes} canWrite={d.canModify} now={d.now} result={result} />
        </div>
        <div className="space-y-6">
          {d.canModify ? <UpdateCard d={d} result={result} /> : null}
          <SectionCard title={t("sales.opportunity.links")} icon={Link2}>
            <FactList
              labelWidth="5.5rem"
              facts={[
                {
                  label: t("sales.opportunity.company"),
                  value: o.company ? (
                    <span className="block">
                      <Link to={`/crm/companies/${o.company.id}`} className="text-blue-700 hover:underline">
                        {o.company.name}
                      </Link>
                      <span className="block font-mono text-xs text-slate-400">{o.company.number}</span>
                    </span>
                  ) : null,
                },
                {
                  label: t("sales.opportunity.contact"),
                  value: o.contact ? (
                    <span>
                      <Link to={`/crm/contacts/${o.contact.id}`} className="text-blue-700 hover:underline">
                        {o.contact.fullName}
                      </Link>
                      {o.contact.mobile || o.contact.phone ? (
                        <span className="text-slate-500"> · {o.contact.mobile ?? o.contact.phone}</span>
                      ) : null}
                    </span>
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
                {
                  label: t("sales.opportunity.campaign"),
                  value: o.campaign ? (
                    <Link to={`/crm/campaigns/${o.campaign.id}`} className="text-blue-700 hover:underline">
                      {o.campaign.name}
                    </Link>
                  ) : null,
                },
                {
                  label: t("sales.opportunity.closeDate"),
                  value: o.expectedCloseDate ? formatCalendarDate(o.expectedCloseDate, locale) : null,
                },
                {
                  label: t("sales.opportunity.closedAt"),
                  value: formatDateTime(o.closedAt, locale),
                  hidden: !o.closedAt,
                },
              ]}
            />
          </SectionCard>
          <TasksCard tasks={d.tasks} canWrite={d.canModify} now={d.now} allowReopen result={result} />
        </div>
      </div>
    </div>
  );
}

function UpdateCard({ d, result }: { d: LoaderData; result: { status: string } | undefined }) {
  const { t } = useI18n();
  const o = d.opportunity;
  const errors = fieldErrors(result);
  return (
    <SectionCard title={t("sales.opportunity.update")} icon={Target}>
      <Form method="post" className="space-y-3" noValidate>
        <SelectField
          name="stage"
          label={t("sales.opportunity.stage")}
          defaultValue={o.stage}
          options={OPPORTUNITY_STAGES.map((s) => ({ value: s, label: t(`sales.stage.${s}`) }))}
          errors={errors.stage}
        />
        <div className="grid grid-cols-2 gap-3">
          <MoneyField name="amount" label={t("common.amountCny")} defaultValue={o.amount} errors={errors.amount} />
          <ProbabilityField defaultValue={o.probability} errors={errors.probability} />
        </div>
        <DateField
          name="expectedCloseDate"
          label={t("sales.opportunity.closeDate")}
          defaultValue={dateInputValue(o.expectedCloseDate)}
          hint={t("sales.opportunity.closeHint")}
          errors={errors.expectedCloseDate}
        />
        <SubmitButton intent="update">{t("common.save")}</SubmitButton>
      </Form>
    </SectionCard>
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary back="/crm/opportunities" backLabel="sales.opportunity.back" />;
}
