import { Building2, ChevronDown, LogOut, Mail, UserRound } from "lucide-react";
import { useEffect, useRef } from "react";
import { Form, Link, useLocation } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MemberLevel } from "#app/modules/members/member-levels.ts";
import { cn } from "#app/ui/cn.ts";
import { LevelBadge } from "./account-ui.tsx";

/** What the portal layout tells the header about the signed-in member. */
export interface HeaderMember {
  nickname: string;
  level: MemberLevel;
  verificationPending: boolean;
  /** Customers and partners (with verification done, where required) have a customer zone. */
  showZone: boolean;
  unread: number;
}

export function initial(nickname: string): string {
  return Array.from(nickname.trim())[0]?.toUpperCase() ?? "?";
}

export function UnreadBubble({ count, className }: { count: number; className?: string }) {
  if (count <= 0) return null;
  return (
    <span
      aria-hidden
      className={cn(
        "inline-flex min-w-[1.125rem] items-center justify-center rounded-full bg-red-500 px-1 text-[11px] leading-[1.125rem] font-semibold text-white tabular-nums",
        className,
      )}
    >
      {count > 99 ? "99+" : count}
    </span>
  );
}

/** The envelope in the header: straight to the member's messages, with the unread count. */
export function MessagesIconLink({ member }: { member: HeaderMember }) {
  const { t } = useI18n();
  const label =
    member.unread > 0 ? t("portal.member.messagesUnread", { count: member.unread }) : t("portal.member.messages");
  return (
    <Link
      to="/account/messages"
      aria-label={label}
      title={label}
      className="relative flex size-10 items-center justify-center rounded-lg text-slate-600 transition-colors hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600"
    >
      <Mail aria-hidden className="size-5" />
      <UnreadBubble count={member.unread} className="absolute top-1 right-0.5 ring-2 ring-white" />
    </Link>
  );
}

/**
 * The links every signed-in member gets, shared by the desktop menu and the mobile drawer. Sign-out
 * is a plain POST form (a GET link would let any page sign the member out).
 */
export function MemberLinks({ member, variant }: { member: HeaderMember; variant: "menu" | "drawer" }) {
  const { t } = useI18n();
  const item = cn(
    "flex w-full items-center gap-2.5 rounded-md text-left text-slate-700 transition-colors hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-blue-600",
    variant === "menu" ? "px-2.5 py-2 text-sm" : "px-3 py-2.5 text-[15px] font-medium",
  );
  const icon = "size-4 shrink-0 text-slate-400";
  return (
    <>
      <Link to="/account" className={item}>
        <UserRound aria-hidden className={icon} />
        {t("portal.member.account")}
      </Link>
      <Link to="/account/messages" className={item}>
        <Mail aria-hidden className={icon} />
        <span className="flex-1">{t("portal.member.messages")}</span>
        {member.unread > 0 ? (
          <span className="rounded-full bg-blue-600 px-1.5 text-xs leading-5 font-semibold text-white tabular-nums">
            <span aria-hidden>{member.unread > 99 ? "99+" : member.unread}</span>
            <span className="sr-only">{t("portal.member.unread", { count: member.unread })}</span>
          </span>
        ) : null}
      </Link>
      {member.showZone ? (
        <Link to="/zone" className={item}>
          <Building2 aria-hidden className={icon} />
          {t("portal.member.zone")}
        </Link>
      ) : null}
      <div aria-hidden className={cn("h-px bg-slate-100", variant === "menu" ? "my-1" : "my-1.5")} />
      <Form method="post" action="/logout">
        <button type="submit" name="intent" value="sign-out" className={item}>
          <LogOut aria-hidden className={icon} />
          {t("portal.member.signOut")}
        </button>
      </Form>
    </>
  );
}

/** Who is signed in: initial, nickname and level. */
export function MemberIdentity({ member, size = "md" }: { member: HeaderMember; size?: "md" | "lg" }) {
  const { t } = useI18n();
  return (
    <span className="flex min-w-0 items-center gap-3">
      <span
        aria-hidden
        className={cn(
          "flex shrink-0 items-center justify-center rounded-full bg-gradient-to-br from-blue-500 to-blue-700 font-semibold text-white",
          size === "lg" ? "size-10 text-base" : "size-8 text-sm",
        )}
      >
        {initial(member.nickname)}
      </span>
      <span className="min-w-0">
        <span className="block truncate text-sm font-semibold text-slate-900">{member.nickname}</span>
        <span className="mt-0.5 flex flex-wrap items-center gap-1">
          <LevelBadge level={member.level} label={t(`account.level.${member.level}`)} />
          {member.verificationPending ? (
            <span className="text-xs text-amber-700">{t("portal.member.verificationPending")}</span>
          ) : null}
        </span>
      </span>
    </span>
  );
}

/**
 * The desktop member menu: a <details> disclosure, so it opens without JS. Once hydrated it also
 * closes on navigation, on a click elsewhere and on Escape.
 */
export function MemberMenu({ member }: { member: HeaderMember }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDetailsElement>(null);
  const location = useLocation();

  useEffect(() => {
    if (ref.current) ref.current.open = false;
  }, [location.key]);

  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      const details = ref.current;
      if (details?.open && event.target instanceof Node && !details.contains(event.target)) details.open = false;
    };
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, []);

  return (
    <details
      ref={ref}
      className="group relative"
      onKeyDown={(event) => {
        if (event.key === "Escape" && ref.current?.open) {
          ref.current.open = false;
          ref.current.querySelector("summary")?.focus();
        }
      }}
    >
      <summary
        aria-label={t("portal.member.menu", { nickname: member.nickname })}
        className="flex cursor-pointer list-none items-center gap-2 rounded-full py-1 pr-2 pl-1 transition-colors group-open:bg-slate-100 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 [&::-webkit-details-marker]:hidden"
      >
        <span
          aria-hidden
          className="flex size-8 items-center justify-center rounded-full bg-gradient-to-br from-blue-500 to-blue-700 text-sm font-semibold text-white"
        >
          {initial(member.nickname)}
        </span>
        <span aria-hidden className="max-w-32 truncate text-sm font-medium text-slate-800">
          {member.nickname}
        </span>
        <ChevronDown aria-hidden className="size-4 text-slate-400 transition-transform group-open:rotate-180" />
      </summary>
      <div className="absolute top-full right-0 z-50 mt-2 w-72 rounded-xl border border-slate-200 bg-white p-1.5 shadow-xl shadow-slate-900/10">
        <div className="border-b border-slate-100 px-2.5 pt-2 pb-3">
          <MemberIdentity member={member} size="lg" />
        </div>
        <div className="pt-1.5">
          <MemberLinks member={member} variant="menu" />
        </div>
      </div>
    </details>
  );
}
