import { UserPlus } from "lucide-react";
import { Form, Link } from "react-router";
import { formatCompactDate } from "#app/lib/format/dates.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { DESK_QUEUES, type DeskQueue } from "#app/modules/service/service-desk-query.ts";
import type { DeskRow } from "#app/modules/service/service-desk.server.ts";
import { Badge } from "#app/ui/badge.tsx";
import { cn } from "#app/ui/cn.ts";
import { SubmitButton } from "#app/ui/form/index.ts";
import type { BulkSelection } from "#app/ui/list/bulk-selection.ts";
import type { Column } from "#app/ui/list/data-table.tsx";
import { PriorityLabel, ServiceStatusBadge, SlaBadge } from "#app/ui/service/request-badges.tsx";
import { useLookupLabel } from "#app/ui/lookup-labels.ts";

// The service desk's pieces: the queue tabs with their sizes, the zone chips, the columns of the
// request list and the bulk-assign bar.

function RequestCell({ row }: { row: DeskRow }) {
  const { t } = useI18n();
  const kindLabel = useLookupLabel("service_request_kind", "service.kind.");
  return (
    <div className="max-w-md min-w-56">
      <Link to={`/crm/service/${row.id}`} className="font-medium text-slate-900 hover:text-blue-700">
        {row.subject}
      </Link>
      <div className="mt-1 flex flex-wrap items-center gap-2 text-xs text-slate-500">
        <span className="font-mono">{row.number}</span>
        <Badge tone="slate">{kindLabel(row.kind)}</Badge>
        <span>{t(`service.channel.${row.channel}` as MessageKey)}</span>
        {row.publishedAt ? <Badge tone="green">{t("service.portal.published")}</Badge> : null}
      </div>
    </div>
  );
}

function AssigneeCell({ row }: { row: DeskRow }) {
  const { t } = useI18n();
  return row.assignee ? (
    <span className="text-slate-700">{row.assignee.name}</span>
  ) : (
    <span className="text-amber-700">{t("service.detail.unassigned")}</span>
  );
}

function CreatedCell({ row }: { row: DeskRow }) {
  const { locale } = useI18n();
  return (
    <span className="whitespace-nowrap text-slate-500 tabular-nums">{formatCompactDate(row.createdAt, locale)}</span>
  );
}

/** The columns; `now` (from the loader) keeps the SLA badges the same on the server and in the browser. */
export function deskColumns(now: string): Array<Column<DeskRow>> {
  return [
    {
      id: "request",
      header: "service.desk.col.request",
      cell: (r) => <RequestCell row={r} />,
      sortKey: "subject",
      hideable: false,
      mobile: "title",
    },
    {
      id: "customer",
      header: "service.desk.col.customer",
      cell: (r) => (
        <>
          <div className="text-slate-800">{r.company.name}</div>
          <div className="text-xs text-slate-500">{r.contact?.fullName ?? r.member?.nickname ?? ""}</div>
        </>
      ),
      card: (r) => r.company.name,
      sortKey: "customer",
      mobile: "meta",
    },
    {
      id: "status",
      header: "service.desk.col.status",
      cell: (r) => (
        <div className="flex flex-col items-start gap-1">
          <ServiceStatusBadge status={r.status} />
          <PriorityLabel priority={r.priority} />
        </div>
      ),
      card: (r) => <PriorityLabel priority={r.priority} />,
      sortKey: "priority",
      mobile: "meta",
    },
    {
      id: "sla",
      header: "service.desk.col.sla",
      cell: (r) => <SlaBadge dueAt={r.dueAt} firstResponseAt={r.firstResponseAt} status={r.status} now={now} />,
      sortKey: "due",
      mobile: "meta",
      className: "whitespace-nowrap",
    },
    { id: "assignee", header: "service.desk.col.assignee", cell: (r) => <AssigneeCell row={r} />, mobile: "meta" },
    {
      id: "zone",
      header: "service.desk.col.zone",
      cell: (r) => r.zone?.name ?? "—",
      defaultHidden: true,
      mobile: "hidden",
    },
    {
      id: "created",
      header: "service.desk.col.created",
      cell: (r) => <CreatedCell row={r} />,
      sortKey: "created",
      defaultHidden: true,
      mobile: "hidden",
    },
  ];
}

