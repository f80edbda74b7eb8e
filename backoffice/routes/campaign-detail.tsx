import {
  ArrowLeft,
  CalendarRange,
  CheckCircle2,
  Circle,
  Clock,
  Coins,
  ListTodo,
  Magnet,
  NotebookPen,
  Pencil,
  Target,
  Trash2,
  UserRound,
  Users,
} from "lucide-react";
import { useState, useSyncExternalStore, type ReactNode } from "react";
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
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { z } from "zod";
import { db } from "#app/lib/db.server.ts";
import { CAMPAIGN_STATUSES, CAMPAIGN_TYPES, progressPercent } from "#app/modules/crm/sales-constants.ts";
import { clientIp } from "#app/lib/http.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { requireStaff } from "#app/modules/auth/staff-guard.server.ts";
import { campaignViewer } from "#app/modules/campaigns/campaign-access.server.ts";
import {
  participantCandidates,
  removeCampaignParticipant,
  setCampaignParticipant,
} from "#app/modules/campaigns/campaign-participants.server.ts";
import {
  addCampaignExpense,
  addCampaignNote,
  addCampaignTask,
  addCampaignWorkLog,
  getCampaignDetail,
  setCampaignTaskDone,
  updateCampaign,
  type Mutation,
} from "#app/modules/campaigns/campaigns.server.ts";
import { Badge } from "#app/ui/badge.tsx";
import { Button } from "#app/ui/button.tsx";
import { Card, CardBody, CardHeader } from "#app/ui/card.tsx";
import { pageTitle } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { CampaignScopeNote } from "#backoffice/components/campaign-ui.tsx";
import { LeadStatusBadge } from "#backoffice/components/lead-ui.tsx";
import {
  CampaignStatusBadge,
  dateInput,
  Field,
  fieldError,
  formatDate,
  formatMoney,
  formatNumber,
  inputClass,
  ProgressRow,
  StageBadge,
} from "#backoffice/components/sales-ui.tsx";
import { formatDateTime } from "#app/lib/format/dates.ts";

// One 营销战役: targets against computed actuals (chart + bars), intent/plan/summary, participants
// with browse/modify rights, expenses, work logs, tasks, notes, and the linked leads and opportunities.

const IdSchema = z.coerce.number().int().positive().max(2_147_483_647);

async function load(request: Request, rawId: string | undefined) {
  const principal = await requireStaff(request);
  const id = IdSchema.safeParse(rawId);
  if (!id.success) throw data(null, { status: 404 });
  return { principal, viewer: campaignViewer(principal), campaignId: id.data };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer, campaignId } = await load(request, params.campaignId);
  const detail = await getCampaignDetail(db, viewer, campaignId);
  if (!detail) throw data(null, { status: 404 });
  const candidates = detail.access.canManageParticipants ? await participantCandidates(db, campaignId) : [];
  const flags = new URL(request.url).searchParams;
  return {
    ...detail,
    candidates,
    me: viewer.staffId,
    today: new Date().toISOString().slice(0, 10),
    flash: flags.get("created") === "1" ? ("created" as const) : flags.get("saved") ? flags.get("saved") : null,
  };
}

const IntentSchema = z.object({
  intent: z.enum(["update", "participant", "participant-remove", "expense", "worklog", "task", "task-done", "note"]),
});

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { viewer, campaignId } = await load(request, params.campaignId);
  const form = Object.fromEntries(await request.formData());
  const parsed = IntentSchema.safeParse(form);
  if (!parsed.success) throw data(null, { status: 400 });
  const intent = parsed.data.intent;
  let result: Mutation<object>;
  switch (intent) {
    case "update":
      result = await updateCampaign(
        db,
        viewer,
        campaignId,
        { ...form, intent: form.intentText ?? "" },
        { ipAddress: clientIp(context) },
      );
      break;
    case "participant": {
      const staffId = IdSchema.safeParse(form.staffId);
      if (!staffId.success) return data({ intent, errors: { staffId: ["sales.error.staff"] } }, { status: 400 });
      result = await setCampaignParticipant(db, viewer, campaignId, {
        staffId: staffId.data,
        canModify: form.canModify === "1" || form.canModify === "on",
      });
      break;
    }
    case "participant-remove": {
      const staffId = IdSchema.safeParse(form.staffId);
      if (!staffId.success) throw data(null, { status: 400 });
      result = await removeCampaignParticipant(db, viewer, campaignId, staffId.data);
      break;
    }
    case "expense":
      result = await addCampaignExpense(db, viewer, campaignId, form);
      break;
    case "worklog":
      result = await addCampaignWorkLog(db, viewer, campaignId, form);
      break;
    case "task":
      result = await addCampaignTask(db, viewer, campaignId, form);
      break;
    case "task-done": {
      const taskId = IdSchema.safeParse(form.taskId);
      if (!taskId.success) throw data(null, { status: 400 });
      result = await setCampaignTaskDone(db, viewer, campaignId, taskId.data, form.done === "1");
      break;
    }
    case "note":
      result = await addCampaignNote(db, viewer, campaignId, form);
      break;
  }
  if (result.kind === "forbidden") throw data(null, { status: 403 });
  if (result.kind === "not-found") throw data(null, { status: 404 });
  if (result.kind === "invalid") return data({ intent, errors: result.errors }, { status: 400 });
  return redirect(`/crm/campaigns/${campaignId}?saved=${intent}`);
}

