import { LogOut } from "lucide-react";
import { Form, Link, useLocation } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { cn } from "#app/ui/cn.ts";
import { Logo } from "#app/ui/logo.tsx";
import { frameIcon } from "#app/ui/shell/frame-icon.ts";
import { FrameLink, isNavActive, useFrameLinkClick } from "#app/ui/shell/frame-links.tsx";
import { Avatar } from "./avatar.tsx";
import type { NavGroup } from "./nav.ts";
import type { ShellUser } from "./types.ts";

/** Navigation groups; shared by the fixed desktop sidebar and the mobile drawer. */
export function SidebarNav({ groups }: { groups: NavGroup[] }) {
  const { t } = useI18n();
  // One location read and one click handler for the whole list instead of a <NavLink> per entry
  // (the same anchors, app/ui/shell/frame-links.tsx; decision 064).
  const { pathname } = useLocation();
  const onClick = useFrameLinkClick();
  return (
    <nav aria-label={t("backoffice.nav.label")} className="flex flex-col gap-3" onClick={onClick}>
      {groups.map((group, index) => (
        <div key={group.label ?? index}>
          {group.label ? (
            <p className="mb-1 px-3 text-[11px] leading-4 font-semibold tracking-[0.08em] text-slate-500 uppercase">
              {t(group.label)}
            </p>
          ) : null}
          <ul className="flex flex-col gap-0.5">
            {group.items.map((item) => {
              const isActive = isNavActive(pathname, item.to, item.end);
              return (
                <li key={item.to}>
                  <FrameLink to={item.to} current={isActive} className={isActive ? ITEM_ACTIVE : ITEM_IDLE}>
                    {isActive ? (
                      <span
                        aria-hidden
                        className="absolute top-1.5 bottom-1.5 -left-3 w-1 rounded-r-full bg-blue-500"
                      />
                    ) : null}
                    {frameIcon(item.icon, isActive ? ICON_ACTIVE : ICON_IDLE)}
                    <span className="min-w-0 flex-1 truncate">{t(item.label)}</span>
                    {item.badge ? (
                      <span className="ml-auto shrink-0 rounded-full bg-blue-500 px-1.5 text-[11px] leading-[18px] font-semibold text-white tabular-nums">
                        <span aria-hidden>{item.badge > 99 ? "99+" : item.badge}</span>
                        <span className="sr-only">
                          {t(item.badgeLabel ?? "backoffice.nav.unread", { count: item.badge })}
                        </span>
                      </span>
                    ) : null}
                  </FrameLink>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </nav>
  );
}

// The entries' classes, worked out once (cn() on each of ~30 entries per render otherwise).
const ITEM = "group relative flex items-center gap-3 rounded-lg px-3 py-1.5 text-sm font-medium transition-colors";
const ITEM_ACTIVE = cn(ITEM, "bg-white/[0.08] text-white");
const ITEM_IDLE = cn(ITEM, "text-slate-400 hover:bg-white/[0.04] hover:text-slate-100");
const ICON_ACTIVE = cn("size-[18px] shrink-0", "text-blue-400");
const ICON_IDLE = cn("size-[18px] shrink-0", "text-slate-500 group-hover:text-slate-300");

/**
 * Full sidebar content: brand, navigation, and a footer with the signed-in user and a sign-out
 * button. The button is a plain form so signing out also works before the page is hydrated.
 */
export function SidebarContent({
  groups,
  user,
  brand,
}: {
  groups: NavGroup[];
  user: ShellUser;
  /** 本公司's uploaded logo and name (/crm/admin/company); the product's logo without one. */
  brand?: { logoUrl: string | null; name: string | null };
}) {
  const { t } = useI18n();
  return (
    <div className="flex h-full flex-col">
      <div className="flex h-16 shrink-0 items-center px-5 lg:h-14">
        <Link
          to="/crm"
          className="rounded-lg focus-visible:outline-2 focus-visible:outline-offset-4 focus-visible:outline-blue-500"
        >
          {brand?.logoUrl ? (
            <span className="inline-flex items-center gap-2.5">
              <img
                src={brand.logoUrl}
                alt={brand.name ?? t("app.name")}
                className="h-8 w-auto max-w-[9rem] rounded bg-white object-contain p-0.5"
              />
              <span className="text-xs font-medium text-slate-400">{t("app.name")}</span>
            </span>
          ) : (
            <Logo tone="dark" />
          )}
        </Link>
      </div>
      <div className="flex-1 [scrollbar-width:thin] [scrollbar-color:rgb(51_65_85)_transparent] overflow-y-auto px-3 pt-1 pb-3">
        <SidebarNav groups={groups} />
      </div>
      <div className="shrink-0 border-t border-white/5 p-2">
        <div className="flex items-center gap-3 rounded-lg px-3 py-2">
          <Avatar name={user.name} />
          <div className="min-w-0 flex-1">
            <p className="truncate text-sm font-medium text-slate-100">{user.name}</p>
            <p className="truncate text-xs text-slate-500">{user.team ?? t("backoffice.user.noTeam")}</p>
          </div>
          <Form method="post" action="/crm/logout">
            <button
              type="submit"
              name="intent"
              value="sign-out"
              aria-label={t("common.signOut")}
              title={t("common.signOut")}
              className="flex size-8 items-center justify-center rounded-md text-slate-400 transition-colors hover:bg-white/10 hover:text-white focus-visible:outline-2 focus-visible:outline-blue-500"
            >
              {frameIcon(LogOut, "size-4")}
            </button>
          </Form>
        </div>
      </div>
    </div>
  );
}
