import { BookOpenText } from "lucide-react";
import { useLoaderData, type LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { formatCalendarDate } from "#app/lib/format/dates.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { listZoneProposals } from "#app/modules/contracts/proposal-zone.server.ts";
import { requireZoneAccess } from "#app/modules/zones/zone-access.server.ts";
import { ProposalStatusBadge } from "#app/ui/contracts/proposal-parts.tsx";
import { titleMeta } from "#app/ui/meta.ts";
import { ShellErrorBoundary } from "#portal/components/shell-error-boundary.tsx";
import { ZoneDocumentsPage } from "#portal/components/zone/document-cards.tsx";

// 提议 in the customer's zone: the proposals published to the member's company, newest first
// (decision 050).

export async function loader({ request }: LoaderFunctionArgs) {
  const context = await requireZoneAccess(request);
  return { zone: { name: context.zone.name }, rows: await listZoneProposals(db, context.zone.companyId) };
}

export const meta = titleMeta("proposals.zone.nav");

export default function ZoneProposals() {
  const d = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();
  return (
    <ZoneDocumentsPage
      zoneName={d.zone.name}
      title={t("proposals.zone.nav")}
      description={t("proposals.zone.description")}
      empty={{ icon: BookOpenText, title: t("proposals.zone.empty") }}
      cards={d.rows.map((p) => ({
        id: p.id,
        to: `/zone/proposals/${p.id}`,
        kicker: t("proposals.zone.nav"),
        title: p.title,
        status: <ProposalStatusBadge status="published" />,
        facts: [
          { label: t("contracts.col.owner"), value: p.owner.name },
          {
            label: t("proposals.status.published"),
            value: p.publishedAt ? formatCalendarDate(p.publishedAt, locale) : null,
            numeric: true,
          },
        ],
      }))}
    />
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary back="/zone" backLabel="zones.error.back" texts="zones.error" />;
}
