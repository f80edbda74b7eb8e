import { BarChart3, Headset, Inbox, PhoneCall, Search, UserPlus } from "lucide-react";
import { useState } from "react";
import {
  Form,
  Link,
  redirect,
  useActionData,
  useLoaderData,
  useNavigation,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaArgs,
} from "react-router";
import { z } from "zod";
import { db } from "#app/lib/db.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { can } from "#app/modules/auth/permissions.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import {
  deskZoneCounts,
  listDeskQueue,
  serviceAssignees,
  modifiableRequestIds,
} from "#app/modules/service/service-queries.server.ts";
import { SERVICE_KINDS, SERVICE_PRIORITIES, SERVICE_STATUSES } from "#app/modules/service/service-constants.ts";
import { assignRequests } from "#app/modules/service/service-requests.server.ts";
import { Badge } from "#app/ui/badge.tsx";
import { Button, ButtonLink } from "#app/ui/button.tsx";
import { Card } from "#app/ui/card.tsx";
import { cn } from "#app/ui/cn.ts";
import { EmptyState } from "#app/ui/empty-state.tsx";
import { pageTitle } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { Pager } from "#app/ui/list/pager.tsx";
import { PriorityLabel, ServiceStatusBadge, SlaBadge } from "#app/ui/service-ui.tsx";

// 服务台 (/crm/service): queues mine / unassigned / overdue / all open / all, by zone, filters, SLA
// badges and bulk assign. Rows are limited to the viewer's `service` scope.

