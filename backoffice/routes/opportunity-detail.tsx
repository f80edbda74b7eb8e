import {
  ArrowLeft,
  CheckCircle2,
  Circle,
  Clock,
  Link2,
  ListTodo,
  NotebookPen,
  Package,
  Target,
  UserRound,
} from "lucide-react";
import type { ReactNode } from "react";
import {
  data,
  Form,
  Link,
  redirect,
  useActionData,
  useLoaderData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaArgs,
} from "react-router";
import { z } from "zod";
import { db } from "#app/lib/db.server.ts";
import { OPPORTUNITY_STAGES } from "#app/modules/crm/sales-constants.ts";
import { clientIp } from "#app/lib/http.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { requirePermission } from "#app/modules/auth/staff-guard.server.ts";
import {
  addOpportunityNote,
  addOpportunityTask,
  getOpportunityDetail,
  opportunityViewer,
  setOpportunityTaskDone,
  updateOpportunity,
  type OpportunityMutation,
} from "#app/modules/crm/opportunities.server.ts";
import { Button } from "#app/ui/button.tsx";
import { Card, CardBody, CardHeader } from "#app/ui/card.tsx";
import { pageTitle } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import {
  dateInput,
  Field,
  fieldError,
  formatDate,
  formatMoney,
  inputClass,
  ItemsTable,
  StageBadge,
} from "#backoffice/components/sales-ui.tsx";
import { formatDateTime } from "#app/lib/format/dates.ts";

// One 机会: stage/amount/probability/close date, line items, the records it links (lead, campaign,
// company, contact), notes and tasks.

const IdSchema = z.coerce.number().int().positive().max(2_147_483_647);

async function load(request: Request, rawId: string | undefined) {
  const principal = await requirePermission(request, "opportunities", "browse");
  const id = IdSchema.safeParse(rawId);
  if (!id.success) throw data(null, { status: 404 });
  return { viewer: opportunityViewer(principal), opportunityId: id.data };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer, opportunityId } = await load(request, params.opportunityId);
  const detail = await getOpportunityDetail(db, viewer, opportunityId);
  if (!detail) throw data(null, { status: 404 });
  const flags = new URL(request.url).searchParams;
  return {
    ...detail,
    flash: flags.get("converted") === "1" ? ("converted" as const) : flags.get("saved") ? ("saved" as const) : null,
  };
}

const IntentSchema = z.object({ intent: z.enum(["update", "note", "task", "task-done"]) });

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { viewer, opportunityId } = await load(request, params.opportunityId);
  const form = Object.fromEntries(await request.formData());
  const parsed = IntentSchema.safeParse(form);
  if (!parsed.success) throw data(null, { status: 400 });
  const intent = parsed.data.intent;
  let result: OpportunityMutation;
  if (intent === "update")
    result = await updateOpportunity(db, viewer, opportunityId, form, { ipAddress: clientIp(context) });
  else if (intent === "note") result = await addOpportunityNote(db, viewer, opportunityId, form);
  else if (intent === "task") result = await addOpportunityTask(db, viewer, opportunityId, form);
  else {
    const taskId = IdSchema.safeParse(form.taskId);
    if (!taskId.success) throw data(null, { status: 400 });
    result = await setOpportunityTaskDone(db, viewer, opportunityId, taskId.data, form.done === "1");
  }
  if (result.kind === "forbidden") throw data(null, { status: 403 });
  if (result.kind === "not-found") throw data(null, { status: 404 });
  if (result.kind === "invalid") return data({ intent, errors: result.errors }, { status: 400 });
  return redirect(`/crm/opportunities/${opportunityId}?saved=1`);
}

export const meta = ({ matches, loaderData }: MetaArgs<typeof loader>) =>
  loaderData
    ? pageTitle(matches, "sales.opportunity.metaTitle", { name: loaderData.opportunity.name })
    : pageTitle(matches, "sales.opportunities.title");

type LoaderData = Awaited<ReturnType<typeof loader>>;

