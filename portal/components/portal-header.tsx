import { Menu, X } from "lucide-react";
import { useEffect, useRef } from "react";
import { Link, NavLink, useLocation } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { ButtonLink } from "#app/ui/button.tsx";
import { cn } from "#app/ui/cn.ts";
import { LocaleSwitcher } from "#app/ui/locale-switcher.tsx";
import { Logo } from "#app/ui/logo.tsx";
import { MemberIdentity, MemberLinks, MemberMenu, MessagesIconLink, type HeaderMember } from "./member-menu.tsx";
import { PORTAL_NAV } from "./nav-items.ts";

/** `member` is null for visitors, who get 登录/注册 instead of the member menu. */
export function PortalHeader({ member }: { member: HeaderMember | null }) {
  const { t } = useI18n();
  const location = useLocation();
  const menuRef = useRef<HTMLDetailsElement>(null);

  // The mobile menu is a <details> so it works without JS; once hydrated, close it after navigating.
  useEffect(() => {
    if (menuRef.current) menuRef.current.open = false;
  }, [location.key]);

  return (
    <header className="sticky top-0 z-40 border-b border-slate-200/70 bg-white/85 backdrop-blur-md supports-[backdrop-filter]:bg-white/75">
      <div className="mx-auto flex h-16 max-w-7xl items-center gap-8 px-4 sm:px-6 lg:px-8">
        <Link
          to="/"
          className="shrink-0 rounded-lg focus-visible:outline-2 focus-visible:outline-offset-4 focus-visible:outline-blue-600"
        >
          <Logo />
        </Link>

        <nav aria-label={t("portal.nav.label")} className="hidden items-center gap-0.5 xl:flex">
          {PORTAL_NAV.map((item) => (
            <NavLink
              key={item.to}
              to={item.to}
              end={item.to === "/"}
              className={({ isActive }) =>
                cn(
                  "rounded-md px-3 py-2 text-sm font-medium whitespace-nowrap transition-colors",
                  isActive ? "bg-blue-50 text-blue-700" : "text-slate-600 hover:bg-slate-100 hover:text-slate-900",
                )
              }
            >
              {t(item.label)}
            </NavLink>
          ))}
        </nav>

        <div className="ml-auto hidden items-center gap-2 xl:flex">
          <LocaleSwitcher />
          <span aria-hidden className="mx-1 h-5 w-px bg-slate-200" />
          {member ? (
            <>
              <MessagesIconLink member={member} />
              <MemberMenu member={member} />
            </>
          ) : (
            <>
              <ButtonLink to="/login" variant="ghost" size="sm">
                {t("portal.nav.login")}
              </ButtonLink>
              <ButtonLink to="/register" size="sm">
                {t("portal.nav.register")}
              </ButtonLink>
            </>
          )}
        </div>

        {member ? (
          <div className="ml-auto xl:hidden">
            <MessagesIconLink member={member} />
          </div>
        ) : null}

        <details ref={menuRef} className={cn("group xl:hidden", member ? "-ml-6" : "ml-auto")}>
          <summary
            className="flex size-10 cursor-pointer list-none items-center justify-center rounded-lg text-slate-700 hover:bg-slate-100 [&::-webkit-details-marker]:hidden"
            aria-label={t("portal.nav.menu")}
          >
            <Menu aria-hidden className="size-5 group-open:hidden" />
            <X aria-hidden className="hidden size-5 group-open:block" />
          </summary>
          <div className="absolute inset-x-0 top-full border-b border-slate-200 bg-white shadow-xl shadow-slate-900/5">
            <nav
              aria-label={t("portal.nav.label")}
              className="mx-auto grid max-w-7xl gap-1 px-4 py-3 sm:grid-cols-2 sm:px-6"
            >
              {PORTAL_NAV.map((item) => (
                <NavLink
                  key={item.to}
                  to={item.to}
                  end={item.to === "/"}
                  className={({ isActive }) =>
                    cn(
                      "flex items-center gap-3 rounded-lg px-3 py-2.5 text-[15px] font-medium",
                      isActive ? "bg-blue-50 text-blue-700" : "text-slate-700 hover:bg-slate-50",
                    )
                  }
                >
                  <item.icon aria-hidden className="size-[18px] opacity-80" />
                  {t(item.label)}
                </NavLink>
              ))}
            </nav>
            {member ? (
              <div className="mx-auto max-w-7xl border-t border-slate-100 px-4 py-3 sm:px-6">
                <div className="flex items-center justify-between gap-3 px-3 pb-2">
                  <MemberIdentity member={member} />
                  <LocaleSwitcher />
                </div>
                <div className="flex flex-col gap-0.5">
                  <MemberLinks member={member} variant="drawer" />
                </div>
              </div>
            ) : (
              <div className="mx-auto flex max-w-7xl items-center gap-2 border-t border-slate-100 px-4 py-3 sm:px-6">
                <ButtonLink to="/login" variant="secondary" className="flex-1">
                  {t("portal.nav.login")}
                </ButtonLink>
                <ButtonLink to="/register" className="flex-1">
                  {t("portal.nav.register")}
                </ButtonLink>
                <LocaleSwitcher />
              </div>
            )}
          </div>
        </details>
      </div>
    </header>
  );
}