/** The queues, each with its size (none for "all"); the overdue tab warns while it has work. */
export function QueueTabs({
  current,
  counts,
  hrefFor,
}: {
  current: DeskQueue;
  counts: Record<Exclude<DeskQueue, "all">, { count: number; capped: boolean }>;
  hrefFor: (queue: DeskQueue) => string;
}) {
  const { t } = useI18n();
  return (
    <nav aria-label={t("service.desk.views")} className="flex flex-wrap gap-2 border-b border-slate-100 px-4 py-3">
      {DESK_QUEUES.map((queue) => {
        const size = queue === "all" ? null : counts[queue];
        const active = queue === current;
        return (
          <Link
            key={queue}
            to={hrefFor(queue)}
            aria-current={active ? "page" : undefined}
            className={cn(
              "inline-flex items-center gap-2 rounded-full px-4 py-1.5 text-sm font-medium ring-1 ring-inset",
              active
                ? "bg-slate-900 text-white ring-slate-900"
                : "bg-white text-slate-600 ring-slate-200 hover:text-slate-900",
              queue === "overdue" && !active && (size?.count ?? 0) > 0 && "text-red-700 ring-red-200",
            )}
          >
            {t(`service.desk.view.${queue}`)}
            {size ? (
              <span className="text-xs tabular-nums opacity-70">
                {size.count}
                {size.capped ? "+" : ""}
              </span>
            ) : null}
          </Link>
        );
      })}
    </nav>
  );
}

export function ZoneChips({
  zones,
  current,
  hrefFor,
}: {
  zones: ReadonlyArray<{ zoneId: number; name: string; open: number }>;
  current: number | undefined;
  hrefFor: (zone: number | null) => string;
}) {
  const { t } = useI18n();
  if (zones.length === 0) return null;
  const chip = (active: boolean) =>
    cn("rounded-md px-2 py-0.5", active ? "bg-blue-50 text-blue-700" : "text-slate-600 hover:bg-slate-100");
  return (
    <div className="flex flex-wrap items-center gap-2 border-b border-slate-100 px-5 py-2.5 text-sm">
      <span className="text-slate-500">{t("service.desk.byZone")}：</span>
      <Link to={hrefFor(null)} className={chip(!current)}>
        {t("service.desk.allZones")}
      </Link>
      {zones.map((z) => (
        <Link key={z.zoneId} to={hrefFor(z.zoneId)} className={chip(current === z.zoneId)}>
          {z.name} <span className="text-xs text-slate-400 tabular-nums">{z.open}</span>
        </Link>
      ))}
    </div>
  );
}

/** Assign the checked requests to one CSR; the action reassigns only those the actor may change. */
export function BulkAssignBar({
  selection,
  assignees,
}: {
  selection: BulkSelection<number>;
  assignees: ReadonlyArray<{ id: number; name: string }>;
}) {
  const { t } = useI18n();
  return (
    <Form
      method="post"
      className="flex flex-wrap items-center gap-3 border-b border-slate-100 bg-slate-50/60 px-5 py-3 text-sm"
    >
      {selection.ids.map((id) => (
        <input key={id} type="hidden" name="ids" value={id} />
      ))}
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
      <SubmitButton intent="assign" size="sm" variant="secondary">
        <UserPlus aria-hidden className="size-4" />
        {t("service.desk.bulkAssign")}
        {selection.count > 0 ? <Badge tone="blue">{selection.count}</Badge> : null}
      </SubmitButton>
    </Form>
  );
}
