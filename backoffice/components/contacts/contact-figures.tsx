import { formatDateTime } from "#app/lib/format/dates.ts";
import { formatMoney } from "#app/lib/format/money.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { ContactFigures } from "#app/modules/crm/contacts/contact-workspace.server.ts";

// The contact page's key figures: open opportunities, won this year, open service requests, last
// contact. A figure of a module the viewer may not browse reads "no access" rather than a zero.

export function ContactKeyFigures({ figures }: { figures: ContactFigures }) {
  const { t, locale } = useI18n();
  const noAccess = t("contacts.figures.noAccess");
  const items = [
    { label: t("contacts.figures.openOpportunities"), value: figures.openOpportunities ?? noAccess },
    {
      label: t("contacts.figures.wonThisYear"),
      value: figures.wonThisYear === null ? noAccess : formatMoney(figures.wonThisYear, locale),
    },
    { label: t("contacts.figures.openRequests"), value: figures.openRequests ?? noAccess },
    {
      label: t("contacts.figures.lastActivity"),
      value: figures.lastActivityAt ? formatDateTime(figures.lastActivityAt, locale) : t("contacts.figures.never"),
    },
  ];
  return (
    <dl aria-label={t("contacts.figures.label")} className="grid grid-cols-2 gap-3 lg:grid-cols-4">
      {items.map((s) => (
        <div key={s.label} className="rounded-xl border border-slate-200 bg-white px-4 py-3 shadow-sm">
          <dt className="text-xs text-slate-500">{s.label}</dt>
          <dd className="mt-1 text-lg font-semibold text-slate-900 tabular-nums">{s.value}</dd>
        </div>
      ))}
    </dl>
  );
}
