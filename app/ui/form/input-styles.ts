import { cn } from "../cn.ts";

// The one look of a text-like control (input, select, textarea). The invalid state comes from
// `aria-invalid`, which <Field> sets, so the styling and what screen readers hear never disagree.
export const inputClass = cn(
  "block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm",
  "placeholder:text-slate-500 focus:border-blue-600 focus:ring-2 focus:ring-blue-600/70 focus:outline-none",
  "aria-invalid:border-red-400 aria-invalid:focus:border-red-500 aria-invalid:focus:ring-red-600/70",
  "disabled:cursor-not-allowed disabled:bg-slate-50 disabled:text-slate-500",
);

/** Single-line controls share one height so inputs, selects and buttons line up in a row. */
export const singleLineClass = "h-10";

export const checkboxClass =
  "mt-0.5 size-4 shrink-0 rounded border-slate-300 text-blue-600 accent-blue-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600";
