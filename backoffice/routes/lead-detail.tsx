import { data, Outlet, useLoaderData, type LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { requireIdParam } from "#app/lib/forms.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { openLeadWorkspace } from "#app/modules/leads/record/lead-workspace.server.ts";
import { recordMeta } from "#app/ui/meta.ts";
import { TabNav } from "#app/ui/tab-nav.tsx";
import { LeadHeader } from "#backoffice/components/lead-detail/lead-header.tsx";
import { leadPath } from "#backoffice/components/lead-detail/use-lead-workspace.ts";
import { ShellErrorBoundary } from "#backoffice/components/shell-error-boundary.tsx";

// One lead (layout of its tabs: app/routes.ts): header, badges, claim/convert and the tab bar. The
// workspace (lead, capabilities, staff picker) is loaded here once; the tabs read it and post their
// forms to their own actions, which ask the same service the same question (lead-workspace.server.ts).

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireStaffActor(request, { module: "leads", action: "browse" });
  const leadId = requireIdParam(params.leadId);
  // Out of scope reads as missing: the query itself carries the actor's scope.
  const workspace = await openLeadWorkspace(db, actor, leadId);
  if (!workspace) throw data(null, { status: 404 });
  return { ...workspace, viewerId: actor.staffId, now: Date.now() };
}

export const meta = recordMeta<typeof loader>("leadInbox.title", (d) => [
  "leadInbox.detail.metaTitle",
  { number: d.lead.number },
]);

export default function LeadLayout() {
  const workspace = useLoaderData<typeof loader>();
  const { lead } = workspace;
  const { t } = useI18n();
  const holders = lead.assignments.filter((a) => !a.recalledAt).length;
  return (
    <div className="space-y-6">
      <LeadHeader workspace={workspace} />
      <TabNav
        label={t("leadInbox.detail.tabs.label")}
        tabs={[
          { to: leadPath(lead.id), label: t("common.overview"), end: true },
          { to: leadPath(lead.id, "work"), label: t("leadInbox.detail.tabs.work"), count: holders || undefined },
          { to: leadPath(lead.id, "follow-up"), label: t("leadInbox.detail.tabs.followUp") },
          { to: leadPath(lead.id, "history"), label: t("leadInbox.detail.tabs.history"), count: lead.events.length },
        ]}
      />
      <Outlet />
    </div>
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary back="/crm/leads" backLabel="common.backToLeads" texts="leadInbox.detail" />;
}
