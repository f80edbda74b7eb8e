import { CircleAlert, UserRound } from "lucide-react";
import { Outlet, useLoaderData, type LoaderFunctionArgs } from "react-router";
import { formatDateTime } from "#app/lib/format/dates.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { getMemberWorkspace } from "#app/modules/members/member-workspace.server.ts";
import { recordMeta } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { BackLink } from "#app/ui/records/back-link.tsx";
import { TabNav } from "#app/ui/tab-nav.tsx";
import { MemberLevelBadge, MemberStatusBadge } from "#backoffice/components/member-admin-ui.tsx";
import { MemberStateCard } from "#backoffice/components/members/member-state-card.tsx";
import { loadRecordPage } from "#backoffice/components/record-page.server.ts";
import { ShellErrorBoundary } from "#backoffice/components/shell-error-boundary.tsx";

// One member (/crm/members/:memberId): header, state card and tabs; each tab is a child route with
// its own loader and action (profile, CRM links, moderation, audit trail).

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadRecordPage(request, { module: "members", action: "browse" }, params.memberId, getMemberWorkspace);
}

export const meta = recordMeta<typeof loader>("memberAdmin.list.title", (d) => [
  "memberAdmin.detail.title",
  { nickname: d.member.nickname },
]);

export default function MemberLayout() {
  const { member, capabilities } = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();
  const base = `/crm/members/${member.id}`;
  return (
    <div className="space-y-6">
      <BackLink to="/crm/members">{t("memberAdmin.detail.back")}</BackLink>

      <PageHeader
        eyebrow={member.email}
        title={member.nickname}
        description={t("memberAdmin.detail.registered", { date: formatDateTime(member.createdAt, locale) })}
        icon={<UserRound className="size-6" aria-hidden />}
        actions={
          <div className="flex items-center gap-2">
            <MemberStatusBadge status={member.status} className="px-2.5 py-1 text-sm" />
            <MemberLevelBadge level={member.level} className="px-2.5 py-1 text-sm" />
          </div>
        }
      />

      {!capabilities.canModify ? (
        <div className="flex items-start gap-3 rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm text-slate-600">
          <CircleAlert className="mt-0.5 size-4 shrink-0 text-slate-400" aria-hidden />
          <p>{t("memberAdmin.detail.readOnly")}</p>
        </div>
      ) : null}

      <TabNav
        label={t("memberAdmin.tabs.label")}
        tabs={[
          { to: base, label: t("memberAdmin.tabs.profile"), end: true },
          { to: `${base}/links`, label: t("memberAdmin.tabs.links") },
          { to: `${base}/moderation`, label: t("memberAdmin.tabs.moderation") },
          { to: `${base}/audit`, label: t("memberAdmin.tabs.audit") },
          { to: `${base}/forum`, label: t("forum.crm.activity") },
        ]}
      />

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          <Outlet />
        </div>
        <aside className="min-w-0 space-y-6">
          <MemberStateCard member={member} />
        </aside>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary back="/crm/members" backLabel="memberAdmin.detail.back" />;
}
