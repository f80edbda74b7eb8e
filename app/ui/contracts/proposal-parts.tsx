import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { ProposalStatus, ResolvedPart } from "#app/modules/contracts/proposal-model.ts";
import { stateBadge } from "../badge.tsx";
import { ContractLinesTable } from "./contract-ui.tsx";

// A 提议 as a document, shown in the back office (with the author's tools beside each part) and,
// read-only, in the customer's zone: each part's body, and the status badge.

export const ProposalStatusBadge = stateBadge<ProposalStatus>(
  { drafting: "slate", pending_approval: "amber", approved: "blue", published: "green" },
  (s) => `proposals.status.${s}`,
  { dot: true, testId: "proposal-status" },
);

/** One part's body: text as written, a product's introduction, or a quote/contract's lines and terms. */
export function ProposalPartBody({ part }: { part: ResolvedPart }) {
  const { t } = useI18n();
  if (part.kind === "text") return <p className="text-sm leading-7 whitespace-pre-wrap text-slate-800">{part.body}</p>;
  if (part.kind === "product")
    return (
      <p className="text-sm leading-7 whitespace-pre-wrap text-slate-800">{part.text ?? t("proposals.missing")}</p>
    );
  if (!part.lines) return <p className="text-sm text-slate-400">{t("proposals.missing")}</p>;
  return (
    <div className="space-y-2">
      <div className="overflow-x-auto rounded border border-slate-200">
        <ContractLinesTable lines={part.lines.map((l, i) => ({ ...l, id: i, taxFen: 0 }))} amountFen={part.totalFen} />
      </div>
      {part.terms ? <p className="text-sm whitespace-pre-wrap text-slate-600">{part.terms}</p> : null}
    </div>
  );
}

/** The parts in order; `tools(part, index)` adds the author's controls beside and below each one. */
export function ProposalDocument({
  parts,
  tools,
}: {
  parts: readonly ResolvedPart[];
  tools?: (part: ResolvedPart, index: number) => { beside?: React.ReactNode; below?: React.ReactNode };
}) {
  const { t } = useI18n();
  if (parts.length === 0) return <p className="text-sm text-slate-400">{t("proposals.partsNone")}</p>;
  return (
    <>
      {parts.map((part, i) => {
        const extra = tools?.(part, i) ?? {};
        return (
          <section key={part.id} className="space-y-2" data-testid="proposal-part">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <h3 className="text-base font-semibold text-slate-900">{part.title}</h3>
              {extra.beside}
            </div>
            <ProposalPartBody part={part} />
            {extra.below}
          </section>
        );
      })}
    </>
  );
}
