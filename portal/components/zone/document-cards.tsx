import type { LucideIcon } from "lucide-react";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { cn } from "#app/ui/cn.ts";
import { EmptyCard } from "#app/ui/empty-card.tsx";
import { AccountPageHeader } from "#portal/components/account-ui.tsx";
import { ZoneShell } from "#portal/components/zone-ui.tsx";

// The zone's document lists (报价单, 销售合同, 服务合约) as cards: a kicker line (number, kind), the
// title and its status, a few labelled figures, an optional footnote; each card opens the document.

export interface DocumentCard {
  id: number;
  to: string;
  kicker: ReactNode;
  title: string;
  status: ReactNode;
  facts: ReadonlyArray<{ label: string; value: ReactNode; numeric?: boolean }>;
  footnote?: string;
}

export function DocumentCards({ cards, monoKicker = false }: { cards: readonly DocumentCard[]; monoKicker?: boolean }) {
  return (
    <ul className="grid gap-4 md:grid-cols-2">
      {cards.map((card) => (
        <li key={card.id}>
          <Link
            to={card.to}
            className="block h-full rounded-xl border border-slate-200/80 bg-white p-5 shadow-sm transition-colors hover:border-blue-200"
          >
            <div className="flex items-start justify-between gap-3">
              <div className="min-w-0">
                <p className={cn("text-xs text-slate-500", monoKicker && "font-mono")}>{card.kicker}</p>
                <h2 className="mt-1 font-semibold text-slate-900">{card.title}</h2>
              </div>
              {card.status}
            </div>
            <dl className={cn("mt-4 grid gap-3 text-sm", card.facts.length === 3 ? "grid-cols-3" : "grid-cols-2")}>
              {card.facts.map((fact) => (
                <div key={fact.label}>
                  <dt className="text-xs text-slate-500">{fact.label}</dt>
                  <dd className={cn("mt-0.5 text-slate-800", fact.numeric && "tabular-nums")}>{fact.value}</dd>
                </div>
              ))}
            </dl>
            {card.footnote ? <p className="mt-3 text-xs text-slate-500">{card.footnote}</p> : null}
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** A zone document list page (报价单, 销售合同, 提议): the zone band, the page header, the cards or "none yet". */
export function ZoneDocumentsPage({
  zoneName,
  title,
  description,
  empty,
  cards,
  monoKicker,
}: {
  zoneName: string;
  title: string;
  description: string;
  empty: { icon: LucideIcon; title: string; description?: string };
  cards: readonly DocumentCard[];
  monoKicker?: boolean;
}) {
  return (
    <ZoneShell zoneName={zoneName}>
      <AccountPageHeader title={title} description={description} />
      {cards.length === 0 ? (
        <EmptyCard icon={empty.icon} title={empty.title} description={empty.description} />
      ) : (
        <DocumentCards cards={cards} monoKicker={monoKicker} />
      )}
    </ZoneShell>
  );
}