export const meta = ({ matches, loaderData }: MetaArgs<typeof loader>) =>
  loaderData
    ? pageTitle(matches, "sales.campaign.metaTitle", { name: loaderData.campaign.name })
    : pageTitle(matches, "sales.campaigns.title");

type LoaderData = Awaited<ReturnType<typeof loader>>;

export default function CampaignDetailPage() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, locale } = useI18n();
  const { campaign, actuals, access } = d;
  const errorsFor = (intent: string) => (actionData?.intent === intent ? actionData.errors : undefined);

  return (
    <div className="space-y-6">
      <Link to="/crm/campaigns" className="inline-flex items-center gap-1 text-sm text-slate-500 hover:text-slate-900">
        <ArrowLeft className="size-4" aria-hidden />
        {t("sales.campaign.back")}
      </Link>

      <PageHeader
        eyebrow={t(`sales.campaignType.${campaign.type}`)}
        title={campaign.name}
        description={
          <span className="flex flex-wrap items-center gap-x-3 gap-y-1.5">
            <CampaignStatusBadge status={campaign.status} />
            <span className="inline-flex items-center gap-1">
              <UserRound className="size-4 text-slate-400" aria-hidden />
              {t("sales.campaign.ownerIs", { name: campaign.owner.name })}
            </span>
            <span className="inline-flex items-center gap-1">
              <CalendarRange className="size-4 text-slate-400" aria-hidden />
              {formatDate(campaign.startDate, locale)} – {formatDate(campaign.endDate, locale)}
            </span>
            {!access.canModify ? <Badge tone="slate">{t("sales.campaign.readOnly")}</Badge> : null}
          </span>
        }
      />

      {d.flash ? (
        <p
          role="status"
          className="flex items-start gap-2 rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900"
        >
          <CheckCircle2 className="mt-0.5 size-4 shrink-0" aria-hidden />
          {d.flash === "created" ? t("sales.campaign.flash.created") : t("sales.campaign.flash.saved")}
        </p>
      ) : null}

      <CampaignScopeNote
        scope={d.scope}
        counts={{ leads: actuals.leadCount, opportunities: actuals.opportunityCount }}
      />

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <TargetsCard d={d} />
          <DescriptionCard d={d} errors={errorsFor("update")} />
          <LinkedCard d={d} />
          <NotesCard d={d} errors={errorsFor("note")} />
        </div>
        <div className="space-y-6">
          <ParticipantsCard d={d} errors={errorsFor("participant")} />
          <TasksCard d={d} errors={errorsFor("task")} />
          <ExpensesCard d={d} errors={errorsFor("expense")} />
          <WorkLogsCard d={d} errors={errorsFor("worklog")} />
        </div>
      </div>
    </div>
  );
}

type Errors = Record<string, string[]> | undefined;

