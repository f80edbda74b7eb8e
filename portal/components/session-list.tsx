import { LogOut, Monitor, Smartphone } from "lucide-react";
import type { ReactNode } from "react";
import { formatMoment } from "#app/lib/format/dates.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { SessionRow } from "#app/modules/members/member-sessions.server.ts";
import { Badge } from "#app/ui/badge.tsx";
import { IntentButton } from "#app/ui/form/intent-button.tsx";
import { IconChip } from "#portal/components/icon-chip.tsx";

type SessionItem = Omit<SessionRow, "createdAt" | "lastVerifiedAt"> & {
  createdAt: Date | string;
  lastVerifiedAt: Date | string;
};

/** The member's signed-in devices, this one first; each other device can be signed out. */
export function SessionList({ sessions }: { sessions: readonly SessionItem[] }) {
  const { t, locale } = useI18n();
  return (
    <ul className="divide-y divide-slate-100">
      {sessions.map((session) => {
        const device =
          [session.device.browser, session.device.os].filter(Boolean).join(" · ") ||
          t("account.security.sessions.unknownDevice");
        const Icon = session.device.os === "iOS" || session.device.os === "Android" ? Smartphone : Monitor;
        return (
          <li key={session.id} className="flex flex-wrap items-center gap-x-4 gap-y-2 px-5 py-4 text-sm">
            <IconChip icon={Icon} className="size-9 rounded-lg bg-slate-100 text-slate-600" iconClassName="size-4" />
            <div className="min-w-0 flex-1">
              <p className="flex flex-wrap items-center gap-2 font-medium text-slate-900">
                {device}
                {session.current ? <Badge tone="green">{t("account.security.sessions.current")}</Badge> : null}
              </p>
              <p className="mt-0.5 text-xs leading-5 text-slate-500">
                <MetaItem>
                  {t("account.security.sessions.signedInAt", { time: formatMoment(session.createdAt, locale) })}
                </MetaItem>
                <MetaItem>
                  {t("account.security.sessions.lastActive", { time: formatMoment(session.lastVerifiedAt, locale) })}
                </MetaItem>
                {session.ipAddress ? (
                  <MetaItem>{t("account.security.sessions.ip", { ip: session.ipAddress })}</MetaItem>
                ) : null}
              </p>
            </div>
            {session.current ? null : (
              <IntentButton
                intent="sign-out-session"
                field={{ name: "sessionId", value: session.id }}
                variant="ghost"
                aria-label={t("account.security.sessions.signOutLabel", { device })}
                icon={LogOut}
              >
                {t("account.security.sessions.signOut")}
              </IntentButton>
            )}
          </li>
        );
      })}
    </ul>
  );
}

function MetaItem({ children }: { children: ReactNode }) {
  return <span className="mr-3 inline-block">{children}</span>;
}
