import { Menu, X } from "lucide-react";
import { useEffect, useRef } from "react";
import { Link, useLocation } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { ButtonLink } from "#app/ui/button.tsx";
import { cn } from "#app/ui/cn.ts";
import { LocaleSwitcher } from "#app/ui/locale-switcher.tsx";
import { Logo } from "#app/ui/logo.tsx";
import { frameIcon } from "#app/ui/shell/frame-icon.ts";
import { FrameLink, isNavActive, useFrameLinkClick } from "#app/ui/shell/frame-links.tsx";
import { MemberIdentity, MemberLinks, MemberMenu, MessagesIconLink, type HeaderMember } from "./member-menu.tsx";
import { PORTAL_NAV } from "./nav-items.ts";

/** `member` is null for visitors, who get 登录/注册 instead of the member menu. */
export function PortalHeader({ member }: { member: HeaderMember | null }) {
  const { t } = useI18n();
  const location = useLocation();
  const menuRef = useRef<HTMLDetailsElement>(null);
  const onFrameLinkClick = useFrameLinkClick();

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

        <nav
          aria-label={t("portal.nav.label")}
          className="hidden items-center gap-0.5 xl:flex"
          onClick={onFrameLinkClick}
        >
          <PortalNavLinks layout="bar" pathname={location.pathname} />
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
            <GuestLinks layout="bar" />
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
            {frameIcon(Menu, "size-5 group-open:hidden")}
            {frameIcon(X, "hidden size-5 group-open:block")}
          </summary>
          <div className="absolute inset-x-0 top-full border-b border-slate-200 bg-white shadow-xl shadow-slate-900/5">
            <nav
              aria-label={t("portal.nav.label")}
              className="mx-auto grid max-w-7xl gap-1 px-4 py-3 sm:grid-cols-2 sm:px-6"
              onClick={onFrameLinkClick}
            >
              <PortalNavLinks layout="menu" pathname={location.pathname} />
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
              <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-2 border-t border-slate-100 px-4 py-3 sm:px-6">
                <GuestLinks layout="menu" />
                <LocaleSwitcher />
              </div>
            )}
          </div>
        </details>
      </div>
    </header>
  );
}

const NAV_LINK_BASE = {
  bar: "rounded-md px-3 py-2 text-sm font-medium whitespace-nowrap transition-colors",
  menu: "flex items-center gap-3 rounded-lg px-3 py-2.5 text-[15px] font-medium",
};

// Each entry's whole class, joined once rather than per link and render.
const NAV_LINK_CLASSES = {
  bar: {
    active: cn(NAV_LINK_BASE.bar, "bg-blue-50 text-blue-700"),
    idle: cn(NAV_LINK_BASE.bar, "text-slate-600 hover:bg-slate-100 hover:text-slate-900"),
  },
  menu: {
    active: cn(NAV_LINK_BASE.menu, "bg-blue-50 text-blue-700"),
    idle: cn(NAV_LINK_BASE.menu, "text-slate-700 hover:bg-slate-50"),
  },
};

/**
 * The main sections, as the wide header bar or as the small-screen menu (with icons): the anchors
 * <NavLink> would render; the enclosing <nav> handles their clicks (app/ui/shell/frame-links.tsx).
 */
function PortalNavLinks({ layout, pathname }: { layout: keyof typeof NAV_LINK_CLASSES; pathname: string }) {
  const { t } = useI18n();
  const classes = NAV_LINK_CLASSES[layout];
  return PORTAL_NAV.map((item) => {
    const isActive = isNavActive(pathname, item.to, item.to === "/");
    return (
      <FrameLink key={item.to} to={item.to} current={isActive} className={isActive ? classes.active : classes.idle}>
        {layout === "menu" ? frameIcon(item.icon, "size-[18px] opacity-80") : null}
        {t(item.label)}
      </FrameLink>
    );
  });
}

/** Sign in and register for a visitor: small buttons in the bar, two wide ones in the menu. */
function GuestLinks({ layout }: { layout: "bar" | "menu" }) {
  const { t } = useI18n();
  const bar = layout === "bar";
  return (
    <>
      {/* Visitors at a fair or on a visit look for 来宾登记 next to sign-in, not in the menus. */}
      <ButtonLink
        to="/guest-registration"
        variant="ghost"
        size={bar ? "sm" : "md"}
        className={bar ? undefined : "basis-full"}
      >
        {t("portal.nav.guestRegistration")}
      </ButtonLink>
      <ButtonLink
        to="/login"
        variant={bar ? "ghost" : "secondary"}
        size={bar ? "sm" : "md"}
        className={bar ? undefined : "flex-1"}
      >
        {t("portal.nav.login")}
      </ButtonLink>
      <ButtonLink to="/register" size={bar ? "sm" : "md"} className={bar ? undefined : "flex-1"}>
        {t("portal.nav.register")}
      </ButtonLink>
    </>
  );
}
