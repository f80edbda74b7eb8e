import { FileText } from "lucide-react";
import { Link, useLoaderData, type LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { isoDay } from "#app/modules/quotes/quote-dates.ts";
import { fenMoney } from "#app/modules/quotes/quote-format.ts";
import { listZoneQuotes } from "#app/modules/quotes/quote-zone.server.ts";
import { requireZoneAccess } from "#app/modules/zones/zone-access.server.ts";
import { EmptyCard } from "#app/ui/empty-card.tsx";
import { titleMeta } from "#app/ui/meta.ts";
import { QuoteStatusBadge } from "#app/ui/quotes/quote-parts.tsx";
import { AccountPageHeader } from "#portal/components/account-ui.tsx";
import { ShellErrorBoundary } from "#portal/components/shell-error-boundary.tsx";
import { ZoneShell } from "#portal/components/zone-ui.tsx";

// 报价单 in the customer's zone: the quotes published to the member's company, newest first.

export async function loader({ request }: LoaderFunctionArgs) {
  const context = await requireZoneAccess(request);
  const rows = await listZoneQuotes(db, context.zone.companyId);
  return {
    zone: { name: context.zone.name },
    rows: rows.map((q) => ({ ...q, validUntil: isoDay(q.validUntil) })),
  };
}

export const meta = titleMeta("quotes.zone.title");

export default function ZoneQuotes() {
  const d = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();
  return (
    <ZoneShell zoneName={d.zone.name}>
      <AccountPageHeader title={t("quotes.zone.title")} description={t("quotes.zone.hint")} />
      {d.rows.length === 0 ? (
        <EmptyCard icon={FileText} title={t("quotes.zone.empty")} description={t("quotes.zone.emptyHint")} />
      ) : (
        <ul className="grid gap-4 md:grid-cols-2">
          {d.rows.map((q) => (
            <li key={q.id}>
              <Link
                to={`/zone/quotes/${q.id}`}
                className="block h-full rounded-xl border border-slate-200/80 bg-white p-5 shadow-sm transition-colors hover:border-blue-200"
              >
                <div className="flex items-start justify-between gap-3">
                  <div className="min-w-0">
                    <p className="text-xs text-slate-500">
                      {q.number} · {t("quotes.versionLabel", { version: q.version })}
                    </p>
                    <h2 className="mt-1 font-semibold text-slate-900">{q.title}</h2>
                  </div>
                  <QuoteStatusBadge status={q.status} />
                </div>
                <dl className="mt-4 grid grid-cols-2 gap-3 text-sm">
                  <div>
                    <dt className="text-xs text-slate-500">{t("quotes.field.total")}</dt>
                    <dd className="mt-0.5 text-slate-800 tabular-nums">{fenMoney(q.totalFen, locale, q.currency)}</dd>
                  </div>
                  <div>
                    <dt className="text-xs text-slate-500">{t("quotes.field.validUntil")}</dt>
                    <dd className="mt-0.5 text-slate-800 tabular-nums">{q.validUntil}</dd>
                  </div>
                </dl>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </ZoneShell>
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary back="/zone" backLabel="zones.error.back" texts="zones.error" />;
}