function TargetsCard({ d }: { d: LoaderData }) {
  const { t, locale } = useI18n();
  const { targets } = d.campaign;
  const a = d.actuals;
  const rows = [
    {
      key: "sales",
      label: t("sales.metric.sales"),
      actual: formatMoney(a.wonAmount, locale),
      target: targets.salesAmount ? formatMoney(targets.salesAmount, locale) : null,
      percent: progressPercent(a.wonAmount, targets.salesAmount),
    },
    {
      key: "leads",
      label: t("sales.metric.leads"),
      actual: formatNumber(a.leadCount, locale),
      target: targets.leadCount !== null ? formatNumber(targets.leadCount, locale) : null,
      percent: progressPercent(a.leadCount, targets.leadCount),
    },
    {
      key: "cost",
      label: t("sales.metric.cost"),
      actual: formatMoney(a.cost, locale),
      target: targets.cost ? formatMoney(targets.cost, locale) : null,
      percent: progressPercent(a.cost, targets.cost),
    },
    {
      key: "workload",
      label: t("sales.metric.workload"),
      actual: t("sales.hours", { hours: formatNumber(a.workload, locale) }),
      target: targets.workload ? t("sales.hours", { hours: formatNumber(targets.workload, locale) }) : null,
      percent: progressPercent(a.workload, targets.workload),
    },
  ];
  const chart = rows.map((r) => ({ name: r.label, target: r.target ? 100 : 0, actual: r.percent ?? 0 }));
  return (
    <Card aria-label={t("sales.campaign.targetsTitle")}>
      <CardHeader
        title={t("sales.campaign.targetsTitle")}
        description={t("sales.campaign.targetsHint")}
        icon={<Target className="size-4" aria-hidden />}
      />
      <CardBody className="grid gap-6 md:grid-cols-2">
        <div className="space-y-4">
          {rows.map((r) => (
            <ProgressRow key={r.key} label={r.label} actual={r.actual} target={r.target} percent={r.percent} />
          ))}
          <dl className="grid grid-cols-3 gap-2 pt-2 text-center text-xs text-slate-500">
            <div className="rounded-lg bg-slate-50 px-2 py-2">
              <dt>{t("sales.metric.wonDeals")}</dt>
              <dd className="mt-0.5 text-base font-semibold text-slate-900 tabular-nums">{a.wonCount}</dd>
            </div>
            <div className="rounded-lg bg-slate-50 px-2 py-2">
              <dt>{t("sales.metric.openDeals")}</dt>
              <dd className="mt-0.5 text-base font-semibold text-slate-900 tabular-nums">{a.openOpportunityCount}</dd>
            </div>
            <div className="rounded-lg bg-slate-50 px-2 py-2">
              <dt>{t("sales.metric.converted")}</dt>
              <dd className="mt-0.5 text-base font-semibold text-slate-900 tabular-nums">{a.convertedLeadCount}</dd>
            </div>
          </dl>
        </div>
        <TargetChart data={chart} />
      </CardBody>
    </Card>
  );
}

const noopSubscribe = () => () => {};

