import { Bell, BellOff, CheckCheck, ChevronLeft, ChevronRight, ChevronsLeft } from "lucide-react";
import type { ReactNode } from "react";
import {
  data,
  Form,
  redirect,
  useLoaderData,
  useNavigation,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaArgs,
} from "react-router";
import { z } from "zod";
import { db } from "#app/lib/db.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { requireStaff } from "#app/modules/auth/staff-guard.server.ts";
import { listNotificationPage, openNotification } from "#app/modules/notifications/notification-inbox.server.ts";
import { countUnreadNotifications, markNotificationsRead } from "#app/modules/notifications/notifications.server.ts";
import { Button, ButtonLink } from "#app/ui/button.tsx";
import { Card, CardHeader } from "#app/ui/card.tsx";
import { cn } from "#app/ui/cn.ts";
import { EmptyState } from "#app/ui/empty-state.tsx";
import { pageTitle } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { RelativeTime } from "#backoffice/components/lead-ui.tsx";

// The staff member's notifications (the bell): newest first, unread highlighted. Opening one is a
// POST (it changes state: marks it read), answered with a redirect to where it points.

const PATH = "/crm/notifications";
const id = z.coerce.number().int().positive().max(2_147_483_647);

const QuerySchema = z.object({
  after: id.optional().catch(undefined),
  before: id.optional().catch(undefined),
  done: z.literal("1").optional().catch(undefined),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const principal = await requireStaff(request);
  const params = new URL(request.url).searchParams;
  const query = QuerySchema.parse(Object.fromEntries(params));
  const [page, unread] = await Promise.all([
    listNotificationPage(db, principal.staff.id, { after: query.after, before: query.before }),
    countUnreadNotifications(db, principal.staff.id),
  ]);
  return { page, unread, paged: Boolean(query.after || query.before), allRead: query.done === "1", now: Date.now() };
}

const ActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("open"), id }),
  z.object({ intent: z.literal("read-all") }),
]);

export async function action({ request }: ActionFunctionArgs) {
  const principal = await requireStaff(request);
  const parsed = ActionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) throw data({ error: "bad request" }, { status: 400 });
  if (parsed.data.intent === "read-all") {
    await markNotificationsRead(db, principal.staff.id);
    return redirect(`${PATH}?done=1`);
  }
  const opened = await openNotification(db, principal.staff.id, parsed.data.id);
  if (!opened) throw data(null, { status: 404 });
  return redirect(opened.link ?? PATH);
}

export const meta = ({ matches }: MetaArgs) => pageTitle(matches, "leadInbox.notifications.title");

export default function NotificationsPage() {
  const { page, unread, paged, allRead, now } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle" && navigation.formMethod?.toUpperCase() === "POST";

  return (
    <div className="space-y-6">
      <PageHeader
        title={t("leadInbox.notifications.title")}
        description={t("leadInbox.notifications.description")}
        icon={<Bell className="size-6" aria-hidden />}
        actions={
          unread > 0 ? (
            <Form method="post">
              <input type="hidden" name="intent" value="read-all" />
              <Button type="submit" variant="secondary" disabled={busy}>
                <CheckCheck className="size-4" aria-hidden />
                {t("leadInbox.notifications.readAll")}
              </Button>
            </Form>
          ) : null
        }
      />

      {allRead ? (
        <p
          role="status"
          className="rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900"
        >
          {t("leadInbox.notifications.allReadDone")}
        </p>
      ) : null}

      <Card>
        <CardHeader
          title={t("leadInbox.notifications.listTitle")}
          description={
            unread > 0
              ? t("leadInbox.notifications.unreadCount", { count: unread })
              : t("leadInbox.notifications.noneUnread")
          }
        />
        {page.items.length === 0 ? (
          paged ? (
            <EmptyState icon={<BellOff className="size-5" aria-hidden />} title={t("leadInbox.notifications.endTitle")}>
              <ButtonLink to={PATH} variant="secondary">
                {t("leadInbox.pager.first")}
              </ButtonLink>
            </EmptyState>
          ) : (
            <EmptyState
              icon={<BellOff className="size-5" aria-hidden />}
              title={t("leadInbox.notifications.emptyTitle")}
              description={t("leadInbox.notifications.emptyBody")}
            />
          )
        ) : (
          <ul className="divide-y divide-slate-100">
            {page.items.map((n) => {
              const isUnread = n.readAt === null;
              return (
                <li key={n.id} className={cn(isUnread && "bg-blue-50/40")}>
                  <Form method="post">
                    <input type="hidden" name="intent" value="open" />
                    <input type="hidden" name="id" value={n.id} />
                    <button
                      type="submit"
                      className="flex w-full items-start gap-3 px-5 py-3.5 text-left hover:bg-slate-50 focus-visible:bg-slate-50 focus-visible:outline-none"
                    >
                      <span
                        aria-hidden
                        className={cn(
                          "mt-1.5 size-2 shrink-0 rounded-full",
                          isUnread ? "bg-blue-600" : "bg-transparent",
                        )}
                      />
                      <span className="min-w-0 flex-1">
                        <span
                          className={cn(
                            "block text-sm",
                            isUnread ? "font-semibold text-slate-900" : "font-medium text-slate-700",
                          )}
                        >
                          {isUnread ? <span className="sr-only">{t("leadInbox.notifications.unread")} </span> : null}
                          {n.title}
                        </span>
                        {n.body ? <span className="mt-0.5 block text-sm text-slate-500">{n.body}</span> : null}
                        <span className="mt-1 block text-xs text-slate-400">
                          <RelativeTime value={n.createdAt} now={now} />
                        </span>
                      </span>
                    </button>
                  </Form>
                </li>
              );
            })}
          </ul>
        )}
        {page.newer || page.older ? (
          <nav
            aria-label={t("leadInbox.pager.label")}
            className="flex flex-wrap items-center justify-between gap-2 border-t border-slate-100 px-5 py-3 text-sm"
          >
            <div>
              {paged ? (
                <ButtonLink to={PATH} variant="ghost" size="sm">
                  <ChevronsLeft className="size-4" aria-hidden />
                  {t("leadInbox.pager.first")}
                </ButtonLink>
              ) : null}
            </div>
            <div className="flex gap-2">
              <PagerLink to={page.newer ? `${PATH}?before=${page.newer}` : null} rel="prev">
                <ChevronLeft className="size-4" aria-hidden />
                {t("leadInbox.pager.newer")}
              </PagerLink>
              <PagerLink to={page.older ? `${PATH}?after=${page.older}` : null} rel="next">
                {t("leadInbox.pager.older")}
                <ChevronRight className="size-4" aria-hidden />
              </PagerLink>
            </div>
          </nav>
        ) : null}
      </Card>
    </div>
  );
}

function PagerLink({ to, rel, children }: { to: string | null; rel: string; children: ReactNode }) {
  if (!to) {
    return (
      <span aria-disabled className="inline-flex h-8 items-center gap-1 rounded-md px-3 text-slate-300">
        {children}
      </span>
    );
  }
  return (
    <ButtonLink to={to} rel={rel} variant="secondary" size="sm">
      {children}
    </ButtonLink>
  );
}