const VIEWS = ["mine", "unassigned", "overdue", "open", "all"] as const;
const optionalId = z.coerce.number().int().positive().nullable().catch(null);
const QuerySchema = z.object({
  view: z.enum(VIEWS).catch("mine"),
  zone: optionalId,
  status: z.enum(SERVICE_STATUSES).nullable().catch(null),
  priority: z.enum(SERVICE_PRIORITIES).nullable().catch(null),
  kind: z.enum(SERVICE_KINDS).nullable().catch(null),
  q: z.string().trim().max(100).nullable().catch(null),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

function parseQuery(url: URL) {
  const p = url.searchParams;
  return QuerySchema.parse({
    view: p.get("view") ?? "mine",
    zone: p.get("zone") || null,
    status: p.get("status") || null,
    priority: p.get("priority") || null,
    kind: p.get("kind") || null,
    q: p.get("q") || null,
    page: p.get("page") ?? 1,
  });
}

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireStaffActor(request, { module: "service", action: "browse" });
  const query = parseQuery(new URL(request.url));
  const now = new Date();
  const [queue, zones, assignees] = await Promise.all([
    listDeskQueue(
      db,
      actor,
      {
        view: query.view,
        zoneId: query.zone,
        status: query.status,
        priority: query.priority,
        kind: query.kind,
        q: query.q,
        page: query.page,
      },
      now,
    ),
    deskZoneCounts(db, actor),
    can(actor, "service", "modify") ? serviceAssignees(db) : Promise.resolve([]),
  ]);
  return {
    query,
    queue,
    zones,
    assignees,
    now: now.toISOString(),
    canAssign: can(actor, "service", "modify"),
    assignedCount: new URL(request.url).searchParams.get("assigned"),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireStaffActor(request, { module: "service", action: "modify" });
  const form = await request.formData();
  const ids = form
    .getAll("ids")
    .map((v) => Number(v))
    .filter((n) => Number.isInteger(n) && n > 0);
  // Only requests the actor may see (and modify) can be reassigned.
  const result = await assignRequests(
    db,
    { id: actor.staffId, name: actor.name },
    await modifiableRequestIds(db, actor, ids),
    Number(form.get("assigneeId")),
  );
  if (!result.ok) return { errors: result.errors };
  const back = new URL(request.url);
  back.searchParams.set("assigned", String(result.value.changed));
  return redirect(`${back.pathname}${back.search}`);
}

export const meta = ({ matches }: MetaArgs) => pageTitle(matches, "service.desk.title");

export default function ServiceDesk() {
  const { query, queue, zones, assignees, now, canAssign, assignedCount } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useI18n();
  const [selected, setSelected] = useState<Set<number>>(new Set());

  const href = (changes: Record<string, string | number | null>) => {
    const params = new URLSearchParams();
    const merged: Record<string, string | number | null> = {
      view: query.view,
      zone: query.zone,
      status: query.status,
      priority: query.priority,
      kind: query.kind,
      q: query.q,
      page: null,
      ...changes,
    };
    for (const [k, v] of Object.entries(merged))
      if (v !== null && v !== "" && !(k === "page" && v === 1)) params.set(k, String(v));
    return `/crm/service?${params.toString()}`;
  };
  const counts: Record<(typeof VIEWS)[number], number | null> = {
    mine: queue.counts.mine,
    unassigned: queue.counts.unassigned,
    overdue: queue.counts.overdue,
    open: queue.counts.open,
    all: null,
  };
  const allOnPage = queue.rows.length > 0 && queue.rows.every((r) => selected.has(r.id));
  const toggle = (id: number, on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <div className="space-y-6">
      <PageHeader
        icon={<Headset className="size-6" aria-hidden />}
        title={t("service.desk.title")}
        description={t("service.desk.lead")}
        actions={
          <div className="flex gap-2">
            <ButtonLink to="/crm/service/satisfaction" variant="secondary">
              <BarChart3 aria-hidden className="size-4" />
              {t("service.desk.satisfaction")}
            </ButtonLink>
            <ButtonLink to="/crm/service/new">
              <PhoneCall aria-hidden className="size-4" />
              {t("service.desk.new")}
            </ButtonLink>
          </div>
        }
      />

      <nav aria-label={t("service.desk.views")} className="flex flex-wrap gap-2">
        {VIEWS.map((view) => (
          <Link
            key={view}
            to={href({ view })}
            aria-current={query.view === view ? "page" : undefined}
            className={cn(
              "inline-flex items-center gap-2 rounded-full px-4 py-1.5 text-sm font-medium ring-1 ring-inset",
              query.view === view
                ? "bg-slate-900 text-white ring-slate-900"
                : "bg-white text-slate-600 ring-slate-200 hover:text-slate-900",
              view === "overdue" && query.view !== view && (counts.overdue ?? 0) > 0 && "text-red-700 ring-red-200",
            )}
          >
            {t(`service.desk.view.${view}` as MessageKey)}
            {counts[view] !== null ? <span className="text-xs tabular-nums opacity-70">{counts[view]}</span> : null}
          </Link>
        ))}
      </nav>

      {zones.length > 0 ? (
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <span className="text-slate-500">{t("service.desk.byZone")}：</span>
          <Link
            to={href({ zone: null })}
            className={cn(
              "rounded-md px-2 py-0.5",
              query.zone === null ? "bg-blue-50 text-blue-700" : "text-slate-600 hover:bg-slate-100",
            )}
          >
            {t("service.desk.allZones")}
          </Link>
          {zones.map((z) => (
            <Link
              key={z.zoneId}
              to={href({ zone: z.zoneId })}
              className={cn(
                "rounded-md px-2 py-0.5",
                query.zone === z.zoneId ? "bg-blue-50 text-blue-700" : "text-slate-600 hover:bg-slate-100",
              )}
            >
              {z.name} <span className="text-xs text-slate-400 tabular-nums">{z.open}</span>
            </Link>
          ))}
        </div>
      ) : null}

      <Form
        method="get"
        className="flex flex-wrap items-end gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm"
      >
        <input type="hidden" name="view" value={query.view} />
        {query.zone ? <input type="hidden" name="zone" value={query.zone} /> : null}
        <label className="min-w-56 flex-1 text-sm">
          <span className="sr-only">{t("service.desk.filter.q")}</span>
          <span className="relative block">
            <Search aria-hidden className="pointer-events-none absolute top-2.5 left-3 size-4 text-slate-400" />
            <input
              name="q"
              defaultValue={query.q ?? ""}
              placeholder={t("service.desk.filter.q")}
              className="block h-10 w-full rounded-lg border border-slate-300 pr-3 pl-9 text-sm focus:border-blue-500 focus:outline-none"
            />
          </span>
        </label>
        <FilterSelect
          name="status"
          label="service.desk.filter.status"
          value={query.status}
          options={SERVICE_STATUSES}
          prefix="service.status."
        />
        <FilterSelect
          name="priority"
          label="service.desk.filter.priority"
          value={query.priority}
          options={SERVICE_PRIORITIES}
          prefix="service.priority."
        />
        <FilterSelect
          name="kind"
          label="service.desk.filter.kind"
          value={query.kind}
          options={SERVICE_KINDS}
          prefix="service.kind."
        />
        <Button type="submit" variant="secondary">
          {t("service.desk.filter.apply")}
        </Button>
      </Form>

      {assignedCount ? (
        <p
          role="status"
          className="rounded-lg bg-emerald-50 px-4 py-3 text-sm text-emerald-800 ring-1 ring-emerald-600/20"
        >
          {t("service.desk.assigned", { count: assignedCount })}
        </p>
      ) : null}
      {actionData?.errors ? (
        <p role="alert" className="rounded-lg bg-red-50 px-4 py-3 text-sm text-red-700">
          {t((Object.values(actionData.errors)[0]?.[0] ?? "service.error.noneSelected") as MessageKey)}
        </p>
      ) : null}

      <Card className="overflow-hidden">
        {queue.rows.length === 0 ? (
          <EmptyState
            icon={<Inbox className="size-5" aria-hidden />}
            title={t("service.desk.empty.title")}
            description={t("service.desk.empty.body")}
          />
        ) : (
          <Form method="post">
            {canAssign ? (
              <div className="flex flex-wrap items-center gap-3 border-b border-slate-100 bg-slate-50/60 px-5 py-3 text-sm">
                <label htmlFor="bulk-assignee" className="text-slate-600">
                  {t("service.desk.bulkAssignTo")}
                </label>
                <select
                  id="bulk-assignee"
                  name="assigneeId"
                  className="h-9 rounded-lg border border-slate-300 bg-white px-2 text-sm"
                  defaultValue=""
                  required
                >
                  <option value="" disabled>
                    —
                  </option>
                  {assignees.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name}
                    </option>
                  ))}
                </select>
                <Button type="submit" size="sm" variant="secondary" disabled={navigation.state === "submitting"}>
                  <UserPlus aria-hidden className="size-4" />
                  {t("service.desk.bulkAssign")}
                  {selected.size > 0 ? <Badge tone="blue">{selected.size}</Badge> : null}
                </Button>
              </div>
            ) : null}
            <div className="overflow-x-auto">
              <table className="min-w-full text-left text-sm">
                <thead className="border-b border-slate-100 bg-slate-50/60 text-xs font-medium tracking-wide text-slate-500 uppercase">
                  <tr>
                    {canAssign ? (
                      <th scope="col" className="w-10 py-2.5 pl-5">
                        <input
                          type="checkbox"
                          checked={allOnPage}
                          onChange={(e) =>
                            setSelected(e.target.checked ? new Set(queue.rows.map((r) => r.id)) : new Set())
                          }
                          aria-label={t("service.desk.selectAll")}
                          className="size-4 rounded border-slate-300"
                        />
                      </th>
                    ) : null}
                    <th scope="col" className="px-3 py-2.5 font-medium">
                      {t("service.desk.col.request")}
                    </th>
                    <th scope="col" className="px-3 py-2.5 font-medium">
                      {t("service.desk.col.customer")}
                    </th>
                    <th scope="col" className="px-3 py-2.5 font-medium">
                      {t("service.desk.col.status")}
                    </th>
                    <th scope="col" className="px-3 py-2.5 font-medium">
                      {t("service.desk.col.sla")}
                    </th>
                    <th scope="col" className="py-2.5 pr-5 pl-3 font-medium">
                      {t("service.desk.col.assignee")}
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {queue.rows.map((row) => (
                    <tr key={row.id} className="align-top hover:bg-slate-50/60">
                      {canAssign ? (
                        <td className="py-3 pl-5">
                          <input
                            type="checkbox"
                            name="ids"
                            value={row.id}
                            checked={selected.has(row.id)}
                            onChange={(e) => toggle(row.id, e.target.checked)}
                            aria-label={t("service.desk.select", { number: row.number })}
                            className="size-4 rounded border-slate-300"
                          />
                        </td>
                      ) : null}
                      <td className="max-w-md px-3 py-3">
                        <Link to={`/crm/service/${row.id}`} className="font-medium text-slate-900 hover:text-blue-700">
                          {row.subject}
                        </Link>
                        <div className="mt-1 flex flex-wrap items-center gap-2 text-xs text-slate-500">
                          <span className="font-mono">{row.number}</span>
                          <Badge tone="slate">{t(`service.kind.${row.kind}` as MessageKey)}</Badge>
                          <span>{t(`service.channel.${row.channel}` as MessageKey)}</span>
                          {row.publishedAt ? <Badge tone="green">{t("service.portal.published")}</Badge> : null}
                        </div>
                      </td>
                      <td className="px-3 py-3">
                        <div className="text-slate-800">{row.company.name}</div>
                        <div className="text-xs text-slate-500">
                          {row.contact?.fullName ?? row.member?.nickname ?? ""}
                        </div>
                      </td>
                      <td className="px-3 py-3">
                        <div className="flex flex-col items-start gap-1">
                          <ServiceStatusBadge status={row.status} />
                          <PriorityLabel priority={row.priority} />
                        </div>
                      </td>
                      <td className="px-3 py-3 whitespace-nowrap">
                        <SlaBadge
                          dueAt={row.dueAt}
                          firstResponseAt={row.firstResponseAt}
                          status={row.status}
                          now={now}
                        />
                      </td>
                      <td className="py-3 pr-5 pl-3 text-slate-700">
                        {row.assignee?.name ?? <span className="text-amber-700">{t("service.detail.unassigned")}</span>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </Form>
        )}
        {queue.total > 0 ? (
          <Pager
            label={t("service.pager.label")}
            summary={t("service.portal.pager", { page: queue.page, pages: queue.pageCount, total: queue.total })}
            prevLabel={t("service.pager.prev")}
            nextLabel={t("service.pager.next")}
            prevTo={queue.page > 1 ? href({ page: queue.page - 1 }) : null}
            nextTo={queue.page < queue.pageCount ? href({ page: queue.page + 1 }) : null}
          />
        ) : null}
      </Card>
    </div>
  );
}

function FilterSelect({
  name,
  label,
  value,
  options,
  prefix,
}: {
  name: string;
  label: MessageKey;
  value: string | null;
  options: readonly string[];
  prefix: string;
}) {
  const { t } = useI18n();
  return (
    <label className="text-sm">
      <span className="block text-xs text-slate-500">{t(label)}</span>
      <select
        name={name}
        defaultValue={value ?? ""}
        className="mt-1 h-10 rounded-lg border border-slate-300 bg-white px-2 text-sm focus:border-blue-500 focus:outline-none"
      >
        <option value="">{t("service.desk.filter.any")}</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {t(`${prefix}${o}` as MessageKey)}
          </option>
        ))}
      </select>
    </label>
  );
}
