import {
  ArrowUpRight,
  CalendarDays,
  ChevronRight,
  ExternalLink,
  Inbox,
  MessageSquareText,
  type LucideIcon,
} from "lucide-react";
import { Link, useLoaderData, type LoaderFunctionArgs } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { db } from "#app/lib/db.server.ts";
import { DISPLAY_TIME_ZONE } from "#app/lib/format/dates.ts";
import { can, MODULES, type Module } from "#app/modules/auth/permissions.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { countUnseenNewLeads } from "#app/modules/leads/record/lead-queries.server.ts";
import { countUnreadForStaff } from "#app/modules/messages/message-counts.server.ts";
import { Card } from "#app/ui/card.tsx";
import { SectionCard } from "#app/ui/section-card.tsx";
import { cn } from "#app/ui/cn.ts";
import { titleMeta } from "#app/ui/meta.ts";
import { MODULE_ICONS, moduleName } from "#backoffice/components/nav.ts";

// Our users work on China time; greeting and date use it on the server and the client alike,
// so the rendered page and the hydrated page always agree.
const TIME_ZONE = DISPLAY_TIME_ZONE;

type Period = "morning" | "noon" | "afternoon" | "evening";

function periodOf(date: Date): Period {
  const hour = Number(
    new Intl.DateTimeFormat("en-US", { hour: "numeric", hourCycle: "h23", timeZone: TIME_ZONE }).format(date),
  );
  if (hour >= 5 && hour < 11) return "morning";
  if (hour >= 11 && hour < 13) return "noon";
  if (hour >= 13 && hour < 18) return "afternoon";
  return "evening";
}

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireStaffActor(request, "signedIn");
  const now = new Date();
  const [newLeads, unread] = await Promise.all([
    can(actor, "leads", "browse") ? countUnseenNewLeads(db, actor.staffId) : null,
    can(actor, "members", "browse") ? countUnreadForStaff(db, actor.staffId) : null,
  ]);
  return {
    name: actor.name,
    modules: MODULES.filter((m) => can(actor, m, "browse")),
    now: now.toISOString(),
    period: periodOf(now),
    // null: not available to this user — the card is not shown.
    figures: { newLeads, unread } as Record<KpiKey, number | null>,
  };
}

export const meta = titleMeta("backoffice.dashboard.title");

// Only figures the dashboard really loads get a card: a card promising data "later" reads as broken.
type KpiKey = "newLeads" | "unread";

const KPIS: ReadonlyArray<{ key: KpiKey; to: string; label: MessageKey; icon: LucideIcon; tint: string }> = [
  {
    key: "newLeads",
    to: "/crm/leads",
    label: "common.myNewLeads",
    icon: Inbox,
    tint: "bg-blue-50 text-blue-600 ring-blue-100",
  },
  {
    key: "unread",
    to: "/crm/messages",
    label: "backoffice.dashboard.kpi.unread",
    icon: MessageSquareText,
    tint: "bg-violet-50 text-violet-600 ring-violet-100",
  },
];

// The modules most people jump to from home, in priority order; only permitted ones are shown.
const QUICK: readonly Module[] = [
  "leads",
  "opportunities",
  "contacts",
  "service",
  "knowledge",
  "companies",
  "campaigns",
];

