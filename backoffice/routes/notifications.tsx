import { Bell, BellOff, CheckCheck } from "lucide-react";
import { data, Form, redirect, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { z } from "zod";
import { db } from "#app/lib/db.server.ts";
import { redirectWithFlash } from "#app/lib/flash.server.ts";
import { formIntent, parseForm } from "#app/lib/forms.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { IdParam } from "#app/lib/schemas.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { openNotification } from "#app/modules/notifications/notification-inbox.server.ts";
import { notificationList } from "#app/modules/notifications/notification-list-query.ts";
import { listNotificationList } from "#app/modules/notifications/notification-list.server.ts";
import { countUnreadNotifications, markNotificationsRead } from "#app/modules/notifications/notifications.server.ts";
import { loadListViews } from "#app/modules/views/list-views.server.ts";
import { Badge } from "#app/ui/badge.tsx";
import { SubmitButton } from "#app/ui/form/index.ts";
import { FilterBar, FilterSelect } from "#app/ui/list/filter-bar.tsx";
import { listLinks } from "#app/ui/list/list-links.ts";
import { ListPage } from "#app/ui/list/list-page.tsx";
import { KeysetPager } from "#app/ui/list/pager.tsx";
import { titleMeta } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { notificationColumns } from "#backoffice/components/notifications/notification-columns.tsx";
import { ShellErrorBoundary } from "#backoffice/components/shell-error-boundary.tsx";

// The staff member's notifications (the bell, /crm/notifications): newest first, unread highlighted,
// unread-only as a filter, saved views. Opening one marks it read and follows its link.

const PATH = "/crm/notifications";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireStaffActor(request, "signedIn");
  const query = notificationList.parse(new URL(request.url).searchParams);
  const [page, unread, views] = await Promise.all([
    listNotificationList(db, actor, query),
    countUnreadNotifications(db, actor.staffId),
    loadListViews(db, actor, notificationList, query, PATH),
  ]);
  if (views.redirect) throw redirect(views.redirect);
  return { page, unread, query, views, now: Date.now() };
}

async function open(staffId: number, formData: FormData) {
  const parsed = await parseForm(formData, z.object({ id: IdParam }));
  if (parsed.status !== "ok") throw data(null, { status: 400 });
  const opened = await openNotification(db, staffId, parsed.value.id);
  if (!opened) throw data(null, { status: 404 });
  return redirect(opened.link ?? PATH);
}

async function readAll(staffId: number) {
  await markNotificationsRead(db, staffId);
  return redirectWithFlash(PATH, "flash.notifications.allRead");
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireStaffActor(request, "signedIn");
  const formData = await request.formData();
  const intent = formIntent(formData);
  if (intent === "open") return open(actor.staffId, formData);
  if (intent === "read-all") return readAll(actor.staffId);
  throw data(null, { status: 400 });
}

export const meta = titleMeta("leadInbox.notifications.title");

export default function NotificationsPage() {
  const { page, unread, query, views, now } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const href = (overrides: Parameters<typeof notificationList.hrefFor>[2]) =>
    notificationList.hrefFor(PATH, query, overrides);
  const links = listLinks(notificationList, PATH, query);

  return (
    <ListPage
      links={links}
      header={
        <PageHeader
          title={t("leadInbox.notifications.title")}
          description={t("leadInbox.notifications.description")}
          icon={<Bell className="size-6" aria-hidden />}
          actions={
            unread > 0 ? (
              <Form method="post" className="flex items-center gap-3">
                <Badge tone="blue">{t("common.unread", { count: unread })}</Badge>
                <SubmitButton intent="read-all" variant="secondary">
                  <CheckCheck className="size-4" aria-hidden />
                  {t("leadInbox.notifications.readAll")}
                </SubmitButton>
              </Form>
            ) : null
          }
        />
      }
      views={views}
      total={page.total}
      filters={
        <FilterBar carry={links.carry}>
          <FilterSelect
            name="state"
            label={t("leadInbox.notifications.filter.state")}
            value={query.state}
            anyLabel={t("leadInbox.notifications.filter.all")}
            options={[{ value: "unread", label: t("leadInbox.notifications.filter.unread") }]}
          />
        </FilterBar>
      }
      table={{
        columns: notificationColumns(now),
        rows: page.items,
        rowKey: (row) => row.id,
        label: t("list.table.label", { title: t("leadInbox.notifications.title") }),
        rowClassName: (row) => (row.readAt === null ? "bg-blue-50/40" : undefined),
      }}
      empty={{
        icon: <BellOff className="size-5" aria-hidden />,
        title: t("leadInbox.notifications.emptyTitle"),
        description: t("leadInbox.notifications.emptyBody"),
      }}
      pastEndHref={page.pastEnd ? href({ cursor: null }) : null}
      pager={
        <KeysetPager
          firstTo={query.cursor ? href({ cursor: null }) : null}
          prevTo={page.prev ? href({ cursor: page.prev }) : null}
          nextTo={page.next ? href({ cursor: page.next }) : null}
        />
      }
    />
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary />;
}
