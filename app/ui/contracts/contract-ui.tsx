import type { SalesContractStatus } from "#app/generated/prisma/enums.ts";
import { formatMoney } from "#app/lib/format/money.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { fenToDecimalString } from "#app/modules/catalog/pricing.ts";
import { mergeSegments, type ScalarField } from "#app/modules/contracts/contract-document.ts";
import type { InstalmentState } from "#app/modules/contracts/contract-model.ts";
import { stateBadge } from "../badge.tsx";
import { LineSumRow, ProductLinesTable } from "../records/line-editor.tsx";
import { RecordTable } from "../records/record-table.tsx";

// Pieces of a sales contract shown in the back office and, read-only, in the customer's zone: the
// status badge, money in fen, the product list, the payment plan and the merged document.

export function contractStatusKey(status: string): MessageKey {
  return `contracts.status.${status}` as MessageKey;
}

export const ContractStatusBadge = stateBadge<SalesContractStatus>(
  { drafting: "slate", approval: "amber", in_execution: "blue", completed: "green", terminated: "red" },
  contractStatusKey,
  { dot: true, testId: "contract-status" },
);

export const InstalmentStateBadge = stateBadge<InstalmentState>(
  { paid: "green", partial: "violet", overdue: "red", due: "amber", open: "slate" },
  (s) => `contracts.plan.state.${s}`,
  { testId: (s) => `instalment-${s}` },
);

/** An amount of integer fen as ¥1,234.56. */
export function Fen({ value }: { value: number }) {
  const { locale } = useI18n();
  return <>{formatMoney(fenToDecimalString(value), locale)}</>;
}

export interface LineView {
  id: number;
  sku: string;
  name: string;
  unit: string;
  quantity: number;
  unitPriceFen: number;
  taxFen: number;
  grossFen: number;
}

export function ContractLinesTable({
  lines,
  amountFen,
  actions,
}: {
  lines: readonly LineView[];
  amountFen: number;
  actions?: (line: LineView) => React.ReactNode;
}) {
  const { t } = useI18n();
  return (
    <ProductLinesTable
      caption={t("contracts.tabs.lines")}
      empty={t("contracts.lines.none")}
      productHeader={t("contracts.lines.product")}
      lines={lines}
      columns={[
        { key: "qty", header: t("contracts.lines.quantity"), numeric: true, cell: (l) => `${l.quantity} ${l.unit}` },
        {
          key: "unit",
          header: t("contracts.lines.unitPrice"),
          numeric: true,
          cell: (l) => <Fen value={l.unitPriceFen} />,
        },
        { key: "tax", header: t("contracts.lines.tax"), numeric: true, cell: (l) => <Fen value={l.taxFen} /> },
        { key: "gross", header: t("contracts.lines.gross"), numeric: true, cell: (l) => <Fen value={l.grossFen} /> },
        actions ? { key: "actions", header: "", cell: actions } : false,
      ]}
      footer={
        <LineSumRow
          label={t("contracts.lines.sum")}
          span={4}
          amount={<Fen value={amountFen} />}
          testId="contract-amount"
          trailingCell={Boolean(actions)}
        />
      }
    />
  );
}

export interface InstalmentView {
  id: number;
  label: string;
  dueDate: string;
  amountFen: number;
  receivedFen: number;
  outstandingFen: number;
  state: InstalmentState;
}

export function PaymentPlanTable({ instalments }: { instalments: readonly InstalmentView[] }) {
  const { t, locale } = useI18n();
  return (
    <RecordTable
      caption={t("contracts.tabs.plan")}
      empty={t("contracts.plan.none")}
      rows={instalments}
      rowKey={(i) => i.id}
      columns={[
        { key: "label", header: t("contracts.plan.label"), cell: (i) => i.label },
        {
          key: "due",
          header: t("contracts.plan.dueDate"),
          cell: (i) => new Date(`${i.dueDate}T00:00:00Z`).toLocaleDateString(locale, { timeZone: "UTC" }),
        },
        { key: "amount", header: t("contracts.plan.amount"), numeric: true, cell: (i) => <Fen value={i.amountFen} /> },
        {
          key: "received",
          header: t("contracts.plan.received"),
          numeric: true,
          cell: (i) => <Fen value={i.receivedFen} />,
        },
        { key: "state", header: t("contracts.plan.state"), cell: (i) => <InstalmentStateBadge status={i.state} /> },
      ]}
    />
  );
}

export interface DocumentData {
  parts: ReadonlyArray<{ id: number; title: string; body: string }>;
  values: Partial<Record<ScalarField, string>>;
  lines: readonly LineView[];
  instalments: readonly InstalmentView[];
  amountFen: number;
  terms: string | null;
}

/** The merged document: each part's text with its merge fields filled and its tables in place. */
export function ContractDocument({ doc }: { doc: DocumentData }) {
  const { t } = useI18n();
  return (
    <div className="space-y-6 text-sm leading-7 text-slate-800" data-testid="contract-document">
      {doc.parts.map((part) => (
        <section key={part.id} className="break-inside-avoid-page space-y-2">
          <h3 className="text-base font-semibold text-slate-900">{part.title}</h3>
          {mergeSegments(part.body, doc.values).map((s, i) =>
            s.kind === "text" ? (
              <p key={i} className="whitespace-pre-wrap">
                {s.text}
              </p>
            ) : s.block === "products" ? (
              <div key={i} className="rounded border border-slate-200">
                <ContractLinesTable lines={doc.lines} amountFen={doc.amountFen} />
              </div>
            ) : s.block === "plan" ? (
              <div key={i} className="rounded border border-slate-200">
                <PaymentPlanTable instalments={doc.instalments} />
              </div>
            ) : (
              <p key={i} className="whitespace-pre-wrap">
                {doc.terms ?? t("common.emptyValue")}
              </p>
            ),
          )}
        </section>
      ))}
    </div>
  );
}