export default function Dashboard() {
  const { name, modules, now, period, figures } = useLoaderData<typeof loader>();
  const { locale, t } = useI18n();
  const today = new Intl.DateTimeFormat(locale, { dateStyle: "full", timeZone: TIME_ZONE }).format(new Date(now));
  const quick = QUICK.filter((m) => modules.includes(m)).slice(0, 5);
  const kpis = KPIS.filter((kpi) => figures[kpi.key] !== null);

  return (
    <div className="space-y-8">
      <header className="flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
        <div>
          <p className="flex items-center gap-2 text-sm font-medium text-slate-500">
            <CalendarDays aria-hidden className="size-4 text-slate-400" />
            <time dateTime={now.slice(0, 10)}>{today}</time>
          </p>
          <h1 className="mt-2 text-2xl font-semibold tracking-tight text-slate-900 sm:text-[28px] sm:leading-9">
            {t(`backoffice.dashboard.greeting.${period}`, { name })}
          </h1>
          <p className="mt-1.5 text-[15px] text-slate-500">{t("backoffice.dashboard.subtitle")}</p>
        </div>
      </header>

      {kpis.length > 0 ? (
        <ul className="grid grid-cols-2 gap-3 sm:gap-4 xl:grid-cols-4">
          {kpis.map((kpi) => (
            <li key={kpi.label}>
              <Card className="flex h-full flex-col p-4 sm:p-5">
                <div className="flex items-start justify-between gap-3">
                  <p className="text-sm font-medium text-slate-600">{t(kpi.label)}</p>
                  <span className={cn("flex size-9 items-center justify-center rounded-lg ring-1", kpi.tint)}>
                    <kpi.icon aria-hidden className="size-[18px]" />
                  </span>
                </div>
                <p className="mt-auto pt-3 text-3xl font-semibold tracking-tight text-slate-900 tabular-nums">
                  {figures[kpi.key]}
                </p>
                <Link
                  to={kpi.to}
                  className="mt-3 flex items-center gap-1.5 border-t border-slate-100 pt-3 text-xs font-medium text-blue-700 hover:underline"
                >
                  {t("backoffice.dashboard.kpi.open")}
                </Link>
              </Card>
            </li>
          ))}
        </ul>
      ) : null}

      <SectionCard
        flush
        icon={ArrowUpRight}
        title={t("backoffice.dashboard.quick.title")}
        description={t("backoffice.dashboard.quick.subtitle")}
      >
        <ul className="grid grid-cols-1 gap-x-2 p-2 md:grid-cols-2">
          {quick.map((m) => (
            <li key={m}>
              <QuickLink
                to={`/crm/${m}`}
                icon={MODULE_ICONS[m]}
                title={t(moduleName(m))}
                body={t(`backoffice.module.${m}.summary`)}
              />
            </li>
          ))}
          {quick.length === 0 ? (
            <li className="px-3 py-2.5 text-sm text-slate-500">{t("backoffice.dashboard.quick.none")}</li>
          ) : null}
          <li>
            {/* A new tab, so staff keep their place in the back office. */}
            <QuickLink
              to="/"
              external
              icon={ExternalLink}
              title={t("backoffice.dashboard.quick.portal")}
              body={t("backoffice.dashboard.quick.portalBody")}
            />
          </li>
        </ul>
      </SectionCard>
    </div>
  );
}

const QUICK_LINK_CLASS = "group flex items-center gap-3 rounded-lg px-3 py-2.5 transition-colors hover:bg-slate-50";

/** A row of the quick links: icon, title, one line of summary, chevron. */
function QuickLink(props: { to: string; external?: boolean; icon: LucideIcon; title: string; body: string }) {
  const content = (
    <>
      <span className="flex size-9 shrink-0 items-center justify-center rounded-lg bg-slate-100 text-slate-600 transition-colors group-hover:bg-blue-50 group-hover:text-blue-600">
        <props.icon aria-hidden className="size-[18px]" />
      </span>
      <span className="min-w-0 flex-1">
        <span className="block text-sm font-medium text-slate-900">{props.title}</span>
        <span className="block truncate text-xs text-slate-500">{props.body}</span>
      </span>
      <ChevronRight
        aria-hidden
        className="size-4 shrink-0 text-slate-300 transition-transform group-hover:translate-x-0.5 group-hover:text-slate-500"
      />
    </>
  );
  return props.external ? (
    <a href={props.to} target="_blank" rel="noreferrer" className={QUICK_LINK_CLASS}>
      {content}
    </a>
  ) : (
    <Link to={props.to} className={QUICK_LINK_CLASS}>
      {content}
    </Link>
  );
}
