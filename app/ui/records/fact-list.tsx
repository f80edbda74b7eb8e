import { createContext, useContext, type CSSProperties, type ReactNode } from "react";
import { cn } from "../cn.ts";

/**
 * FactList — labelled read-only values of a record (`<dl>`), in one of two layouts:
 * - `rows` (default): label left, value right, for side cards ("公司 / 联系人 / 线索 …");
 * - `grid`: label above value, two or three columns, for a record's main facts.
 *
 * Props: `facts` (`Fact[]`: `label`, `value`; a value of null/undefined/"" shows a muted "—"; `hidden`
 * leaves a row out), or `<FactRow>` children for hand-written rows; `omitBlank` (leave out the facts
 * without a value instead of showing "—"); `labelWidth` (rows layout, CSS length, default "6rem");
 * `stacked` (grid layout in one column, for narrow side cards); `className`.
 */

export interface Fact {
  label: ReactNode;
  value: ReactNode;
  /** React key when the label is not a string. */
  key?: string;
  /** Leave the row out (e.g. a closing date on an open opportunity). */
  hidden?: boolean;
}

function isBlank(value: ReactNode): boolean {
  return value === null || value === undefined || value === "" || value === false;
}

export function FactValue({ value }: { value: ReactNode }) {
  return isBlank(value) ? <span className="text-slate-400">—</span> : <>{value}</>;
}

type Layout = "rows" | "grid";
const LayoutContext = createContext<Layout>("rows");

/** One row, for building a FactList by hand (it takes the list's layout). */
export function FactRow({ label, children }: { label: ReactNode; children?: ReactNode }) {
  const layout = useContext(LayoutContext);
  if (layout === "grid") {
    return (
      <div className="min-w-0">
        <dt className="text-xs font-medium text-slate-500">{label}</dt>
        <dd className="mt-1 text-sm break-words text-slate-900">
          <FactValue value={children} />
        </dd>
      </div>
    );
  }
  return (
    <div className="grid grid-cols-[var(--fact-label)_1fr] gap-3">
      <dt className="text-slate-500">{label}</dt>
      <dd className="min-w-0 break-words text-slate-900">
        <FactValue value={children} />
      </dd>
    </div>
  );
}

export function FactList({
  facts,
  children,
  layout = "rows",
  labelWidth = "6rem",
  stacked = false,
  omitBlank = false,
  className,
}: {
  facts?: readonly Fact[];
  children?: ReactNode;
  layout?: Layout;
  labelWidth?: string;
  stacked?: boolean;
  omitBlank?: boolean;
  className?: string;
}) {
  return (
    <dl
      style={layout === "rows" ? ({ "--fact-label": labelWidth } as CSSProperties) : undefined}
      className={cn(
        layout === "rows"
          ? "space-y-3 text-sm"
          : stacked
            ? "grid gap-y-3"
            : "grid gap-x-6 gap-y-4 sm:grid-cols-2 lg:grid-cols-3",
        className,
      )}
    >
      <LayoutContext.Provider value={layout}>
        {facts
          ?.filter((f) => !f.hidden && !(omitBlank && isBlank(f.value)))
          .map((f, i) => (
            <FactRow key={f.key ?? (typeof f.label === "string" ? f.label : i)} label={f.label}>
              {f.value}
            </FactRow>
          ))}
        {children}
      </LayoutContext.Provider>
    </dl>
  );
}
