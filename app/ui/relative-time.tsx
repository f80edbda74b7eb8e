import { formatDateTime, formatRelative, type DateValue } from "#app/lib/format/dates.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";

/**
 * "3 小时前" with the full date-time in a tooltip and a machine-readable datetime. `now` comes from
 * the loader so the server render and the browser's hydration print the same text.
 */
export function RelativeTime({ value, now, className }: { value: DateValue; now: DateValue; className?: string }) {
  const { locale } = useI18n();
  const date = new Date(value);
  return (
    <time dateTime={date.toISOString()} title={formatDateTime(date, locale)} className={className}>
      {formatRelative(date, now, locale)}
    </time>
  );
}
