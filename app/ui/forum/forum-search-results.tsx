import { BookOpen, CheckCircle2, MessageSquareText, MessagesSquare, Search } from "lucide-react";
import type { ReactNode } from "react";
import { Form, Link } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { ForumSearchHit, ForumSearchResult } from "#app/modules/forum/forum-search-shared.ts";
import { Button } from "../button.tsx";
import { Card } from "../card.tsx";

// The training classroom's search box and result sections (threads, replies, courseware). Titles and
// snippets arrive HTML-escaped from the search engine with `<mark>` around matches (search/highlight.ts),
// so they are rendered as HTML; nothing else is.

export function ForumSearchBox({ q = "", autoFocus = false }: { q?: string; autoFocus?: boolean }) {
  const { t } = useI18n();
  return (
    <Form method="get" action="/forum/search" role="search" className="flex gap-2" data-testid="forum-search">
      <label className="sr-only" htmlFor="forum-search-q">
        {t("forumSearch.label")}
      </label>
      <div className="relative min-w-0 flex-1">
        <Search
          aria-hidden
          className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-slate-400"
        />
        <input
          id="forum-search-q"
          type="search"
          name="q"
          defaultValue={q}
          maxLength={100}
          autoFocus={autoFocus}
          placeholder={t("forumSearch.placeholder")}
          className="w-full rounded-lg border border-slate-300 bg-white py-2 pr-3 pl-9 text-sm shadow-sm focus:border-blue-500 focus:ring-2 focus:ring-blue-200 focus:outline-none"
        />
      </div>
      <Button type="submit">{t("common.search")}</Button>
    </Form>
  );
}

function Section({ icon, title, hits }: { icon: ReactNode; title: string; hits: readonly ForumSearchHit[] }) {
  const { t } = useI18n();
  if (hits.length === 0) return null;
  return (
    <section className="space-y-3">
      <h2 className="flex items-center gap-2 text-sm font-semibold tracking-wide text-slate-500 uppercase">
        {icon}
        {title}
      </h2>
      <Card className="divide-y divide-slate-100">
        {hits.map((hit) => (
          <article key={`${hit.kind}-${hit.id}`} className="p-4" data-testid={`forum-search-${hit.kind}`}>
            <Link to={hit.href} className="font-medium text-blue-700 hover:underline">
              <span dangerouslySetInnerHTML={{ __html: hit.titleHtml }} />
            </Link>
            {hit.solved ? (
              <span className="ml-2 inline-flex items-center gap-1 text-xs text-emerald-700">
                <CheckCircle2 aria-hidden className="size-3.5" />
                {t("forumSearch.accepted")}
              </span>
            ) : null}
            {hit.snippetHtml ? (
              <p className="mt-1 text-sm text-slate-600" dangerouslySetInnerHTML={{ __html: hit.snippetHtml }} />
            ) : null}
            <p className="mt-1 text-xs text-slate-500">{t("forumSearch.inClassroom", { name: hit.classroomName })}</p>
          </article>
        ))}
      </Card>
    </section>
  );
}

export function ForumSearchResults({ result }: { result: ForumSearchResult }) {
  const { t } = useI18n();
  if (result.q === "") return <p className="text-sm text-slate-500">{t("forumSearch.hint")}</p>;
  const none = result.threads.length + result.posts.length + result.lessons.length === 0;
  if (none)
    return (
      <p className="text-sm text-slate-500" data-testid="forum-search-none">
        {t("forumSearch.none")}
      </p>
    );
  return (
    <div className="space-y-8">
      <Section
        icon={<MessagesSquare aria-hidden className="size-4" />}
        title={t("forumSearch.threads")}
        hits={result.threads}
      />
      <Section
        icon={<MessageSquareText aria-hidden className="size-4" />}
        title={t("forumSearch.posts")}
        hits={result.posts}
      />
      <Section
        icon={<BookOpen aria-hidden className="size-4" />}
        title={t("forumSearch.lessons")}
        hits={result.lessons}
      />
    </div>
  );
}
