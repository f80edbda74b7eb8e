import { History } from "lucide-react";
import { useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { getCompanyActivity } from "#app/modules/crm/companies/company-tabs.server.ts";
import { companyWorkAccess } from "#app/modules/crm/companies/company-workspace.server.ts";
import { NotesCard } from "#app/ui/records/notes-card.tsx";
import { TasksCard } from "#app/ui/records/tasks-card.tsx";
import { Timeline } from "#app/ui/records/timeline.tsx";
import { SectionCard } from "#app/ui/section-card.tsx";
import { useCompanyWorkspace } from "#backoffice/components/companies/use-company-workspace.ts";
import { loadRecordPage } from "#backoffice/components/record-page.server.ts";
import { runRecordWidgetAction } from "#backoffice/components/record-widget-action.server.ts";

// The company page's 活动 tab: notes, tasks (the record widgets) and the change history.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const page = await loadRecordPage(
    request,
    { module: "companies", action: "browse" },
    params.companyId,
    getCompanyActivity,
  );
  return { ...page, now: Date.now() };
}

export async function action(args: ActionFunctionArgs) {
  return runRecordWidgetAction(args, {
    policy: { module: "companies", action: "browse" },
    idParam: "companyId",
    access: companyWorkAccess,
    tabPath: (id) => `/crm/companies/${id}/activity`,
  });
}

/** The audit action's label ("company.updated" → 修改了 …). */
function historyTitle(
  h: { action: string; actorName: string | null; fields: string[] },
  t: (key: MessageKey, vars?: Record<string, string | number>) => string,
) {
  const name = h.actorName ?? t("companies.activity.system");
  if (h.action === "company.created") return t("companies.activity.created", { name });
  if (h.action === "company.updated") {
    const fields = h.fields.map((f) => fieldLabel(f, t)).join("、");
    return t("companies.activity.updated", { name, fields });
  }
  return t("companies.activity.other", { name, action: h.action });
}

const FIELD_KEYS: Record<string, MessageKey> = {
  name: "companies.field.name",
  shortName: "companies.field.shortName",
  type: "companies.field.type",
  industry: "companies.field.industry",
  status: "companies.field.status",
  category: "companies.field.category",
  rating: "companies.field.rating",
  province: "companies.field.province",
  city: "companies.field.city",
  district: "companies.field.district",
  address: "companies.field.address",
  postcode: "companies.field.postcode",
  phone: "companies.field.phone",
  phone2: "companies.field.phone2",
  fax: "companies.field.fax",
  email: "companies.field.email",
  website: "companies.field.website",
  currency: "companies.field.currency",
  salesAmount: "companies.field.salesAmount",
  profitAmount: "companies.field.profitAmount",
  description: "companies.field.description",
  parentId: "companies.field.parent",
};

function fieldLabel(field: string, t: (key: MessageKey) => string) {
  const key = FIELD_KEYS[field];
  return key ? t(key) : field;
}

export default function CompanyActivityTab() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { capabilities } = useCompanyWorkspace();
  const { t } = useI18n();
  const history = d.history
    .filter((h) => h.action !== "company.updated" || h.fields.some((f) => f !== "regionCode"))
    .map((h) => ({
      id: String(h.id),
      title: historyTitle(h, t),
      at: h.at,
      tone: h.action === "company.created" ? ("green" as const) : ("blue" as const),
    }));
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <div className="min-w-0 space-y-6">
        <NotesCard notes={d.notes} canWrite={capabilities.canModify} now={d.now} result={result} />
        <TasksCard tasks={d.tasks} canWrite={capabilities.canModify} now={d.now} allowReopen result={result} />
      </div>
      <SectionCard title={t("companies.activity.history")} icon={History} labelled flush>
        <Timeline items={history} now={d.now} label={t("companies.activity.history")} />
      </SectionCard>
    </div>
  );
}
