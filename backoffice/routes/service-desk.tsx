import { BarChart3, Headset, Inbox, PhoneCall } from "lucide-react";
import {
  redirect,
  useActionData,
  useLoaderData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaArgs,
} from "react-router";
import { db } from "#app/lib/db.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { respond } from "#app/lib/service-result.ts";
import { can } from "#app/modules/auth/permissions.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { SERVICE_KINDS, SERVICE_PRIORITIES, SERVICE_STATUSES } from "#app/modules/service/service-constants.ts";
import { DESK_QUEUES, serviceDeskList } from "#app/modules/service/service-desk-query.ts";
import { assignFromDesk, deskZoneCounts, listServiceDesk } from "#app/modules/service/service-desk.server.ts";
import { serviceAssignees } from "#app/modules/service/service-queries.server.ts";
import { asResult } from "#app/modules/service/service-results.ts";
import { loadListViews } from "#app/modules/views/list-views.server.ts";
import { ButtonLink } from "#app/ui/button.tsx";
import { FailureNotice } from "#app/ui/form/index.ts";
import { useBulkSelection } from "#app/ui/list/bulk-selection.ts";
import { QueryListPage } from "#app/ui/list/query-list-page.tsx";
import { pageTitle } from "#app/ui/meta.ts";
import { BulkAssignBar, deskColumns, QueueTabs, ZoneChips } from "#backoffice/components/service/desk-list.tsx";
import { ShellErrorBoundary } from "#backoffice/components/shell-error-boundary.tsx";

// 服务台 (/crm/service): queues mine / unassigned / overdue / all open / all, by zone, filters, SLA
// badges, sortable columns, saved views and bulk assign. Rows are limited to the actor's `service` scope.

const PATH = "/crm/service";

/** Links from before saved views (`?view=mine`) name the queue `view`; they open `?queue=mine`. */
function legacyQueueRedirect(url: URL): string | null {
  const view = url.searchParams.get("view");
  if (!view || !(DESK_QUEUES as readonly string[]).includes(view)) return null;
  url.searchParams.delete("view");
  url.searchParams.set("queue", view);
  return `${url.pathname}?${url.searchParams.toString()}`;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireStaffActor(request, { module: "service", action: "browse" });
  const url = new URL(request.url);
  const legacy = legacyQueueRedirect(url);
  if (legacy) throw redirect(legacy);
  const query = serviceDeskList.parse(url.searchParams);
  const now = new Date();
  const canAssign = can(actor, "service", "modify");
  const [list, zones, assignees, views] = await Promise.all([
    listServiceDesk(db, actor, query, now),
    deskZoneCounts(db, actor),
    canAssign ? serviceAssignees(db) : Promise.resolve([]),
    loadListViews(db, actor, serviceDeskList, query, PATH),
  ]);
  if (views.redirect) throw redirect(views.redirect);
  return { ...list, query, zones, assignees, views, canAssign, now: now.toISOString() };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireStaffActor(request, { module: "service", action: "modify" });
  const form = await request.formData();
  const ids = form
    .getAll("ids")
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
  const outcome = await assignFromDesk(db, actor, ids, Number(form.get("assigneeId")));
  const back = new URL(request.url);
  return respond(asResult(outcome, "assign"), {
    successTo: `${back.pathname}${back.search}`,
    flash: "flash.service.assigned",
    flashVars: ({ changed }) => ({ count: changed }),
  });
}

export const meta = ({ matches }: MetaArgs) => pageTitle(matches, "service.desk.title");

export default function ServiceDesk() {
  const { rows, total, page, pageCount, counts, query, zones, assignees, views, canAssign, now } =
    useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const { t } = useI18n();
  const selection = useBulkSelection(rows.map((r) => r.id));
  const href = (overrides: Parameters<typeof serviceDeskList.hrefFor>[2]) =>
    serviceDeskList.hrefFor(PATH, query, overrides);
  const options = (values: readonly string[], prefix: "status" | "priority" | "kind") =>
    values.map((v) => ({ value: v, label: t(`service.${prefix}.${v}` as "service.status.new") }));
  return (
    <QueryListPage
      path={PATH}
      kit={serviceDeskList}
      list={{ query, rows, page, pageCount, total, views }}
      heading={{
        title: t("service.desk.title"),
        description: t("service.desk.lead"),
        icon: Headset,
        actions: (
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
        ),
      }}
      belowHeading={<FailureNotice result={failure} />}
      tabs={
        <>
          <QueueTabs current={query.queue} counts={counts} hrefFor={(queue) => href({ queue, view: null, page: 1 })} />
          <ZoneChips
            zones={zones}
            current={query.zone}
            hrefFor={(zone) => href({ zone: zone ?? undefined, page: 1 })}
          />
        </>
      }
      search={{ placeholder: t("service.desk.filter.q") }}
      selects={[
        {
          name: "status",
          label: t("service.desk.filter.status"),
          value: query.status,
          options: options(SERVICE_STATUSES, "status"),
        },
        {
          name: "priority",
          label: t("service.desk.filter.priority"),
          value: query.priority,
          options: options(SERVICE_PRIORITIES, "priority"),
        },
        {
          name: "kind",
          label: t("service.desk.filter.kind"),
          value: query.kind,
          options: options(SERVICE_KINDS, "kind"),
        },
      ]}
      toolbar={canAssign ? <BulkAssignBar selection={selection} assignees={assignees} /> : null}
      table={{
        columns: deskColumns(now),
        rowKey: (r) => r.id,
        selection: canAssign
          ? {
              state: selection,
              rowLabel: (r) => t("service.desk.select", { number: r.number }),
              pageLabel: t("service.desk.selectAll"),
            }
          : undefined,
      }}
      empty={{
        icon: <Inbox className="size-5" aria-hidden />,
        title: t("service.desk.empty.title"),
        description: t("service.desk.empty.body"),
      }}
    />
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary />;
}