/** Recharts measures the DOM, so the chart renders after hydration; the bars beside it carry the numbers. */
function TargetChart({ data: rows }: { data: Array<{ name: string; target: number; actual: number }> }) {
  const { t } = useI18n();
  const mounted = useSyncExternalStore(
    noopSubscribe,
    () => true,
    () => false,
  );
  return (
    <figure className="min-h-64 min-w-0" aria-label={t("sales.campaign.chartLabel")}>
      {mounted ? (
        <ResponsiveContainer width="100%" height={250}>
          <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
            <XAxis dataKey="name" tick={{ fontSize: 12, fill: "#64748b" }} tickLine={false} axisLine={false} />
            <YAxis unit="%" tick={{ fontSize: 11, fill: "#94a3b8" }} tickLine={false} axisLine={false} />
            <Tooltip formatter={(value) => `${String(value)}%`} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <ReferenceLine y={100} stroke="#94a3b8" strokeDasharray="4 4" />
            <Bar dataKey="target" name={t("sales.chart.target")} fill="#cbd5e1" radius={[4, 4, 0, 0]} />
            <Bar dataKey="actual" name={t("sales.chart.actual")} fill="#2563eb" radius={[4, 4, 0, 0]} />
          </BarChart>
        </ResponsiveContainer>
      ) : null}
      <figcaption className="mt-1 text-center text-xs text-slate-500">{t("sales.campaign.chartCaption")}</figcaption>
    </figure>
  );
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

function DescriptionCard({ d, errors }: { d: LoaderData; errors: Errors }) {
  const { t } = useI18n();
  const c = d.campaign;
  const [editing, setEditing] = useState(Boolean(errors));
  const err = (name: string) => fieldError(errors, name, t);
  return (
    <Card>
      <CardHeader
        title={t("sales.campaign.descriptionTitle")}
        icon={<NotebookPen className="size-4" aria-hidden />}
        action={
          d.access.canModify && !editing ? (
            <Button variant="secondary" size="sm" onClick={() => setEditing(true)}>
              <Pencil className="size-3.5" aria-hidden />
              {t("sales.campaign.edit")}
            </Button>
          ) : null
        }
      />
      <CardBody>
        {editing && d.access.canModify ? (
          <Form method="post" className="grid gap-4 md:grid-cols-2" noValidate>
            <input type="hidden" name="intent" value="update" />
            <Field label={t("sales.campaign.name")} name="name" error={err("name")} className="md:col-span-2">
              <input id="name" name="name" defaultValue={c.name} className={inputClass} required />
            </Field>
            <Field label={t("sales.campaign.type")} name="type">
              <select id="type" name="type" defaultValue={c.type} className={inputClass}>
                {CAMPAIGN_TYPES.map((s) => (
                  <option key={s} value={s}>
                    {t(`sales.campaignType.${s}`)}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t("sales.campaign.status")} name="status">
              <select id="status" name="status" defaultValue={c.status} className={inputClass}>
                {CAMPAIGN_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t(`sales.campaignStatus.${s}`)}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t("sales.campaign.startDate")} name="startDate" error={err("startDate")}>
              <input
                id="startDate"
                name="startDate"
                type="date"
                defaultValue={dateInput(c.startDate)}
                className={inputClass}
              />
            </Field>
            <Field label={t("sales.campaign.endDate")} name="endDate" error={err("endDate")}>
              <input
                id="endDate"
                name="endDate"
                type="date"
                defaultValue={dateInput(c.endDate)}
                className={inputClass}
              />
            </Field>
            <Field label={t("sales.target.sales")} name="targetSalesAmount" error={err("targetSalesAmount")}>
              <input
                id="targetSalesAmount"
                name="targetSalesAmount"
                defaultValue={c.targets.salesAmount ?? ""}
                className={inputClass}
              />
            </Field>
            <Field label={t("sales.target.leads")} name="targetLeadCount" error={err("targetLeadCount")}>
              <input
                id="targetLeadCount"
                name="targetLeadCount"
                defaultValue={c.targets.leadCount ?? ""}
                className={inputClass}
              />
            </Field>
            <Field label={t("sales.target.cost")} name="targetCost" error={err("targetCost")}>
              <input id="targetCost" name="targetCost" defaultValue={c.targets.cost ?? ""} className={inputClass} />
            </Field>
            <Field label={t("sales.target.workload")} name="targetWorkload" error={err("targetWorkload")}>
              <input
                id="targetWorkload"
                name="targetWorkload"
                defaultValue={c.targets.workload ?? ""}
                className={inputClass}
              />
            </Field>
            {/* "intent" names the form action here, so the campaign's 意图 travels as intentText. */}
            <Field label={t("sales.campaign.intent")} name="intentText" className="md:col-span-2">
              <textarea
                id="intentText"
                name="intentText"
                defaultValue={c.intent ?? ""}
                rows={2}
                className={inputClass}
              />
            </Field>
            <Field label={t("sales.campaign.plan")} name="plan" className="md:col-span-2">
              <textarea id="plan" name="plan" defaultValue={c.plan ?? ""} rows={3} className={inputClass} />
            </Field>
            <Field label={t("sales.campaign.summary")} name="summary" error={err("summary")} className="md:col-span-2">
              <textarea id="summary" name="summary" defaultValue={c.summary ?? ""} rows={3} className={inputClass} />
            </Field>
            <div className="flex gap-2 md:col-span-2">
              <Button type="submit">{t("sales.save")}</Button>
              <Button variant="ghost" onClick={() => setEditing(false)}>
                {t("sales.cancel")}
              </Button>
            </div>
          </Form>
        ) : (
          <div className="space-y-4">
            <TextBlock label={t("sales.campaign.intent")} value={c.intent} />
            <TextBlock label={t("sales.campaign.plan")} value={c.plan} />
            <TextBlock label={t("sales.campaign.summary")} value={c.summary} />
            {c.categories.length > 0 ? (
              <div>
                <h3 className="text-xs font-medium tracking-wide text-slate-500">{t("sales.campaign.categories")}</h3>
                <div className="mt-1 flex flex-wrap gap-1.5">
                  {c.categories.map((cat) => (
                    <Badge key={cat.id} tone="blue">
                      {cat.name}
                    </Badge>
                  ))}
                </div>
              </div>
            ) : null}
          </div>
        )}
      </CardBody>
    </Card>
  );
}

function ParticipantsCard({ d, errors }: { d: LoaderData; errors: Errors }) {
  const { t } = useI18n();
  const manage = d.access.canManageParticipants;
  return (
    <Card aria-label={t("sales.participants.title")}>
      <CardHeader
        title={t("sales.participants.title")}
        description={t("sales.participants.hint")}
        icon={<Users className="size-4" aria-hidden />}
      />
      <CardBody className="space-y-4">
        <ul className="divide-y divide-slate-100 text-sm">
          <li className="flex items-center justify-between gap-2 py-2">
            <span className="font-medium text-slate-900">{d.campaign.owner.name}</span>
            <Badge tone="violet">{t("sales.participants.owner")}</Badge>
          </li>
          {d.participants.map((p) => (
            <li key={p.staff.id} className="flex items-center justify-between gap-2 py-2">
              <span className="min-w-0 truncate text-slate-900">{p.staff.name}</span>
              <span className="flex items-center gap-1.5">
                <Badge tone={p.canModify ? "green" : "slate"}>
                  {p.canModify ? t("sales.participants.modify") : t("sales.participants.browse")}
                </Badge>
                {manage ? (
                  <>
                    <Form method="post">
                      <input type="hidden" name="intent" value="participant" />
                      <input type="hidden" name="staffId" value={p.staff.id} />
                      <input type="hidden" name="canModify" value={p.canModify ? "0" : "1"} />
                      <button type="submit" className="rounded px-1.5 py-0.5 text-xs text-blue-700 hover:bg-blue-50">
                        {p.canModify ? t("sales.participants.makeBrowse") : t("sales.participants.makeModify")}
                      </button>
                    </Form>
                    <Form method="post">
                      <input type="hidden" name="intent" value="participant-remove" />
                      <input type="hidden" name="staffId" value={p.staff.id} />
                      <button
                        type="submit"
                        className="rounded p-1 text-slate-400 hover:bg-red-50 hover:text-red-600"
                        aria-label={t("sales.participants.remove", { name: p.staff.name })}
                      >
                        <Trash2 className="size-3.5" aria-hidden />
                      </button>
                    </Form>
                  </>
                ) : null}
              </span>
            </li>
          ))}
        </ul>
        {manage && d.candidates.length > 0 ? (
          <Form method="post" className="space-y-2 rounded-lg bg-slate-50 p-3">
            <input type="hidden" name="intent" value="participant" />
            <Field
              label={t("sales.participants.add")}
              name="participant-staff"
              error={fieldError(errors, "staffId", t)}
            >
              <select id="participant-staff" name="staffId" className={inputClass} required defaultValue="">
                <option value="" disabled>
                  {t("sales.participants.pick")}
                </option>
                {d.candidates.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                    {s.team ? ` · ${s.team.name}` : ""}
                  </option>
                ))}
              </select>
            </Field>
            <div className="flex items-center justify-between gap-2">
              <label className="inline-flex items-center gap-2 text-sm text-slate-700">
                <input type="checkbox" name="canModify" value="1" className="size-4 rounded border-slate-300" />
                {t("sales.participants.canModify")}
              </label>
              <Button type="submit" size="sm">
                {t("sales.participants.addButton")}
              </Button>
            </div>
          </Form>
        ) : null}
      </CardBody>
    </Card>
  );
}

