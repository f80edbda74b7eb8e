import { Bell } from "lucide-react";
import {
  data,
  Outlet,
  useLoaderData,
  useLocation,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type ShouldRevalidateFunction,
} from "react-router";
import { db } from "#app/lib/db.server.ts";
import { countAwaitingMyApproval } from "#app/modules/approvals/approvals.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { can, MODULES, scopeFor } from "#app/modules/auth/permissions.ts";
import { seesCampaignsAsParticipant } from "#app/modules/campaigns/campaign-access.server.ts";
import { requireStaffAuth } from "#app/modules/auth/staff-guard.server.ts";
import { BIN_ENTITIES, BIN_MODULE, mayUseRecycleBin } from "#app/modules/crm/recycle-bin/bin-permission.ts";
import { openedThreadId, staffUnreadBadge } from "#app/modules/messages/site-messages.server.ts";
import { countUnreadNotifications } from "#app/modules/notifications/notifications.server.ts";
import { shellBrand } from "#app/modules/settings/company-profile.server.ts";
import { getLocale } from "#app/lib/i18n/locale.server.ts";
import { shellLookups } from "#app/modules/settings/lookup-values.server.ts";
import { cn } from "#app/ui/cn.ts";
import { FlashBanner } from "#app/ui/flash-banner.tsx";
import { frameIcon } from "#app/ui/shell/frame-icon.ts";
import { FrameLink, useFrameLinkClick } from "#app/ui/shell/frame-links.tsx";
import { LocaleSwitcher } from "#app/ui/locale-switcher.tsx";
import { GlobalSearch } from "#backoffice/components/global-search.tsx";
import { MobileNav } from "#backoffice/components/mobile-nav.tsx";
import { areaTitle, buildNav, NOTIFICATIONS_PATH } from "#backoffice/components/nav.ts";
import { SidebarContent } from "#backoffice/components/sidebar.tsx";
import type { ShellUser } from "#backoffice/components/types.ts";
import { UserMenu } from "#backoffice/components/user-menu.tsx";

export async function loader({ request }: LoaderFunctionArgs) {
  const { principal, setCookie } = await requireStaffAuth(request);
  const user: ShellUser = {
    name: principal.staff.name,
    email: principal.staff.email,
    team: principal.staff.teamName,
    roleNames: principal.roleNames,
    isAdmin: principal.isAdmin,
    modules: MODULES.filter((m) => can(principal, m, "browse")),
    away: principal.staff.status === "away",
  };
  const mayReadMessages = can(principal, "members", "browse");
  const [notificationsUnread, messagesUnread, approvalsAwaiting, brand, lookups, campaignParticipant] =
    await Promise.all([
      countUnreadNotifications(db, principal.staff.id),
      mayReadMessages
        ? staffUnreadBadge(db, principal.staff.id, openedThreadId(new URL(request.url).pathname, "/crm/messages"))
        : Promise.resolve(null),
      countAwaitingMyApproval(db, { staffId: principal.staff.id }),
      shellBrand(db),
      getLocale(request).then((locale) => shellLookups(db, locale)),
      user.modules.includes("campaigns")
        ? Promise.resolve(false)
        : seesCampaignsAsParticipant(db, principal, principal.staff.id),
    ]);
  const extras = {
    messagesUnread,
    // 营销规则 decide who receives every web lead: company-wide lead managers only.
    canManageRules: scopeFor(principal, "leads", "modify") === "all",
    canUseRecycleBin: BIN_ENTITIES.some((e) => mayUseRecycleBin(principal, BIN_MODULE[e])),
    approvalsAwaiting,
    campaignParticipant,
  };
  // The sliding session expiry moved: hand the refreshed cookie back to the browser.
  return data(
    { user, extras, notificationsUnread, brand, lookups },
    { headers: setCookie ? { "Set-Cookie": setCookie } : undefined },
  );
}

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

// The bell and the sidebar badges should follow the user around: re-read them whenever the page
// changes, not only after form posts (staying on one page with new search params counts too).
export const shouldRevalidate: ShouldRevalidateFunction = ({ currentUrl, nextUrl, defaultShouldRevalidate }) =>
  defaultShouldRevalidate || currentUrl.pathname !== nextUrl.pathname;

export default function CrmLayout() {
  const { user, extras, notificationsUnread, brand } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const location = useLocation();
  const onFrameLinkClick = useFrameLinkClick();
  const groups = buildNav(user.modules, user.isAdmin, extras);
  const bellLabel =
    notificationsUnread > 0
      ? t("backoffice.topbar.notificationsUnread", { count: notificationsUnread })
      : t("backoffice.topbar.notifications");

  return (
    <div className="min-h-screen bg-slate-50 lg:pl-64">
      {/* One navigation for both widths: a fixed sidebar from lg, the drawer MobileNav opens below it. */}
      <aside
        className={cn(
          "fixed top-16 bottom-0 left-0 z-50 hidden w-72 max-w-[85vw] bg-slate-950 shadow-2xl",
          "[body:has(#crm-nav-toggle[open])_&]:block",
          "lg:top-0 lg:z-30 lg:block lg:w-64 lg:max-w-none lg:shadow-none",
        )}
      >
        <SidebarContent groups={groups} user={user} brand={brand} />
      </aside>

      {/* No backdrop-filter here: it would become the containing block of the fixed mobile drawer. */}
      <header
        className="sticky top-0 z-40 flex h-16 items-center gap-3 border-b border-slate-200/80 bg-white px-4 sm:gap-4 sm:px-6 lg:px-8"
        onClick={onFrameLinkClick}
      >
        <MobileNav />
        <p className="min-w-0 truncate text-base font-semibold text-slate-900">{t(areaTitle(location.pathname))}</p>

        <div className="ml-auto flex items-center gap-2 sm:gap-3">
          <div className="hidden md:block">
            <GlobalSearch />
          </div>
          <LocaleSwitcher />
          <FrameLink
            to={NOTIFICATIONS_PATH}
            aria-label={bellLabel}
            title={bellLabel}
            className={cn(
              "relative flex size-9 shrink-0 items-center justify-center rounded-lg transition-colors",
              "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600",
              location.pathname.startsWith(NOTIFICATIONS_PATH)
                ? "bg-blue-50 text-blue-700"
                : "text-slate-600 hover:bg-slate-100 hover:text-slate-900",
            )}
          >
            {frameIcon(Bell, "size-5")}
            {notificationsUnread > 0 ? (
              <span
                aria-hidden
                className="absolute -top-0.5 -right-0.5 inline-flex min-w-[1.125rem] items-center justify-center rounded-full bg-red-500 px-1 text-[11px] leading-[1.125rem] font-semibold text-white tabular-nums ring-2 ring-white"
              >
                {notificationsUnread > 99 ? "99+" : notificationsUnread}
              </span>
            ) : null}
          </FrameLink>
          <span aria-hidden className="hidden h-6 w-px bg-slate-200 sm:block" />
          <UserMenu user={user} />
        </div>
      </header>

      <main className="px-4 py-6 sm:px-6 sm:py-8 lg:px-8">
        <div className="mx-auto max-w-7xl">
          <FlashBanner className="mb-5" />
          <Outlet />
        </div>
      </main>
    </div>
  );
}
