import {
  BookOpenCheck,
  Building2,
  ClipboardList,
  Clock,
  FileSignature,
  LogOut,
  Package,
  Send,
  UserPlus,
} from "lucide-react";
import type { LucideIcon } from "lucide-react";
import type { ReactNode } from "react";
import { Form, useNavigation } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { Button } from "#app/ui/button.tsx";
import { Card } from "#app/ui/card.tsx";
import type { MembershipStatusValue } from "#app/ui/service/labels.tsx";
import { cn } from "#app/ui/cn.ts";
import { IconChip } from "#portal/components/icon-chip.tsx";
import { PageHero } from "#portal/components/page-hero.tsx";

// The join page's pieces: the hero with the member's company, the state of their entry (no zone yet /
// waiting for both confirmations / ask to join) and what the zone offers.

export interface JoinMembership {
  status: MembershipStatusValue;
  createdAt: string;
  customerConfirmed: boolean;
  staffConfirmed: boolean;
}

const PENDING: ReadonlySet<MembershipStatusValue> = new Set(["requested", "customer_confirmed", "staff_confirmed"]);

export function JoinHero({ companyName, badge }: { companyName: string | null; badge: ReactNode }) {
  const { t } = useI18n();
  return (
    <PageHero
      icon={Building2}
      eyebrow={t("zones.nav.eyebrow")}
      badge={badge}
      title={t("zones.join.title")}
      lead={t("zones.join.lead")}
    >
      <div className="mt-6 inline-flex max-w-full items-start gap-3 rounded-xl border border-slate-200 bg-white/80 px-4 py-3 text-sm shadow-sm">
        <Building2 aria-hidden className="mt-0.5 size-4 shrink-0 text-slate-400" />
        {companyName ? (
          <p className="min-w-0">
            <span className="text-slate-500">{t("common.company")}</span>
            <span className="ml-2 font-semibold break-words text-slate-900">{companyName}</span>
          </p>
        ) : (
          <p className="min-w-0 text-slate-600">{t("zones.join.noCompany")}</p>
        )}
      </div>
    </PageHero>
  );
}

function StateRow({ icon, tone, children }: { icon: LucideIcon; tone: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-4 sm:flex-row sm:items-start">
      <IconChip icon={icon} className={cn("size-10 rounded-full ring-1", tone)} />
      {children}
    </div>
  );
}

function IntentButton({
  intent,
  variant,
  icon: Icon,
  children,
}: {
  intent: string;
  variant?: "ghost";
  icon: LucideIcon;
  children: ReactNode;
}) {
  const busy = useNavigation().state !== "idle";
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} />
      <Button type="submit" variant={variant} size={variant ? "sm" : "md"} disabled={busy}>
        <Icon aria-hidden className="size-4" />
        {children}
      </Button>
    </Form>
  );
}

/** Where the member's entry stands, with the one action that fits (ask to join, or withdraw). */
export function JoinState({ zoneName, membership }: { zoneName: string | null; membership: JoinMembership | null }) {
  const { t } = useI18n();
  if (zoneName === null) {
    return (
      <StateRow icon={Clock} tone="bg-slate-100 text-slate-500 ring-slate-100">
        <div>
          <h2 className="font-semibold text-slate-900">{t("zones.join.noZone.title")}</h2>
          <p className="mt-1 text-sm leading-6 text-slate-600">{t("zones.join.noZone.body")}</p>
        </div>
      </StateRow>
    );
  }
  if (membership && PENDING.has(membership.status)) {
    return (
      <StateRow icon={Clock} tone="bg-amber-50 text-amber-600 ring-amber-100">
        <div className="min-w-0 flex-1">
          <h2 className="font-semibold text-slate-900">{t("zones.join.pending.title", { zone: zoneName })}</h2>
          <p className="mt-1 text-sm text-slate-600">{t("zones.join.pending.body", { date: membership.createdAt })}</p>
          <ol className="mt-4 grid gap-2 sm:grid-cols-2">
            <ConfirmStep done={membership.customerConfirmed} label={t("zones.join.step.customer")} />
            <ConfirmStep done={membership.staffConfirmed} label={t("zones.join.step.staff")} />
          </ol>
        </div>
        <IntentButton intent="withdraw" variant="ghost" icon={LogOut}>
          {t("zones.join.withdraw")}
        </IntentButton>
      </StateRow>
    );
  }
  const body: MessageKey =
    membership?.status === "declined"
      ? "zones.join.ask.declined"
      : membership?.status === "removed"
        ? "zones.join.ask.removed"
        : "zones.join.ask.body";
  return (
    <StateRow icon={UserPlus} tone="bg-blue-50 text-blue-600 ring-blue-100">
      <div className="min-w-0 flex-1 sm:self-center">
        <h2 className="font-semibold text-slate-900">{t("zones.join.ask.title", { zone: zoneName })}</h2>
        <p className="mt-1 text-sm leading-6 text-slate-600">{t(body)}</p>
      </div>
      <div className="sm:self-center">
        <IntentButton intent="join" icon={Send}>
          {t("zones.join.ask.submit")}
        </IntentButton>
      </div>
    </StateRow>
  );
}

function ConfirmStep({ done, label }: { done: boolean; label: string }) {
  const { t } = useI18n();
  return (
    <li className="flex items-center gap-2 rounded-lg border border-slate-200 px-3 py-2 text-sm">
      <span
        aria-hidden
        className={done ? "size-2.5 rounded-full bg-emerald-500" : "size-2.5 rounded-full bg-slate-300"}
      />
      <span className="flex-1 text-slate-700">{label}</span>
      <span className={done ? "text-xs font-medium text-emerald-700" : "text-xs text-slate-500"}>
        {done ? t("zones.join.step.done") : t("zones.join.step.waiting")}
      </span>
    </li>
  );
}

const OFFERS: ReadonlyArray<{ icon: LucideIcon; title: MessageKey; body: MessageKey }> = [
  { icon: ClipboardList, title: "zones.home.requests", body: "zones.join.preview.requests" },
  { icon: Package, title: "zones.home.assets", body: "zones.join.preview.assets" },
  { icon: FileSignature, title: "zones.home.contracts", body: "zones.join.preview.contracts" },
  { icon: BookOpenCheck, title: "zones.home.solutions", body: "zones.join.preview.solutions" },
];

/** What a member finds inside: requests, assets, contracts, solutions. */
export function ZoneOffers() {
  const { t } = useI18n();
  return (
    <ul className="grid gap-4 sm:grid-cols-2">
      {OFFERS.map((card) => (
        <li key={card.title}>
          <Card className="flex h-full flex-col p-5 sm:p-6">
            <IconChip icon={card.icon} className="size-10 rounded-lg bg-slate-100 text-slate-500" />
            <h2 className="mt-4 text-base font-semibold text-slate-900">{t(card.title)}</h2>
            <p className="mt-1.5 text-sm leading-6 text-slate-600">{t(card.body)}</p>
          </Card>
        </li>
      ))}
    </ul>
  );
}
