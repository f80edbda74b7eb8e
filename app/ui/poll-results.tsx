import { CheckCircle2 } from "lucide-react";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { cn } from "./cn.ts";

/** Whole percent of all votes, 0 while nobody has voted. */
export function votePercent(votes: number, totalVotes: number): number {
  return totalVotes > 0 ? Math.round((votes / totalVotes) * 100) : 0;
}

/**
 * A poll's results: per option its label, share and count, and a bar. `chosenId` marks the viewer's
 * own answer (members); staff views leave it out.
 */
export function PollResults({
  options,
  totalVotes,
  chosenId = null,
  className,
}: {
  options: ReadonlyArray<{ id: number; label: string; votes: number | null }>;
  totalVotes: number;
  chosenId?: number | null;
  className?: string;
}) {
  const { t } = useI18n();
  return (
    <ul className={cn("space-y-3", className)}>
      {options.map((o) => {
        const votes = o.votes ?? 0;
        const percent = votePercent(votes, totalVotes);
        const mine = chosenId === o.id;
        return (
          <li key={o.id}>
            <div className="flex items-center justify-between gap-3 text-sm">
              <span
                className={cn(
                  "flex min-w-0 items-center gap-1.5",
                  mine ? "font-semibold text-blue-700" : "text-slate-700",
                )}
              >
                {mine ? <CheckCircle2 aria-label={t("knowledge.poll.yourChoice")} className="size-4 shrink-0" /> : null}
                {o.label}
              </span>
              <span className="shrink-0 text-slate-500 tabular-nums">
                {t("knowledge.poll.percent", { percent })} · {t("knowledge.poll.votesOf", { votes })}
              </span>
            </div>
            <div className="mt-1 h-2 overflow-hidden rounded-full bg-slate-100" aria-hidden>
              <div
                className={cn("h-full rounded-full", mine ? "bg-blue-600" : "bg-slate-400")}
                style={{ width: `${percent}%` }}
              />
            </div>
          </li>
        );
      })}
    </ul>
  );
}
