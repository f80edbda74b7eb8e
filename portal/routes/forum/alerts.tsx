import { Bell, CheckCheck } from "lucide-react";
import { Form, Link, redirect, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { formatCompactDate } from "#app/lib/format/dates.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { listMemberNotifications, markMemberNotificationsRead } from "#app/modules/forum/forum-notify.server.ts";
import { requireMember } from "#app/modules/members/member-guard.server.ts";
import { Card } from "#app/ui/card.tsx";
import { EmptyState } from "#app/ui/empty-state.tsx";
import { SubmitButton } from "#app/ui/form/index.ts";
import { titleMeta } from "#app/ui/meta.ts";
import { BackLink } from "#app/ui/records/back-link.tsx";

// 论坛提醒: the member's forum bell — replies in watched threads, @mentions, accepted answers. Entries
// whose post was hidden or deleted since are left out by the service.

export async function loader({ request }: LoaderFunctionArgs) {
  const principal = await requireMember(request);
  return { alerts: await listMemberNotifications(db, principal.member.id, 50) };
}

export async function action({ request }: ActionFunctionArgs) {
  const principal = await requireMember(request);
  await markMemberNotificationsRead(db, principal.member.id);
  return redirect("/forum/alerts");
}

export const meta = titleMeta("forum.notify.bell");

export default function ForumAlerts() {
  const { alerts } = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();
  return (
    <div className="mx-auto max-w-3xl px-4 py-8 sm:px-6 lg:px-8">
      <BackLink to="/forum">{t("forum.allClassrooms")}</BackLink>
      <div className="mt-4 flex items-center justify-between gap-4">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t("forum.notify.bell")}</h1>
        {alerts.length > 0 ? (
          <Form method="post">
            <SubmitButton icon={CheckCheck}>{t("forum.notify.markRead")}</SubmitButton>
          </Form>
        ) : null}
      </div>
      <Card className="mt-6">
        {alerts.length === 0 ? (
          <EmptyState icon={<Bell className="size-6" />} title={t("forum.notify.none")} />
        ) : (
          <ul className="divide-y divide-slate-100">
            {alerts.map((alert) => (
              <li key={alert.id} className="flex items-center justify-between gap-4 px-5 py-3 text-sm">
                <Link
                  to={`/forum/t/${alert.threadId}${alert.postId ? `#post-${alert.postId}` : ""}`}
                  className="text-slate-800 hover:text-blue-700"
                >
                  {t(`forum.notify.${alert.kind}`, { title: alert.title })}
                </Link>
                <span className="shrink-0 text-xs text-slate-500">{formatCompactDate(alert.createdAt, locale)}</span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
