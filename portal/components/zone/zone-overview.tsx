import { Megaphone, type LucideIcon } from "lucide-react";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { AnnouncementRow } from "#app/ui/announcement-row.tsx";
import { ArrowLink } from "#app/ui/arrow-link.tsx";
import { Card, CardHeader } from "#app/ui/card.tsx";
import { CardRows } from "#app/ui/card-rows.tsx";
import { IconChip } from "#portal/components/icon-chip.tsx";

// Building blocks of the zone home: the stat tiles, the announcements band and the preview cards
// (a few rows and a link to the full list).

export interface ZoneStat {
  label: string;
  value: number;
  icon: LucideIcon;
  to: string;
}

export function ZoneStats({ stats }: { stats: ZoneStat[] }) {
  return (
    <ul className="grid grid-cols-2 gap-3 lg:grid-cols-4">
      {stats.map((s) => (
        <li key={s.to}>
          <Link
            to={s.to}
            className="flex items-center gap-3 rounded-xl border border-slate-200/80 bg-white px-4 py-3.5 shadow-sm transition-colors hover:border-blue-200 hover:bg-blue-50/40"
          >
            <IconChip icon={s.icon} className="size-9 rounded-lg bg-blue-50 text-blue-600" iconClassName="size-4" />
            <span className="min-w-0">
              <span className="block text-xl font-semibold text-slate-900 tabular-nums">{s.value}</span>
              <span className="block truncate text-xs text-slate-500">{s.label}</span>
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

export function ZoneAnnouncements({
  items,
}: {
  items: ReadonlyArray<{ id: number; title: string; body: string; createdAt: string }>;
}) {
  const { t } = useI18n();
  if (items.length === 0) return null;
  return (
    <Card className="border-amber-200/80 bg-amber-50/40">
      <CardHeader icon={<Megaphone aria-hidden className="size-4" />} title={t("zones.home.announcements")} />
      <ul className="divide-y divide-amber-100">
        {items.map((a) => (
          <AnnouncementRow key={a.id} announcement={a} />
        ))}
      </ul>
    </Card>
  );
}

export interface PreviewRow {
  key: number;
  to: string;
  title: string;
  meta: ReactNode;
  aside?: ReactNode;
}

/** A card with up to a handful of rows and a link to the whole list; `empty` when there are none. */
export function PreviewCard({
  icon: Icon,
  title,
  description,
  allTo,
  empty,
  rows,
}: {
  icon: LucideIcon;
  title: string;
  description?: string;
  allTo: string;
  empty: string;
  rows: PreviewRow[];
}) {
  const { t } = useI18n();
  return (
    <Card>
      <CardHeader
        icon={<Icon aria-hidden className="size-4" />}
        title={title}
        description={description}
        action={<ArrowLink to={allTo}>{t("zones.home.all")}</ArrowLink>}
      />
      <CardRows items={rows} empty={empty}>
        {(row) => (
          <li key={row.key}>
            <Link to={row.to} className="flex items-center gap-3 px-5 py-3 hover:bg-slate-50">
              <span className="min-w-0 flex-1">
                <span className="block truncate text-sm font-medium text-slate-900">{row.title}</span>
                <span className="block truncate text-xs text-slate-500">{row.meta}</span>
              </span>
              {row.aside}
            </Link>
          </li>
        )}
      </CardRows>
    </Card>
  );
}
