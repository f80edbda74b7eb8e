import { Search } from "lucide-react";
import { data, Outlet, useLoaderData, useLocation, type HeadersFunction, type LoaderFunctionArgs } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { can, MODULES } from "#app/modules/auth/permissions.ts";
import { requireStaffAuth } from "#app/modules/auth/staff-guard.server.ts";
import { LocaleSwitcher } from "#app/ui/locale-switcher.tsx";
import { MobileNav } from "#backoffice/components/mobile-nav.tsx";
import { areaTitle, buildNav } from "#backoffice/components/nav.ts";
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
  };
  // The sliding session expiry moved: hand the refreshed cookie back to the browser.
  return data({ user }, { headers: setCookie ? { "Set-Cookie": setCookie } : undefined });
}

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export default function CrmLayout() {
  const { user } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const location = useLocation();
  const groups = buildNav(user.modules, user.isAdmin);

  return (
    <div className="min-h-screen bg-slate-50 lg:pl-64">
      <aside className="fixed inset-y-0 left-0 z-30 hidden w-64 bg-slate-950 lg:block">
        <SidebarContent groups={groups} user={user} />
      </aside>

      {/* No backdrop-filter here: it would become the containing block of the fixed mobile drawer. */}
      <header className="sticky top-0 z-40 flex h-16 items-center gap-3 border-b border-slate-200/80 bg-white px-4 sm:gap-4 sm:px-6 lg:px-8">
        <MobileNav groups={groups} user={user} />
        <p className="min-w-0 truncate text-base font-semibold text-slate-900">{t(areaTitle(location.pathname))}</p>

        <div className="ml-auto flex items-center gap-2 sm:gap-3">
          {/* Placeholder until global search ships: visibly present, honestly disabled. */}
          <div className="relative hidden md:block">
            <label htmlFor="crm-search" className="sr-only">
              {t("backoffice.topbar.searchLabel")}
            </label>
            <Search
              aria-hidden
              className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-slate-400"
            />
            <input
              id="crm-search"
              type="search"
              disabled
              placeholder={t("backoffice.topbar.searchPlaceholder")}
              className="h-9 w-56 cursor-not-allowed rounded-lg border border-slate-200 bg-slate-50 pr-3 pl-9 text-sm text-slate-500 placeholder:text-slate-400 lg:w-72"
            />
          </div>
          <LocaleSwitcher />
          <span aria-hidden className="hidden h-6 w-px bg-slate-200 sm:block" />
          <UserMenu user={user} />
        </div>
      </header>

      <main className="px-4 py-6 sm:px-6 sm:py-8 lg:px-8">
        <div className="mx-auto max-w-7xl">
          <Outlet />
        </div>
      </main>
    </div>
  );
}
