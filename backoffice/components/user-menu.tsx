import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { ChevronDown, LogOut, MonitorSmartphone, Plane, ShieldCheck, Users } from "lucide-react";
import { Form, Link } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { Badge } from "#app/ui/badge.tsx";
import { frameIcon } from "#app/ui/shell/frame-icon.ts";
import { Avatar } from "./avatar.tsx";
import type { ShellUser } from "./types.ts";

const ITEM =
  "flex w-full cursor-pointer items-center gap-2.5 rounded-md px-2.5 py-2 text-sm text-slate-700 outline-none select-none data-[highlighted]:bg-slate-100 data-[highlighted]:text-slate-900";

// The two ways out: this session only, or every session of the account (POST /crm/logout).
const SIGN_OUTS = [
  { intent: "sign-out", icon: LogOut, label: "common.signOut" },
  { intent: "sign-out-everywhere", icon: MonitorSmartphone, label: "backoffice.user.signOutEverywhere" },
] as const;

export function UserMenu({ user }: { user: ShellUser }) {
  const { t } = useI18n();
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger
        aria-label={t("backoffice.user.menu", { name: user.name })}
        className="flex items-center gap-2.5 rounded-full py-1 pr-2 pl-1 text-left transition-colors hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 data-[state=open]:bg-slate-100 sm:rounded-lg"
      >
        <Avatar name={user.name} />
        <span className="hidden min-w-0 flex-col leading-tight sm:flex">
          <span className="max-w-40 truncate text-sm font-medium text-slate-900">{user.name}</span>
          <span className="max-w-40 truncate text-xs text-slate-500">{user.team ?? t("backoffice.user.noTeam")}</span>
        </span>
        {frameIcon(ChevronDown, "hidden size-4 text-slate-400 sm:block")}
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="end"
          sideOffset={8}
          className="z-50 w-72 rounded-xl border border-slate-200 bg-white p-1.5 shadow-xl shadow-slate-900/10"
        >
          <div className="flex items-center gap-3 px-2.5 pt-2 pb-3">
            <Avatar name={user.name} className="size-10 text-base" />
            <div className="min-w-0 flex-1">
              <p className="flex items-center gap-2 text-sm font-semibold text-slate-900">
                <span className="truncate">{user.name}</span>
                {user.isAdmin ? <Badge tone="violet">{t("backoffice.user.admin")}</Badge> : null}
              </p>
              <p className="truncate text-xs text-slate-500">{user.email}</p>
            </div>
          </div>
          <div className="space-y-2.5 rounded-lg bg-slate-50 px-2.5 py-2.5 text-xs">
            <div className="flex items-center gap-2 text-slate-600">
              <Users aria-hidden className="size-3.5 text-slate-400" />
              <span className="text-slate-500">{t("backoffice.user.team")}</span>
              <span className="ml-auto truncate font-medium text-slate-700">
                {user.team ?? t("backoffice.user.noTeam")}
              </span>
            </div>
            <div className="flex items-start gap-2 text-slate-600">
              <ShieldCheck aria-hidden className="mt-0.5 size-3.5 text-slate-400" />
              <span className="mt-0.5 shrink-0 text-slate-500">{t("backoffice.user.roles")}</span>
              <span className="ml-auto flex flex-wrap justify-end gap-1">
                {user.roleNames.map((role) => (
                  <Badge key={role} tone="blue">
                    {role}
                  </Badge>
                ))}
                {user.roleNames.length === 0 ? (
                  <span className="text-slate-400">{t("backoffice.user.noRoles")}</span>
                ) : null}
              </span>
            </div>
          </div>
          <DropdownMenu.Separator className="my-1.5 h-px bg-slate-100" />
          {/* Own away status (the lead rotation skips away staff); the page sets it, or ends it. */}
          <DropdownMenu.Item asChild>
            <Link to="/crm/me/away" className={ITEM}>
              <Plane aria-hidden className="size-4 text-slate-400" />
              {t(user.away ? "adminStaff.away.back" : "adminStaff.away.menu")}
              {user.away ? <Badge tone="amber">{t("adminStaff.away.current")}</Badge> : null}
            </Link>
          </DropdownMenu.Item>
          <Form method="post" action="/crm/logout">
            {/* preventDefault keeps the menu (and so this form) mounted until the browser submits it. */}
            {SIGN_OUTS.map(({ intent, icon: Icon, label }) => (
              <DropdownMenu.Item key={intent} asChild onSelect={(event) => event.preventDefault()}>
                <button type="submit" name="intent" value={intent} className={ITEM}>
                  <Icon aria-hidden className="size-4 text-slate-400" />
                  {t(label)}
                </button>
              </DropdownMenu.Item>
            ))}
          </Form>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