function TasksCard({ d, errors }: { d: LoaderData; errors: Errors }) {
  const { t, locale } = useI18n();
  const assignees = [d.campaign.owner, ...d.participants.map((p) => p.staff)];
  return (
    <Card aria-label={t("sales.tasks.title")}>
      <CardHeader title={t("sales.tasks.title")} icon={<ListTodo className="size-4" aria-hidden />} />
      <CardBody className="space-y-3">
        {d.tasks.length === 0 ? <p className="text-sm text-slate-400">{t("sales.tasks.empty")}</p> : null}
        <ul className="space-y-2 text-sm">
          {d.tasks.map((task) => {
            const mine = task.assignee.id === d.me;
            const canToggle = d.access.canModify || mine;
            return (
              <li key={task.id} className="flex items-start gap-2">
                {canToggle ? (
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
                ) : task.doneAt ? (
                  <CheckCircle2 className="mt-0.5 size-4 text-emerald-600" aria-hidden />
                ) : (
                  <Circle className="mt-0.5 size-4 text-slate-300" aria-hidden />
                )}
                <div className="min-w-0">
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
            );
          })}
        </ul>
        {d.access.canModify ? (
          <Form method="post" className="space-y-2 rounded-lg bg-slate-50 p-3">
            <input type="hidden" name="intent" value="task" />
            <Field label={t("sales.tasks.titleField")} name="task-title" error={fieldError(errors, "title", t)}>
              <input id="task-title" name="title" className={inputClass} required />
            </Field>
            <div className="grid grid-cols-2 gap-2">
              <Field label={t("sales.tasks.assignee")} name="task-assignee" error={fieldError(errors, "assigneeId", t)}>
                <select id="task-assignee" name="assigneeId" className={inputClass} defaultValue={d.campaign.owner.id}>
                  {assignees.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name}
                    </option>
                  ))}
                </select>
              </Field>
              <Field label={t("sales.tasks.due")} name="task-due" error={fieldError(errors, "dueAt", t)}>
                <input id="task-due" name="dueAt" type="date" className={inputClass} />
              </Field>
            </div>
            <Button type="submit" size="sm">
              {t("sales.tasks.add")}
            </Button>
          </Form>
        ) : null}
      </CardBody>
    </Card>
  );
}

