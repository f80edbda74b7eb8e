import { Lock } from "lucide-react";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { Card } from "#app/ui/card.tsx";
import { RecordTable, type RecordColumn } from "#app/ui/records/record-table.tsx";
import { SectionCard } from "#app/ui/section-card.tsx";

// Shared pieces of the company tabs: a card with a record table, "no access" and "none" states.

/** Tabs list at most this many rows (company-tabs.server.ts TAB_LIMIT). */
export const TAB_LIMIT = 100;

export function NoAccess() {
  const { t } = useI18n();
  return (
    <Card className="flex items-center gap-3 px-5 py-6 text-sm text-slate-600">
      <Lock className="size-4 shrink-0 text-slate-400" aria-hidden />
      <p>{t("companies.tab.noAccess")}</p>
    </Card>
  );
}

export function RecordLinkCell({ to, children, sub }: { to: string; children: ReactNode; sub?: ReactNode }) {
  return (
    <>
      <Link to={to} className="font-medium text-blue-700 hover:underline">
        {children}
      </Link>
      {sub ? <p className="font-mono text-xs text-slate-400">{sub}</p> : null}
    </>
  );
}

/** A tab's table in a card, its empty text, and the "showing the latest N" note at the limit. */
export function TabTable<Row>({
  title,
  rows,
  columns,
  rowKey,
  empty,
  action,
}: {
  title: string;
  rows: readonly Row[] | null;
  columns: ReadonlyArray<RecordColumn<Row> | false>;
  rowKey: (row: Row) => string | number;
  empty: MessageKey;
  action?: ReactNode;
}) {
  const { t } = useI18n();
  if (rows === null) return <NoAccess />;
  return (
    <SectionCard title={title} labelled flush action={action}>
      {rows.length === 0 ? (
        <p className="px-5 py-6 text-center text-sm text-slate-400">{t(empty)}</p>
      ) : (
        <>
          <RecordTable columns={columns} rows={rows} rowKey={rowKey} caption={title} />
          {rows.length >= TAB_LIMIT ? (
            <p className="border-t border-slate-100 px-5 py-2 text-xs text-slate-500">
              {t("companies.tab.limited", { count: TAB_LIMIT })}
            </p>
          ) : null}
        </>
      )}
    </SectionCard>
  );
}