export default function OpportunityDetailPage() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, locale } = useI18n();
  const o = d.opportunity;
  const errorsFor = (intent: string) => (actionData?.intent === intent ? actionData.errors : undefined);
  const itemsTotal = o.items.reduce((sum, i) => sum + Number(i.total), 0);

  return (
    <div className="space-y-6">
      <Link
        to="/crm/opportunities"
        className="inline-flex items-center gap-1 text-sm text-slate-500 hover:text-slate-900"
      >
        <ArrowLeft className="size-4" aria-hidden />
        {t("sales.opportunity.back")}
      </Link>
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
      {d.flash ? (
        <p
          role="status"
          className="flex items-start gap-2 rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900"
        >
          <CheckCircle2 className="mt-0.5 size-4 shrink-0" aria-hidden />
          {d.flash === "converted" ? t("sales.opportunity.flash.converted") : t("sales.opportunity.flash.saved")}
        </p>
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
              <ItemsTable items={o.items} total={itemsTotal} />
            )}
          </Card>
          <NotesCard d={d} errors={errorsFor("note")} />
        </div>
        <div className="space-y-6">
          {d.canModify ? <UpdateCard d={d} errors={errorsFor("update")} /> : null}
          <Card>
            <CardHeader title={t("sales.opportunity.links")} icon={<Link2 className="size-4" aria-hidden />} />
            <CardBody>
              <dl className="space-y-3 text-sm">
                <Fact label={t("sales.opportunity.company")}>
                  {o.company ? (
                    <span className="block">
                      {o.company.name}
                      <span className="block font-mono text-xs text-slate-400">{o.company.number}</span>
                    </span>
                  ) : (
                    <Muted />
                  )}
                </Fact>
                <Fact label={t("sales.opportunity.contact")}>
                  {o.contact ? (
                    <span>
                      {o.contact.fullName}
                      {o.contact.mobile || o.contact.phone ? (
                        <span className="text-slate-500"> · {o.contact.mobile ?? o.contact.phone}</span>
                      ) : null}
                    </span>
                  ) : (
                    <Muted />
                  )}
                </Fact>
                <Fact label={t("sales.opportunity.lead")}>
                  {o.lead ? (
                    <Link to={`/crm/leads/${o.lead.id}`} className="text-blue-700 hover:underline">
                      {o.lead.number}
                    </Link>
                  ) : (
                    <Muted />
                  )}
                </Fact>
                <Fact label={t("sales.opportunity.campaign")}>
                  {o.campaign ? (
                    <Link to={`/crm/campaigns/${o.campaign.id}`} className="text-blue-700 hover:underline">
                      {o.campaign.name}
                    </Link>
                  ) : (
                    <Muted />
                  )}
                </Fact>
                <Fact label={t("sales.opportunity.closeDate")}>{formatDate(o.expectedCloseDate, locale)}</Fact>
                {o.closedAt ? (
                  <Fact label={t("sales.opportunity.closedAt")}>{formatDateTime(new Date(o.closedAt), locale)}</Fact>
                ) : null}
              </dl>
            </CardBody>
          </Card>
          <TasksCard d={d} errors={errorsFor("task")} />
        </div>
      </div>
    </div>
  );
}

function Muted() {
  return <span className="text-slate-400">—</span>;
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[5.5rem_1fr] gap-3">
      <dt className="text-slate-500">{label}</dt>
      <dd className="min-w-0 text-slate-900">{children}</dd>
    </div>
  );
}

type Errors = Record<string, string[]> | undefined;

function UpdateCard({ d, errors }: { d: LoaderData; errors: Errors }) {
  const { t } = useI18n();
  const o = d.opportunity;
  return (
    <Card>
      <CardHeader title={t("sales.opportunity.update")} icon={<Target className="size-4" aria-hidden />} />
      <CardBody>
        <Form method="post" className="space-y-3" noValidate>
          <input type="hidden" name="intent" value="update" />
          <Field label={t("sales.opportunity.stage")} name="stage">
            <select id="stage" name="stage" defaultValue={o.stage} className={inputClass}>
              {OPPORTUNITY_STAGES.map((s) => (
                <option key={s} value={s}>
                  {t(`sales.stage.${s}`)}
                </option>
              ))}
            </select>
          </Field>
          <div className="grid grid-cols-2 gap-3">
            <Field label={t("sales.opportunity.amount")} name="amount" error={fieldError(errors, "amount", t)}>
              <input id="amount" name="amount" defaultValue={o.amount} inputMode="decimal" className={inputClass} />
            </Field>
            <Field
              label={t("sales.opportunity.probability")}
              name="probability"
              error={fieldError(errors, "probability", t)}
            >
              <input
                id="probability"
                name="probability"
                type="number"
                min={0}
                max={100}
                defaultValue={o.probability}
                className={inputClass}
              />
            </Field>
          </div>
          <Field
            label={t("sales.opportunity.closeDate")}
            name="expectedCloseDate"
            error={fieldError(errors, "expectedCloseDate", t)}
          >
            <input
              id="expectedCloseDate"
              name="expectedCloseDate"
              type="date"
              defaultValue={dateInput(o.expectedCloseDate)}
              className={inputClass}
            />
          </Field>
          <p className="text-xs text-slate-500">{t("sales.opportunity.closeHint")}</p>
          <Button type="submit">{t("sales.save")}</Button>
        </Form>
      </CardBody>
    </Card>
  );
}