function ExpensesCard({ d, errors }: { d: LoaderData; errors: Errors }) {
  const { t, locale } = useI18n();
  return (
    <Card aria-label={t("sales.expenses.title")}>
      <CardHeader
        title={t("sales.expenses.title")}
        description={t("sales.expenses.total", { amount: formatMoney(d.actuals.cost, locale) })}
        icon={<Coins className="size-4" aria-hidden />}
      />
      <CardBody className="space-y-3">
        {d.expenses.length === 0 ? (
          <p className="text-sm text-slate-400">{t("sales.expenses.empty")}</p>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm">
            {d.expenses.map((e) => (
              <li key={e.id} className="flex justify-between gap-3 py-2">
                <div className="min-w-0">
                  <p className="truncate text-slate-900">{e.description}</p>
                  <p className="text-xs text-slate-500">
                    {formatDate(e.spentOn, locale)}
                    {e.recordedBy ? ` · ${e.recordedBy}` : ""}
                  </p>
                </div>
                <span className="font-medium text-slate-900 tabular-nums">{formatMoney(e.amount, locale)}</span>
              </li>
            ))}
          </ul>
        )}
        {d.access.canModify ? (
          <Form method="post" className="space-y-2 rounded-lg bg-slate-50 p-3">
            <input type="hidden" name="intent" value="expense" />
            <Field
              label={t("sales.expenses.description")}
              name="expense-description"
              error={fieldError(errors, "description", t)}
            >
              <input id="expense-description" name="description" className={inputClass} required />
            </Field>
            <div className="grid grid-cols-2 gap-2">
              <Field label={t("sales.expenses.amount")} name="expense-amount" error={fieldError(errors, "amount", t)}>
                <input id="expense-amount" name="amount" inputMode="decimal" className={inputClass} required />
              </Field>
              <Field label={t("sales.expenses.date")} name="expense-date" error={fieldError(errors, "spentOn", t)}>
                <input
                  id="expense-date"
                  name="spentOn"
                  type="date"
                  defaultValue={d.today}
                  className={inputClass}
                  required
                />
              </Field>
            </div>
            <Button type="submit" size="sm">
              {t("sales.expenses.add")}
            </Button>
          </Form>
        ) : null}
      </CardBody>
    </Card>
  );
}

