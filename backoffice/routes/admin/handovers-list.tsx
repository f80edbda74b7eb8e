import { ArrowLeftRight } from "lucide-react";
import { Link, useLoaderData, type LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { formatMoment } from "#app/lib/format/dates.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { listHandOvers } from "#app/modules/admin/handover.server.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { titleMeta } from "#app/ui/meta.ts";
import { SectionCard } from "#app/ui/section-card.tsx";
import { ModulePageHeader } from "#backoffice/components/module-page-header.tsx";
import { HANDOVERS_PATH, HandOverStatusBadge } from "#backoffice/components/admin-staff/staff-ui.tsx";

// 离职移交 runs, newest first; a new one starts from the person's page in 用户管理.

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaffActor(request, { module: "admin", action: "browse" });
  return { runs: await listHandOvers(db) };
}

export const meta = titleMeta("adminStaff.handover.list");

export default function HandOversPage() {
  const { runs } = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();
  return (
    <div className="space-y-6">
      <ModulePageHeader
        module="admin"
        title={t("adminStaff.handover.list")}
        description={t("adminStaff.handover.description")}
      />
      <SectionCard icon={ArrowLeftRight} title={t("adminStaff.handover.list")} labelled flush>
        {runs.length === 0 ? (
          <p className="px-5 py-4 text-sm text-slate-500">{t("adminStaff.handover.none")}</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {runs.map((run) => (
              <li key={run.id} className="flex flex-wrap items-center gap-3 px-5 py-3 text-sm">
                <Link to={`${HANDOVERS_PATH}/${run.id}`} className="font-medium text-blue-700 hover:underline">
                  {t("adminStaff.handover.runTitle", { id: run.id, from: run.fromStaff.name, to: run.toStaff.name })}
                </Link>
                <HandOverStatusBadge status={run.status} />
                <span className="ml-auto text-slate-500 tabular-nums">
                  {t("adminStaff.handover.progress", { done: run.done, total: run.total })} ·{" "}
                  {formatMoment(run.createdAt, locale)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </SectionCard>
    </div>
  );
}