function TasksCard({ d, errors }: { d: LoaderData; errors: Errors }) {
  const { t, locale } = useI18n();
  const tasks = d.opportunity.tasks;
  return (
    <Card aria-label={t("sales.tasks.title")}>
      <CardHeader title={t("sales.tasks.title")} icon={<ListTodo className="size-4" aria-hidden />} />
      <CardBody className="space-y-3">
        {tasks.length === 0 ? <p className="text-sm text-slate-400">{t("sales.tasks.empty")}</p> : null}
        <ul className="space-y-2 text-sm">
          {tasks.map((task) => (
            <li key={task.id} className="flex items-start gap-2">
              {d.canModify ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="task-done" />
                  <input type="hidden" name="taskId" value={task.id} />
                  <input type="hidden" name="done" value={task.doneAt ? "0" : "1"} />
                  <button
                    type="submit"
                    className="mt-0.5 text-slate-400 hover:text-emerald-600"
                    aria-label={
                      task.doneAt
                        ? t("sales.tasks.reopen", { title: task.title })
                        : t("sales.tasks.done", { title: task.title })
                    }
                  >
                    {task.doneAt ? (
                      <CheckCircle2 className="size-4 text-emerald-600" aria-hidden />
                    ) : (
                      <Circle className="size-4" aria-hidden />
                    )}
                  </button>
                </Form>
              ) : null}
              <div>
                <p className={task.doneAt ? "text-slate-400 line-through" : "text-slate-900"}>{task.title}</p>
                <p className="text-xs text-slate-500">
                  {task.assignee.name}
                  {task.dueAt ? (
                    <span className="ml-2 inline-flex items-center gap-0.5">
                      <Clock className="size-3" aria-hidden />
                      {formatDate(task.dueAt, locale)}
                    </span>
                  ) : null}
                </p>
              </div>
            </li>
          ))}
        </ul>
        {d.canModify ? (
          <Form method="post" className="space-y-2 rounded-lg bg-slate-50 p-3">
            <input type="hidden" name="intent" value="task" />
            <Field label={t("sales.tasks.titleField")} name="task-title" error={fieldError(errors, "title", t)}>
              <input id="task-title" name="title" className={inputClass} required />
            </Field>
            <Field label={t("sales.tasks.due")} name="task-due" error={fieldError(errors, "dueAt", t)}>
              <input id="task-due" name="dueAt" type="date" className={inputClass} />
            </Field>
            <Button type="submit" size="sm">
              {t("sales.tasks.add")}
            </Button>
          </Form>
        ) : null}
      </CardBody>
    </Card>
  );
}

function NotesCard({ d, errors }: { d: LoaderData; errors: Errors }) {
  const { t, locale } = useI18n();
  return (
    <Card aria-label={t("sales.notes.title")}>
      <CardHeader title={t("sales.notes.title")} icon={<NotebookPen className="size-4" aria-hidden />} />
      <CardBody className="space-y-4">
        {d.canModify ? (
          <Form method="post" className="space-y-2">
            <input type="hidden" name="intent" value="note" />
            <Field label={t("sales.notes.add")} name="note-body" error={fieldError(errors, "body", t)}>
              <textarea id="note-body" name="body" rows={2} className={inputClass} required />
            </Field>
            <Button type="submit" size="sm" variant="secondary">
              {t("sales.notes.save")}
            </Button>
          </Form>
        ) : null}
        {d.opportunity.notes.length === 0 ? (
          <p className="text-sm text-slate-400">{t("sales.notes.empty")}</p>
        ) : (
          <ul className="space-y-3">
            {d.opportunity.notes.map((n) => (
              <li key={n.id} className="rounded-lg border border-slate-100 bg-slate-50/60 px-3 py-2">
                <p className="text-sm whitespace-pre-wrap text-slate-800">{n.body}</p>
                <p className="mt-1 text-xs text-slate-500">
                  {n.author ?? "—"} · {formatDateTime(new Date(n.createdAt), locale)}
                </p>
              </li>
            ))}
          </ul>
        )}
      </CardBody>
    </Card>
  );
}
