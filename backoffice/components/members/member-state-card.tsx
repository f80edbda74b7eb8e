import { BadgeCheck, ShieldCheck } from "lucide-react";
import type { MemberStatus } from "#app/generated/prisma/enums.ts";
import { formatDateTime, type DateValue } from "#app/lib/format/dates.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { SectionCard } from "#app/ui/section-card.tsx";
import { cn } from "#app/ui/cn.ts";

// The account's state beside every tab of the member page: verification, suspension, closure.

export interface MemberState {
  status: MemberStatus;
  realNameVerifiedAt: DateValue | null;
  verifiedByName: string | null;
  suspendedUntil: DateValue | null;
  suspensionReason: string | null;
}

export function MemberStateCard({ member }: { member: MemberState }) {
  const { t, locale } = useI18n();
  return (
    <SectionCard icon={ShieldCheck} title={t("memberAdmin.state.title")} bodyClassName="space-y-3 text-sm">
      <p className={cn("flex items-start gap-2", member.realNameVerifiedAt ? "text-emerald-700" : "text-slate-500")}>
        <BadgeCheck className="mt-0.5 size-4 shrink-0" aria-hidden />
        {member.realNameVerifiedAt
          ? t("memberAdmin.state.verifiedBy", {
              name: member.verifiedByName ?? t("memberAdmin.audit.unknownActor"),
              date: formatDateTime(member.realNameVerifiedAt, locale),
            })
          : t("memberAdmin.state.notVerified")}
      </p>
      {member.status === "suspended" ? (
        <div className="rounded-lg bg-red-50 px-3 py-2 text-red-800">
          <p className="font-medium">
            {member.suspendedUntil
              ? t("memberAdmin.state.suspendedUntil", { date: formatDateTime(member.suspendedUntil, locale) })
              : t("memberAdmin.state.suspendedOpen")}
          </p>
          {member.suspensionReason ? (
            <p className="mt-1">{t("memberAdmin.state.suspendedReason", { reason: member.suspensionReason })}</p>
          ) : null}
        </div>
      ) : null}
      {member.status === "terminated" ? (
        <p className="rounded-lg bg-slate-100 px-3 py-2 text-slate-700">{t("memberAdmin.state.terminated")}</p>
      ) : null}
      {member.status === "deregistered" ? (
        <p className="rounded-lg bg-slate-100 px-3 py-2 text-slate-700">{t("memberAdmin.state.deregistered")}</p>
      ) : null}
    </SectionCard>
  );
}
