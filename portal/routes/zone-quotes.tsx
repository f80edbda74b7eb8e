import { FileText } from "lucide-react";
import { useLoaderData, type LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { isoDay } from "#app/modules/quotes/quote-dates.ts";
import { fenMoney } from "#app/modules/quotes/quote-format.ts";
import { listZoneQuotes } from "#app/modules/quotes/quote-zone.server.ts";
import { requireZoneAccess } from "#app/modules/zones/zone-access.server.ts";
import { titleMeta } from "#app/ui/meta.ts";
import { QuoteStatusBadge } from "#app/ui/quotes/quote-parts.tsx";
import { ShellErrorBoundary } from "#portal/components/shell-error-boundary.tsx";
import { ZoneDocumentsPage } from "#portal/components/zone/document-cards.tsx";

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
    <ZoneDocumentsPage
      zoneName={d.zone.name}
      title={t("quotes.zone.title")}
      description={t("quotes.zone.hint")}
      empty={{ icon: FileText, title: t("quotes.zone.empty"), description: t("quotes.zone.emptyHint") }}
      cards={d.rows.map((q) => ({
        id: q.id,
        to: `/zone/quotes/${q.id}`,
        kicker: `${q.number} · ${t("quotes.versionLabel", { version: q.version })}`,
        title: q.title,
        status: <QuoteStatusBadge status={q.status} />,
        facts: [
          { label: t("quotes.field.total"), value: fenMoney(q.totalFen, locale, q.currency), numeric: true },
          { label: t("quotes.field.validUntil"), value: q.validUntil, numeric: true },
        ],
      }))}
    />
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary back="/zone" backLabel="zones.error.back" texts="zones.error" />;
}
