import type { LucideIcon } from "lucide-react";
import { Link } from "react-router";
import { formatCalendarDate } from "#app/lib/format/dates.ts";
import { formatMoney } from "#app/lib/format/money.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import type { getContactRelated } from "#app/modules/crm/contacts/contact-workspace.server.ts";
import { SectionCard } from "#app/ui/section-card.tsx";
import { LeadStatusBadge } from "#backoffice/components/lead-ui.tsx";
import { StageBadge } from "#backoffice/components/sales-ui.tsx";

// The contact page's related-record tabs (leads, opportunities, service requests, assets): one
// table each, linking to the record's own page; "no access" when the viewer's role may not see that
// kind of record at all.

type Related = NonNullable<Awaited<ReturnType<typeof getContactRelated>>>;

interface Row {
  id: number;
  to: string;
  number: string;
  title: React.ReactNode;
  status: React.ReactNode;
  extra: React.ReactNode;
}

function useRows(data: Related): Row[] {
  const { t, locale } = useI18n();
  switch (data.kind) {
    case "leads":
      return data.leads.map((l) => ({
        id: l.id,
        to: `/crm/leads/${l.id}`,
        number: l.number,
        title: l.companyName ?? "—",
        status: <LeadStatusBadge status={l.status} />,
        extra: `${l.owner.name} · ${formatCalendarDate(l.createdAt, locale)}`,
      }));
    case "opportunities":
      return data.opportunities.map((o) => ({
        id: o.id,
        to: `/crm/opportunities/${o.id}`,
        number: o.number,
        title: o.name,
        status: <StageBadge stage={o.stage} />,
        extra: `${formatMoney(o.amount, locale)} · ${o.owner.name}`,
      }));
    case "service":
      return data.requests.map((r) => ({
        id: r.id,
        to: `/crm/service/${r.id}`,
        number: r.number,
        title: r.subject,
        status: t(`service.status.${r.status}`),
        extra: formatCalendarDate(r.createdAt, locale),
      }));
    case "assets":
      return data.assets.map((a) => ({
        id: a.id,
        to: `/crm/assets/${a.id}`,
        number: a.number,
        title: a.name,
        status: t(`zones.asset.status.${a.status}`),
        extra: a.model ?? "",
      }));
  }
}

export function ContactRelated({
  data,
  icon,
  title,
  hint,
}: {
  data: Related;
  icon: LucideIcon;
  title: MessageKey;
  hint?: MessageKey;
}) {
  const { t } = useI18n();
  const rows = useRows(data);
  return (
    <SectionCard icon={icon} title={t(title)} description={hint ? t(hint) : undefined}>
      {!data.allowed ? (
        <p className="text-sm text-slate-500">{t("contacts.related.noAccess")}</p>
      ) : rows.length === 0 ? (
        <p className="text-sm text-slate-400">{t("contacts.related.none")}</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {rows.map((r) => (
            <li key={r.id} className="flex flex-wrap items-center justify-between gap-2 py-2.5 text-sm">
              <div className="min-w-0">
                <Link to={r.to} className="font-medium text-blue-700 hover:underline">
                  {r.title}
                </Link>
                <p className="font-mono text-xs text-slate-400">{r.number}</p>
              </div>
              <div className="flex items-center gap-3 text-slate-600">
                <span className="text-xs">{r.extra}</span>
                {r.status}
              </div>
            </li>
          ))}
        </ul>
      )}
    </SectionCard>
  );
}
