import type { ReactNode } from "react";
import type { DateValue } from "#app/lib/format/dates.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { cn } from "../cn.ts";
import { RelativeTime } from "../relative-time.tsx";

/**
 * Timeline — a vertical history of events (lead history, maintenance log, request events, audit
 * trail). The caller turns its events into items; the component only lays them out.
 *
 * Props:
 * - `items`: `TimelineItem[]`, in the order to show (usually newest first).
 *   - `title`: the event in one line ("王磊 分发给 张伟");
 *   - `lines`: optional detail bullets; `body`: optional free text (kept as written, wrapped);
 *   - `at` + the component's `now`: shown as "3 小时前" with the exact time on hover; or `meta`
 *     (any node, e.g. "2026-11-20 · 维修 · 赵丽") shown instead of the relative time;
 *   - `tone`: the dot's colour (`blue` default, `amber` for status changes, `green`, `slate`).
 * - `now`: the loader's `Date.now()` (needed when items carry `at`).
 * - `empty`: the text when there are no items (default `records.timeline.none`).
 * - `label`: an accessible name for the list.
 */

export type TimelineTone = "blue" | "amber" | "green" | "slate";

export interface TimelineItem {
  id: string | number;
  title: ReactNode;
  lines?: readonly ReactNode[];
  body?: ReactNode;
  at?: DateValue;
  meta?: ReactNode;
  tone?: TimelineTone;
}

const DOT: Record<TimelineTone, string> = {
  blue: "bg-blue-600 ring-blue-200",
  amber: "bg-amber-500 ring-amber-200",
  green: "bg-emerald-500 ring-emerald-200",
  slate: "bg-slate-400 ring-slate-200",
};

export function Timeline({
  items,
  now,
  empty = "records.timeline.none",
  label,
  className,
}: {
  items: readonly TimelineItem[];
  now?: DateValue;
  empty?: MessageKey;
  label?: string;
  className?: string;
}) {
  const { t } = useI18n();
  if (items.length === 0) {
    return <p className={cn("px-5 py-6 text-center text-sm text-slate-400", className)}>{t(empty)}</p>;
  }
  return (
    <ol aria-label={label} className={cn("px-5 py-4", className)}>
      {items.map((item, index) => {
        const last = index === items.length - 1;
        return (
          <li key={item.id} className="relative flex gap-3 pb-5 last:pb-0">
            {!last ? <span aria-hidden className="absolute top-4 left-[7px] h-full w-px bg-slate-200" /> : null}
            <span
              aria-hidden
              className={cn(
                "relative mt-1 size-[15px] shrink-0 rounded-full border-[3px] border-white ring-1",
                DOT[item.tone ?? "blue"],
              )}
            />
            <div className="min-w-0 flex-1">
              <p className="text-sm font-medium text-slate-900">{item.title}</p>
              {item.lines && item.lines.length > 0 ? (
                <ul className="mt-1.5 space-y-1 text-sm text-slate-600">
                  {item.lines.map((line, i) => (
                    <li key={i} className="flex gap-2">
                      <span aria-hidden className="mt-2 size-1 shrink-0 rounded-full bg-slate-400" />
                      <span className="min-w-0">{line}</span>
                    </li>
                  ))}
                </ul>
              ) : null}
              {item.body ? (
                <div className="mt-1 text-sm leading-6 break-words whitespace-pre-wrap text-slate-800">{item.body}</div>
              ) : null}
              {item.meta ? (
                <p className="mt-1 text-xs text-slate-500">{item.meta}</p>
              ) : item.at !== undefined && now !== undefined ? (
                <p className="mt-1 text-xs text-slate-400">
                  <RelativeTime value={item.at} now={now} />
                </p>
              ) : null}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