function WorkLogsCard({ d, errors }: { d: LoaderData; errors: Errors }) {
  const { t, locale } = useI18n();
  const canLog = d.access.canModify || d.access.participant !== null;
  return (
    <Card aria-label={t("sales.work.title")}>
      <CardHeader
        title={t("sales.work.title")}
        description={t("sales.work.total", { hours: formatNumber(d.actuals.workload, locale) })}
        icon={<Clock className="size-4" aria-hidden />}
      />
      <CardBody className="space-y-3">
        {d.workLogs.length === 0 ? (
          <p className="text-sm text-slate-400">{t("sales.work.empty")}</p>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm">
            {d.workLogs.map((w) => (
              <li key={w.id} className="flex justify-between gap-3 py-2">
                <div className="min-w-0">
                  <p className="truncate text-slate-900">{w.description}</p>
                  <p className="text-xs text-slate-500">
                    {formatDate(w.workedOn, locale)}
                    {w.staffName ? ` · ${w.staffName}` : ""}
                  </p>
                </div>
                <span className="font-medium text-slate-900 tabular-nums">
                  {t("sales.hours", { hours: formatNumber(w.hours, locale) })}
                </span>
              </li>
            ))}
          </ul>
        )}
        {canLog ? (
          <Form method="post" className="space-y-2 rounded-lg bg-slate-50 p-3">
            <input type="hidden" name="intent" value="worklog" />
            <Field
              label={t("sales.work.description")}
              name="work-description"
              error={fieldError(errors, "description", t)}
            >
              <input id="work-description" name="description" className={inputClass} required />
            </Field>
            <div className="grid grid-cols-2 gap-2">
              <Field label={t("sales.work.hours")} name="work-hours" error={fieldError(errors, "hours", t)}>
                <input id="work-hours" name="hours" inputMode="decimal" className={inputClass} required />
              </Field>
              <Field label={t("sales.work.date")} name="work-date" error={fieldError(errors, "workedOn", t)}>
                <input
                  id="work-date"
                  name="workedOn"
                  type="date"
                  defaultValue={d.today}
                  className={inputClass}
                  required
                />
              </Field>
            </div>
            <Button type="submit" size="sm">
              {t("sales.work.add")}
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
        <Form method="post" className="space-y-2">
          <input type="hidden" name="intent" value="note" />
          <Field label={t("sales.notes.add")} name="note-body" error={fieldError(errors, "body", t)}>
            <textarea id="note-body" name="body" rows={2} className={inputClass} required />
          </Field>
          <Button type="submit" size="sm" variant="secondary">
            {t("sales.notes.save")}
          </Button>
        </Form>
        {d.notes.length === 0 ? (
          <p className="text-sm text-slate-400">{t("sales.notes.empty")}</p>
        ) : (
          <ul className="space-y-3">
            {d.notes.map((n) => (
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

function LinkedCard({ d }: { d: LoaderData }) {
  const { t, locale } = useI18n();
  return (
    <Card>
      <CardHeader
        title={t("sales.campaign.linkedTitle")}
        description={t("sales.campaign.linkedHint")}
        icon={<Magnet className="size-4" aria-hidden />}
      />
      <CardBody className="grid gap-6 md:grid-cols-2">
        <LinkedList
          title={t("sales.campaign.linkedLeads", { count: d.actuals.leadCount })}
          empty={t("sales.campaign.noLeads")}
        >
          {d.leads.map((l) => (
            <li key={l.id} className="flex items-center justify-between gap-2 py-2">
              <Link to={`/crm/leads/${l.id}`} className="min-w-0 truncate text-blue-700 hover:underline">
                {l.contactName ?? l.companyName ?? l.number}
                {l.contactName && l.companyName ? <span className="text-slate-500"> @ {l.companyName}</span> : null}
              </Link>
              <LeadStatusBadge status={l.status} />
            </li>
          ))}
        </LinkedList>
        <LinkedList
          title={t("sales.campaign.linkedOpportunities", { count: d.actuals.opportunityCount })}
          empty={t("sales.campaign.noOpportunities")}
        >
          {d.opportunities.map((o) => (
            <li key={o.id} className="flex items-center justify-between gap-2 py-2">
              <Link to={`/crm/opportunities/${o.id}`} className="min-w-0 truncate text-blue-700 hover:underline">
                {o.name}
              </Link>
              <span className="flex shrink-0 items-center gap-2">
                <span className="text-xs text-slate-600 tabular-nums">{formatMoney(o.amount, locale)}</span>
                <StageBadge stage={o.stage} />
              </span>
            </li>
          ))}
        </LinkedList>
      </CardBody>
    </Card>
  );
}

function LinkedList({ title, empty, children }: { title: string; empty: string; children: ReactNode[] }) {
  return (
    <div>
      <h3 className="text-sm font-medium text-slate-700">{title}</h3>
      {children.length === 0 ? (
        <p className="mt-2 text-sm text-slate-400">{empty}</p>
      ) : (
        <ul className="mt-1 divide-y divide-slate-100 text-sm">{children}</ul>
      )}
    </div>
  );
}
