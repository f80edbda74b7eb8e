import { Filter, Search, X } from "lucide-react";
import type { ComponentProps, ReactNode } from "react";
import { Form, Link } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { Button } from "../button.tsx";
import { cn } from "../cn.ts";

// The filter bar of a list: a GET form, so filtering works without JavaScript and the URL stays the
// whole state. The route renders its own fields (SearchField, FilterSelect, FilterDate) inside it;
// `carry` keeps what the form does not edit (tab, sort, view, columns) across a submit.

export const filterInputClass =
  "h-9 w-full rounded-lg border border-slate-300 bg-white px-3 text-sm text-slate-900 placeholder:text-slate-400 focus:border-blue-500 focus:ring-2 focus:ring-blue-500/20 focus:outline-none";
const labelClass = "mb-1 block text-xs font-medium text-slate-500";

export function FilterBar({
  children,
  advanced,
  advancedActive = false,
  carry = [],
  clearHref,
  className,
}: {
  /** The always-visible fields, usually a SearchField and one or two FilterSelects. */
  children: ReactNode;
  /** Further fields behind a "more filters" disclosure (open while one of them is set). */
  advanced?: ReactNode;
  advancedActive?: boolean;
  /** Hidden name/value pairs to keep (from `kit.carry(query)`). */
  carry?: ReadonlyArray<readonly [string, string]>;
  /** "Clear filters" target, shown when not null. */
  clearHref?: string | null;
  className?: string;
}) {
  const { t } = useI18n();
  return (
    <Form method="get" role="search" className={cn("space-y-3 border-b border-slate-100 px-5 py-3", className)}>
      {carry.map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="flex flex-wrap items-end gap-3">
        {children}
        <div className="flex items-center gap-3">
          <Button type="submit" variant="secondary" size="sm" className="h-9">
            {t("list.filter.apply")}
          </Button>
          {clearHref ? (
            <Link to={clearHref} className="inline-flex items-center gap-1 text-sm text-slate-500 hover:text-slate-900">
              <X className="size-4" aria-hidden />
              {t("list.filter.clear")}
            </Link>
          ) : null}
        </div>
      </div>
      {advanced ? (
        <details open={advancedActive} className="group">
          <summary className="inline-flex cursor-pointer list-none items-center gap-1.5 text-sm font-medium text-slate-600 select-none hover:text-slate-900 [&::-webkit-details-marker]:hidden">
            <Filter className="size-4" aria-hidden />
            {t("list.filter.more")}
            {advancedActive ? <span className="size-1.5 rounded-full bg-blue-600" aria-hidden /> : null}
          </summary>
          <div className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-6">{advanced}</div>
        </details>
      ) : null}
    </Form>
  );
}

/** The search box (`name="q"` unless told). The label is visible to screen readers only. */
export function SearchField({
  defaultValue,
  label,
  placeholder,
  name = "q",
  id = "list-q",
  maxLength = 100,
  className,
}: {
  defaultValue: string;
  label?: string;
  placeholder?: string;
  name?: string;
  id?: string;
  maxLength?: number;
  className?: string;
}) {
  const { t } = useI18n();
  const text = label ?? t("common.search");
  return (
    <div className={cn("w-full min-w-0 sm:w-auto sm:max-w-sm sm:flex-1 sm:basis-64", className)}>
      <label htmlFor={id} className="sr-only">
        {text}
      </label>
      <SearchInput
        id={id}
        name={name}
        defaultValue={defaultValue}
        maxLength={maxLength}
        placeholder={placeholder ?? text}
      />
    </div>
  );
}

/** The search box itself: a magnifier inside a search input. The caller gives it a label. */
export function SearchInput({ className, ...input }: Omit<ComponentProps<"input">, "type">) {
  return (
    <div className={cn("relative", className)}>
      <Search
        aria-hidden
        className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-slate-400"
      />
      <input type="search" {...input} className={cn(filterInputClass, "pl-9")} />
    </div>
  );
}

export interface FilterOption {
  value: string | number;
  label: string;
}

/** A select whose first option, "any" (empty value), means "do not filter on this". */
export function FilterSelect({
  name,
  label,
  value,
  options,
  anyLabel,
  id,
  className,
}: {
  name: string;
  label: string;
  value: string | number | null | undefined;
  options: readonly FilterOption[];
  anyLabel?: string;
  id?: string;
  className?: string;
}) {
  const { t } = useI18n();
  const fieldId = id ?? `filter-${name}`;
  return (
    <div className={cn("min-w-36", className)}>
      <label htmlFor={fieldId} className={labelClass}>
        {label}
      </label>
      <select id={fieldId} name={name} defaultValue={value ?? ""} className={cn(filterInputClass, "pr-8")}>
        <option value="">{anyLabel ?? t("list.filter.any")}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A day filter (YYYY-MM-DD). */
export function FilterDate({
  name,
  label,
  value,
  id,
}: {
  name: string;
  label: string;
  value: string | null | undefined;
  id?: string;
}) {
  const fieldId = id ?? `filter-${name}`;
  return (
    <div className="min-w-36">
      <label htmlFor={fieldId} className={labelClass}>
        {label}
      </label>
      <input id={fieldId} type="date" name={name} defaultValue={value ?? ""} className={filterInputClass} />
    </div>
  );
}
