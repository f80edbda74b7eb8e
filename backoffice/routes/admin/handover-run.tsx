import { ArrowLeftRight } from "lucide-react";
import { data, useLoaderData, type LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { requireIdParam } from "#app/lib/forms.server.ts";
import { formatMoment } from "#app/lib/format/dates.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { getHandOver } from "#app/modules/admin/handover.server.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { FormNotice } from "#app/ui/form/index.ts";
import { recordMeta } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { SectionCard } from "#app/ui/section-card.tsx";
import { HandOverReport } from "#backoffice/components/admin-staff/handover-report.tsx";
import { BackLink, HANDOVERS_PATH, HandOverStatusBadge } from "#backoffice/components/admin-staff/staff-ui.tsx";

// One hand-over run: progress while the job works (the page refreshes itself), then the report.

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaffActor(request, { module: "admin", action: "browse" });
  const run = await getHandOver(db, requireIdParam(params.runId));
  if (!run) throw data(null, { status: 404 });
  return { run };
}

export const meta = recordMeta<typeof loader>("adminStaff.handover.title", (d) => [
  "adminStaff.handover.runTitle",
  { id: d.run.id, from: d.run.from.name, to: d.run.to.name },
]);

export default function HandOverRunPage() {
  const { run } = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();
  const working = run.status === "pending" || run.status === "running";
  const percent = run.total === 0 ? 100 : Math.round((run.done / run.total) * 100);
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      {/* Progress without JavaScript: the browser reloads the page until the run is finished. */}
      {working ? <meta httpEquiv="refresh" content="2" /> : null}
      <BackLink to={HANDOVERS_PATH}>{t("adminStaff.handover.list")}</BackLink>
      <PageHeader
        icon={<ArrowLeftRight aria-hidden className="size-6" />}
        title={t("adminStaff.handover.runTitle", { id: run.id, from: run.from.name, to: run.to.name })}
        description={`${formatMoment(run.createdAt, locale)}${run.finishedAt ? ` → ${formatMoment(run.finishedAt, locale)}` : ""}`}
        actions={<HandOverStatusBadge status={run.status} />}
      />
      <SectionCard title={t("adminStaff.handover.progress", { done: run.done, total: run.total })} labelled>
        <div
          role="progressbar"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          aria-label={t("adminStaff.handover.progress", { done: run.done, total: run.total })}
          className="h-3 overflow-hidden rounded-full bg-slate-100"
        >
          <div className="h-full bg-blue-600 transition-all" style={{ width: `${percent}%` }} />
        </div>
        {working ? (
          <FormNotice tone="info" className="mt-4">
            {t("adminStaff.handover.refreshing")}
          </FormNotice>
        ) : null}
      </SectionCard>
      <SectionCard title={t("adminStaff.handover.title")} labelled flush>
        <HandOverReport before={run.before} moved={run.moved} after={run.after} split={run.split} />
      </SectionCard>
    </div>
  );
}
