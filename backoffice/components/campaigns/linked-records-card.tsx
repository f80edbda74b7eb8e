import { Magnet } from "lucide-react";
import type { ReactNode } from "react";
import { Link } from "react-router";
import type { LeadStatus, OpportunityStage } from "#app/generated/prisma/enums.ts";
import { formatMoney } from "#app/lib/format/money.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { SectionCard } from "#app/ui/section-card.tsx";
import { LeadStatusBadge } from "#backoffice/components/lead-ui.tsx";
import { StageBadge } from "#backoffice/components/sales-ui.tsx";

// The campaign's latest leads and opportunities, as far as the viewer may see them; the headings
// carry the counts the statistics cover.

export interface LinkedLead {
  id: number;
  number: string;
  contactName: string | null;
  companyName: string | null;
  status: LeadStatus;
}

export interface LinkedOpportunity {
  id: number;
  name: string;
  stage: OpportunityStage;
  amount: string;
}

export function LinkedRecordsCard(props: {
  leads: readonly LinkedLead[];
  opportunities: readonly LinkedOpportunity[];
  counts: { leads: number; opportunities: number };
}) {
  const { t, locale } = useI18n();
  return (
    <SectionCard
      title={t("sales.campaign.linkedTitle")}
      description={t("sales.campaign.linkedHint")}
      icon={Magnet}
      bodyClassName="grid gap-6 md:grid-cols-2"
    >
      <LinkedList
        title={t("sales.campaign.linkedLeads", { count: props.counts.leads })}
        empty={t("sales.campaign.noLeads")}
      >
        {props.leads.map((l) => (
          <li key={l.id} className="flex items-center justify-between gap-2 py-2">
            <Link to={`/crm/leads/${l.id}`} className="min-w-0 truncate text-blue-700 hover:underline">
              {l.contactName ?? l.companyName ?? l.number}
              {l.contactName && l.companyName ? <span className="text-slate-500"> @ {l.companyName}</span> : null}
            </Link>
            <LeadStatusBadge status={l.status} />
          </li>
        ))}
      </LinkedList>
      <LinkedList
        title={t("sales.campaign.linkedOpportunities", { count: props.counts.opportunities })}
        empty={t("sales.campaign.noOpportunities")}
      >
        {props.opportunities.map((o) => (
          <li key={o.id} className="flex items-center justify-between gap-2 py-2">
            <Link to={`/crm/opportunities/${o.id}`} className="min-w-0 truncate text-blue-700 hover:underline">
              {o.name}
            </Link>
            <span className="flex shrink-0 items-center gap-2">
              <span className="text-xs text-slate-600 tabular-nums">{formatMoney(o.amount, locale)}</span>
              <StageBadge stage={o.stage} />
            </span>
          </li>
        ))}
      </LinkedList>
    </SectionCard>
  );
}

function LinkedList({ title, empty, children }: { title: string; empty: string; children: ReactNode[] }) {
  return (
    <div>
      <h3 className="text-sm font-medium text-slate-700">{title}</h3>
      {children.length === 0 ? (
        <p className="mt-2 text-sm text-slate-400">{empty}</p>
      ) : (
        <ul className="mt-1 divide-y divide-slate-100 text-sm">{children}</ul>
      )}
    </div>
  );
}
