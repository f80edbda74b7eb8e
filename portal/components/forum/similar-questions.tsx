import { CheckCircle2, Lightbulb } from "lucide-react";
import { useEffect } from "react";
import { Link, useFetcher } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";

interface Similar {
  threads: Array<{ id: number; title: string; replyCount: number; solved: boolean }>;
}

/** Asks for similar questions as the member types the title (debounced), before they post. */
export function SimilarQuestions({ title }: { title: string }) {
  const { t } = useI18n();
  const fetcher = useFetcher<Similar>();
  const { load } = fetcher;
  useEffect(() => {
    const q = title.trim();
    if (q.length < 2) return;
    const timer = setTimeout(() => void load(`/forum/similar?q=${encodeURIComponent(q)}`), 250);
    return () => clearTimeout(timer);
  }, [title, load]);
  const threads = title.trim().length >= 2 ? (fetcher.data?.threads ?? []) : [];
  if (threads.length === 0) return null;
  return (
    <aside
      aria-live="polite"
      className="rounded-lg border border-blue-200 bg-blue-50/60 p-4"
      data-testid="similar-questions"
    >
      <p className="flex items-center gap-1.5 text-sm font-medium text-blue-900">
        <Lightbulb aria-hidden className="size-4" />
        {t("forum.new.similar")}
      </p>
      <ul className="mt-2 space-y-1.5 text-sm">
        {threads.map((thread) => (
          <li key={thread.id} className="flex items-center gap-2">
            <Link to={`/forum/t/${thread.id}`} target="_blank" className="text-blue-700 hover:underline">
              {thread.title}
            </Link>
            <span className="text-xs text-slate-500">{t("forum.replies", { count: thread.replyCount })}</span>
            {thread.solved ? (
              <CheckCircle2 aria-label={t("forum.badge.solved")} className="size-4 text-emerald-600" />
            ) : null}
          </li>
        ))}
      </ul>
    </aside>
  );
}
