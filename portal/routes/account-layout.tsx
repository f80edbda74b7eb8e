import {
  BellRing,
  Building2,
  ClipboardList,
  FileSignature,
  LayoutDashboard,
  Mail,
  Package,
  ReceiptText,
  ShieldCheck,
  ShieldAlert,
  UserRound,
  UserX,
  type LucideIcon,
} from "lucide-react";
import { Link, NavLink, Outlet, useLoaderData, type LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { countUnreadForMember } from "#app/modules/messages/message-counts.server.ts";
import { requireMember } from "#app/modules/members/member-guard.server.ts";
import { CUSTOMER_LEVELS, isMemberLevel } from "#app/modules/members/member-levels.ts";
import { cn } from "#app/ui/cn.ts";
import { LevelBadge } from "#portal/components/account-ui.tsx";

// The member centre (会员中心): a sub-navigation beside every /account page. Customers and partners
// also see their customer zone and its services (requests, assets, contracts).

// The sub-navigation shows the unread-message count: reload it on every move inside /account.
export const shouldRevalidate = () => true;

export async function loader({ request }: LoaderFunctionArgs) {
  const principal = await requireMember(request);
  const unread = await countUnreadForMember(db, principal.member.id);
  return {
    nickname: principal.member.nickname,
    level: principal.member.level,
    unread,
    showZone: isMemberLevel(principal.audience) && CUSTOMER_LEVELS.includes(principal.audience),
    verificationPending: principal.verificationPending,
  };
}

interface NavItem {
  to: string;
  label: MessageKey;
  icon: LucideIcon;
  end?: boolean;
  danger?: boolean;
}

const MAIN_NAV: readonly NavItem[] = [
  { to: "/account", label: "common.overview", icon: LayoutDashboard, end: true },
  { to: "/account/profile", label: "account.nav.profile", icon: UserRound },
  { to: "/account/security", label: "account.nav.security", icon: ShieldCheck },
  { to: "/account/messages", label: "account.nav.messages", icon: Mail },
  { to: "/account/orders", label: "orders.portal.title", icon: ReceiptText },
  { to: "/account/forum", label: "forumNotify.nav", icon: BellRing },
];

const ZONE_NAV: readonly NavItem[] = [
  { to: "/zone", label: "account.nav.zone", icon: Building2, end: true },
  { to: "/zone/requests", label: "account.nav.serviceRequests", icon: ClipboardList },
  { to: "/zone/assets", label: "account.nav.assets", icon: Package },
  { to: "/zone/contracts", label: "account.nav.contracts", icon: FileSignature },
];

const DEREGISTER: NavItem = { to: "/account/deregister", label: "account.nav.deregister", icon: UserX, danger: true };

function linkClass({ isActive }: { isActive: boolean }, danger?: boolean) {
  return cn(
    "flex items-center gap-2.5 rounded-lg px-3 py-2 text-sm font-medium whitespace-nowrap transition-colors",
    "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600",
    isActive
      ? danger
        ? "bg-red-50 text-red-700"
        : "bg-blue-50 text-blue-700"
      : danger
        ? "text-slate-500 hover:bg-red-50 hover:text-red-700"
        : "text-slate-600 hover:bg-slate-100 hover:text-slate-900",
  );
}

export default function AccountLayout() {
  const data = useLoaderData<typeof loader>();
  const { t } = useI18n();

  const navItem = (item: NavItem) => (
    <NavLink key={item.to} to={item.to} end={item.end} className={(state) => linkClass(state, item.danger)}>
      <item.icon aria-hidden className="size-4 shrink-0 opacity-80" />
      <span>{t(item.label)}</span>
      {item.to === "/account/messages" && data.unread > 0 ? (
        <span
          className="ml-auto rounded-full bg-blue-600 px-1.5 py-0.5 text-[11px] leading-none font-semibold text-white tabular-nums"
          title={t("common.unread", { count: data.unread })}
        >
          <span aria-hidden>{data.unread > 99 ? "99+" : data.unread}</span>
          <span className="sr-only">{t("common.unread", { count: data.unread })}</span>
        </span>
      ) : null}
    </NavLink>
  );

  return (
    <div className="mx-auto max-w-6xl px-4 py-6 sm:px-6 sm:py-10 lg:px-8">
      {data.verificationPending ? (
        <div
          role="status"
          className="mb-6 flex flex-col gap-3 rounded-xl border border-amber-200 bg-amber-50 px-4 py-3.5 text-sm text-amber-900 sm:flex-row sm:items-center"
        >
          <ShieldAlert aria-hidden className="hidden size-5 shrink-0 text-amber-600 sm:block" />
          <div className="min-w-0 flex-1">
            <p className="font-medium">{t("account.banner.verificationPending")}</p>
            <p className="mt-0.5 text-amber-800">{t("account.banner.verificationPendingHint")}</p>
          </div>
          <Link
            to="/account/profile"
            className="shrink-0 self-start rounded-md bg-white px-3 py-1.5 font-medium text-amber-900 ring-1 ring-amber-300 hover:bg-amber-100 sm:self-center"
          >
            {t("account.banner.checkProfile")}
          </Link>
        </div>
      ) : null}

      <div className="lg:grid lg:grid-cols-[15rem_minmax(0,1fr)] lg:gap-10">
        <aside className="mb-6 lg:mb-0">
          <div className="mb-4 hidden items-center gap-3 px-1 lg:flex">
            <span
              aria-hidden
              className="flex size-10 shrink-0 items-center justify-center rounded-full bg-gradient-to-br from-blue-500 to-blue-700 text-base font-semibold text-white"
            >
              {[...data.nickname][0]?.toUpperCase()}
            </span>
            <div className="min-w-0">
              <p className="truncate text-sm font-semibold text-slate-900">{data.nickname}</p>
              <LevelBadge level={data.level} label={t(`account.level.${data.level}`)} className="mt-1" />
            </div>
          </div>

          <nav aria-label={t("account.nav.label")}>
            {/* A scrolling strip on phones, a column beside the page from lg up. */}
            <div className="-mx-4 flex gap-1 overflow-x-auto border-b border-slate-200 px-4 pb-3 sm:mx-0 sm:px-0 lg:flex-col lg:overflow-visible lg:border-0 lg:pb-0">
              {MAIN_NAV.map(navItem)}

              {data.showZone ? (
                <div className="flex gap-1 lg:mt-5 lg:flex-col lg:border-t lg:border-slate-200 lg:pt-5">
                  <p className="hidden px-3 pb-1 text-xs font-semibold tracking-wide text-slate-600 lg:block">
                    {t("account.nav.zoneGroup")}
                  </p>
                  {ZONE_NAV.map(navItem)}
                </div>
              ) : null}

              <div className="flex lg:mt-5 lg:border-t lg:border-slate-200 lg:pt-5">{navItem(DEREGISTER)}</div>
            </div>
          </nav>
        </aside>

        <div className="min-w-0">
          <Outlet />
        </div>
      </div>
    </div>
  );
}
