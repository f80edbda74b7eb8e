import { Inbox, MessagesSquare } from "lucide-react";
import { data, redirect, useLoaderData, type LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { staffInboxList } from "#app/modules/messages/staff-inbox-query.ts";
import { listStaffInbox } from "#app/modules/messages/staff-inbox.server.ts";
import { loadListViews } from "#app/modules/views/list-views.server.ts";
import { ButtonLink } from "#app/ui/button.tsx";
import { FilterBar, SearchField } from "#app/ui/list/filter-bar.tsx";
import { listLinks } from "#app/ui/list/list-links.ts";
import { ListPage } from "#app/ui/list/list-page.tsx";
import { titleMeta } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { staffInboxColumns, StaffInboxTabs } from "#backoffice/components/messages/staff-inbox-columns.tsx";
import { ShellErrorBoundary } from "#backoffice/components/shell-error-boundary.tsx";

// 站内消息 inbox for staff (/crm/messages): every member conversation, by handler, searchable and
// sortable, with saved views.

const PATH = "/crm/messages";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireStaffActor(request, { module: "members", action: "browse" });
  const query = staffInboxList.parse(new URL(request.url).searchParams);
  const [list, views] = await Promise.all([
    listStaffInbox(db, actor, query),
    loadListViews(db, actor, staffInboxList, query, PATH),
  ]);
  if (!list) throw data(null, { status: 403 });
  // A bare `?view=<id>` (a shared link) opens the view's full address.
  if (views.redirect) throw redirect(views.redirect);
  return { ...list, query, views, myId: actor.staffId, now: Date.now() };
}

export const meta = titleMeta("messages.crm.inbox.title");

export default function MessagesInbox() {
  const { items, total, page, pageCount, counts, query, views, myId, now } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const href = (overrides: Parameters<typeof staffInboxList.hrefFor>[2]) =>
    staffInboxList.hrefFor(PATH, query, overrides);
  const inTab = query.filter !== "all";
  const links = listLinks(staffInboxList, PATH, query);

  return (
    <ListPage
      links={links}
      header={
        <PageHeader
          eyebrow={t("backoffice.nav.group.portal")}
          title={t("messages.crm.inbox.title")}
          description={t("messages.crm.inbox.description")}
          icon={<MessagesSquare className="size-6" aria-hidden />}
        />
      }
      tabs={
        <StaffInboxTabs current={query.filter} counts={counts} hrefFor={(filter) => href({ filter, view: null })} />
      }
      views={views}
      total={total}
      filters={
        <FilterBar carry={links.carry} clearHref={query.q ? links.empty.clearHref : null}>
          <SearchField defaultValue={query.q} placeholder={t("messages.crm.search.placeholder")} />
        </FilterBar>
      }
      table={{
        columns: staffInboxColumns(myId, now),
        rows: items,
        rowKey: (item) => item.id,
        label: t("list.table.label", { title: t("messages.crm.inbox.title") }),
        rowClassName: (item) => (item.unread > 0 ? "bg-blue-50/30" : undefined),
      }}
      empty={{
        icon: <Inbox className="size-5" aria-hidden />,
        title: t(inTab ? "messages.crm.emptyFiltered.title" : "messages.crm.empty.title"),
        description: t(inTab ? "messages.crm.emptyFiltered.body" : "messages.crm.empty.body"),
        action: inTab ? (
          <ButtonLink to={href({ filter: "all" })} variant="secondary">
            {t("messages.crm.filter.showAll")}
          </ButtonLink>
        ) : undefined,
      }}
      pages={{ page, pageCount }}
    />
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary />;
}
