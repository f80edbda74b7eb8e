import {
  ArrowLeftRight,
  Building2,
  ClipboardCheck,
  Hash,
  History,
  ListTree,
  Network,
  ShieldCheck,
  Users,
  Workflow,
  type LucideIcon,
} from "lucide-react";
import { Link, type LoaderFunctionArgs } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { titleMeta } from "#app/ui/meta.ts";
import { ModulePageHeader } from "#backoffice/components/module-page-header.tsx";

// 系统管理 home: one card per admin area (seed §2.P). Areas built by other parts of issue #16 are
// linked here too; each page guards itself.

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaffActor(request, { module: "admin", action: "browse" });
  return null;
}

export const meta = titleMeta("adminStaff.home.title");

const AREAS: ReadonlyArray<{ to: string; icon: LucideIcon; title: MessageKey; hint: MessageKey }> = [
  { to: "/crm/admin/staff", icon: Users, title: "adminStaff.home.staff", hint: "adminStaff.home.staffHint" },
  { to: "/crm/admin/teams", icon: Network, title: "adminStaff.home.teams", hint: "adminStaff.home.teamsHint" },
  {
    to: "/crm/admin/handovers",
    icon: ArrowLeftRight,
    title: "adminStaff.home.handovers",
    hint: "adminStaff.home.handoversHint",
  },
  { to: "/crm/admin/roles", icon: ShieldCheck, title: "adminStaff.home.roles", hint: "adminStaff.home.rolesHint" },
  {
    to: "/crm/admin/approvals",
    icon: ClipboardCheck,
    title: "adminStaff.home.approvals",
    hint: "adminStaff.home.approvalsHint",
  },
  { to: "/crm/admin/audit", icon: History, title: "adminStaff.home.audit", hint: "adminStaff.home.auditHint" },
  { to: "/crm/admin/tables", icon: ListTree, title: "adminStaff.home.tables", hint: "adminStaff.home.tablesHint" },
  { to: "/crm/admin/numbers", icon: Hash, title: "adminStaff.home.numbers", hint: "adminStaff.home.numbersHint" },
  { to: "/crm/admin/sales-methods", icon: Workflow, title: "stageEditor.title", hint: "stageEditor.homeHint" },
  { to: "/crm/admin/company", icon: Building2, title: "adminStaff.home.company", hint: "adminStaff.home.companyHint" },
];

export default function AdminHome() {
  const { t } = useI18n();
  return (
    <div className="space-y-6">
      <ModulePageHeader
        module="admin"
        title={t("adminStaff.home.title")}
        description={t("adminStaff.home.description")}
      />
      <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
        {AREAS.map(({ to, icon: Icon, title, hint }) => (
          <li key={to}>
            <Link
              to={to}
              className="flex h-full gap-4 rounded-xl border border-slate-200 bg-white p-5 shadow-sm transition hover:border-blue-300 hover:shadow-md focus-visible:outline-2 focus-visible:outline-blue-600"
            >
              <span className="flex size-10 shrink-0 items-center justify-center rounded-lg bg-blue-50 text-blue-700">
                <Icon aria-hidden className="size-5" />
              </span>
              <span className="min-w-0">
                <span className="block font-semibold text-slate-900">{t(title)}</span>
                <span className="mt-1 block text-sm leading-6 text-slate-500">{t(hint)}</span>
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
