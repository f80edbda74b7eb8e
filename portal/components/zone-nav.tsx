import {
  BarChart3,
  BookOpenText,
  Building2,
  ClipboardList,
  FileSignature,
  FileText,
  LayoutDashboard,
  Package,
  Receipt,
  Search,
  Users,
  type LucideIcon,
} from "lucide-react";
import { NavLink } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { cn } from "#app/ui/cn.ts";
import { IconChip } from "#portal/components/icon-chip.tsx";

// The customer zone's band: zone name and its sub-navigation. Every portal zone page renders it at
// the top (zone home, requests, assets, contracts, members, search, polls).

const TABS: ReadonlyArray<{ to: string; label: MessageKey; icon: LucideIcon; end?: boolean }> = [
  { to: "/zone", label: "common.overview", icon: LayoutDashboard, end: true },
  { to: "/zone/requests", label: "zones.nav.requests", icon: ClipboardList },
  { to: "/zone/assets", label: "zones.nav.assets", icon: Package },
  { to: "/zone/contracts", label: "zones.nav.contracts", icon: FileSignature },
  { to: "/zone/quotes", label: "quotes.zone.nav", icon: FileText },
  { to: "/zone/sales-contracts", label: "zoneContracts.title", icon: Receipt },
  { to: "/zone/proposals", label: "proposals.zone.nav", icon: BookOpenText },
  { to: "/zone/members", label: "common.members", icon: Users },
  { to: "/zone/search", label: "common.search", icon: Search },
  { to: "/zone/polls", label: "zones.nav.polls", icon: BarChart3 },
];

export function ZoneNav({ zoneName, className }: { zoneName: string; className?: string }) {
  const { t } = useI18n();
  return (
    <div className={cn("border-b border-slate-200/70 bg-white", className)}>
      <div className="mx-auto max-w-6xl px-4 pt-6 sm:px-6 lg:px-8">
        <div className="flex items-center gap-3">
          <IconChip
            icon={Building2}
            className="size-9 rounded-lg bg-gradient-to-br from-blue-500 to-blue-700 text-white shadow-md shadow-blue-600/20"
            iconClassName="size-4"
          />
          <div className="min-w-0">
            <p className="text-xs font-medium text-blue-700">{t("zones.nav.eyebrow")}</p>
            <p className="truncate text-base font-semibold text-slate-900">{zoneName}</p>
          </div>
        </div>
        <nav aria-label={t("zones.nav.label")} className="mt-4 -mb-px flex gap-1 overflow-x-auto">
          {TABS.map((tab) => (
            <NavLink
              key={tab.to}
              to={tab.to}
              end={tab.end}
              className={({ isActive }) =>
                cn(
                  "inline-flex shrink-0 items-center gap-1.5 border-b-2 px-3 py-2.5 text-sm font-medium transition-colors",
                  isActive
                    ? "border-blue-600 text-blue-700"
                    : "border-transparent text-slate-500 hover:border-slate-300 hover:text-slate-800",
                )
              }
            >
              <tab.icon aria-hidden className="size-4" />
              {t(tab.label)}
            </NavLink>
          ))}
        </nav>
      </div>
    </div>
  );
}
