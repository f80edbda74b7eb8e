import { BookOpen, Eye, Paperclip, Tag } from "lucide-react";
import { data, Link, useLoaderData, useRouteError, type LoaderFunctionArgs, type MetaArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { requireIdParam } from "#app/lib/forms.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { formatBytes } from "#app/lib/format/numbers.ts";
import { getArticleForReader, keywordList } from "#app/modules/knowledge/knowledge-articles.server.ts";
import { portalKnowledgeReader } from "#app/modules/knowledge/knowledge-reader.server.ts";
import { articleNeedsSignIn } from "#app/modules/knowledge/knowledge-search-quality.server.ts";
import { canRead } from "#app/modules/knowledge/knowledge-visibility.ts";
import { Badge } from "#app/ui/badge.tsx";
import { Card } from "#app/ui/card.tsx";
import { formatCompactDate } from "#app/lib/format/dates.ts";
import { KnowledgeArticleBody } from "#app/ui/knowledge-article-body.tsx";
import { KnowledgeStatusBadge, VisibilityBadge } from "#app/ui/knowledge-badges.tsx";
import { pageTitle } from "#app/ui/meta.ts";
import { BackLink } from "#app/ui/records/back-link.tsx";
import { SectionCard } from "#app/ui/section-card.tsx";
import { ShellErrorBoundary } from "#portal/components/shell-error-boundary.tsx";
import { isSignInRequired, KnowledgeSignInPrompt } from "#portal/components/knowledge-sign-in-prompt.tsx";
import { helpAudience, KnowledgeHelpLinks } from "#portal/components/knowledge-help-links.tsx";

// One solution. Anything the reader may not see answers 404 — the same as an id that does not
// exist — so ids cannot be probed for internal or customer-only solutions (decision 020).

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = requireIdParam(params.articleId);
  const reader = await portalKnowledgeReader(db, request);
  const article = await getArticleForReader(db, reader, id);
  if (!article) {
    // A visitor opening a members-only solution is asked to sign in (401); anything else is a 404.
    if (await articleNeedsSignIn(db, reader, id)) throw data(null, { status: 401 });
    throw data(null, { status: 404 });
  }
  return {
    article: {
      ...article,
      attachments: article.attachments.map((a) => ({ ...a, sizeLabel: formatBytes(a.size) })),
      keywordList: keywordList(article.keywords),
    },
    staffPreview: reader.kind === "staff",
    audience: helpAudience(reader),
    // Would a visitor or member see it at all? Drafts and internal solutions never reach readers.
    visibleToReaders: canRead({ kind: "member", memberId: 0, customer: true }, article),
  };
}

export const meta = ({ matches, data: loaded }: MetaArgs<typeof loader>) => {
  const base = pageTitle(matches, "common.knowledgeBase");
  if (!loaded) return base;
  const title = base[0] && "title" in base[0] ? String(base[0].title) : "";
  return [{ title: `${loaded.article.summary} · ${title}` }];
};

export default function KnowledgeArticlePage() {
  const { article, staffPreview, visibleToReaders, audience } = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();
  return (
    <div className="mx-auto max-w-4xl px-4 py-8 sm:px-6 sm:py-12 lg:px-8">
      <BackLink to="/knowledge">{t("knowledge.article.back")}</BackLink>

      {staffPreview ? (
        <p className="mt-4 flex items-center gap-2 rounded-lg border border-amber-200 bg-amber-50 px-4 py-2.5 text-sm text-amber-900">
          <Eye aria-hidden className="size-4 shrink-0" />
          {t("knowledge.article.staffPreview", {
            state: t(
              visibleToReaders ? "knowledge.article.staffPreview.visible" : "knowledge.article.staffPreview.hidden",
            ),
          })}
        </p>
      ) : null}

      <header className="mt-5">
        <div className="flex flex-wrap items-center gap-2 text-xs text-slate-500">
          <span className="inline-flex items-center gap-1 font-medium text-blue-700">
            <BookOpen aria-hidden className="size-3.5" />
            {t("knowledge.solution")}
          </span>
          <span className="tabular-nums">{article.number}</span>
          {article.category ? <Badge tone="slate">{article.category}</Badge> : null}
          {article.visibility !== "public" ? <VisibilityBadge visibility={article.visibility} /> : null}
          {article.status !== "published" ? <KnowledgeStatusBadge status={article.status} /> : null}
        </div>
        <h1 className="mt-3 text-2xl font-semibold tracking-tight text-slate-900 sm:text-3xl">{article.summary}</h1>
        <p className="mt-2 text-sm text-slate-500">
          {article.publishedAt
            ? t("common.publishedDate", { date: formatCompactDate(article.publishedAt, locale) })
            : t("knowledge.portal.updated", { date: formatCompactDate(article.updatedAt, locale) })}
        </p>
      </header>

      <div className="mt-6 space-y-5">
        <KnowledgeArticleBody article={article} proseClassName="text-[15px]" />

        {article.attachments.length > 0 ? (
          <SectionCard title={t("common.attachments")} icon={Paperclip} bodyClassName="py-2">
            <ul className="divide-y divide-slate-100">
              {article.attachments.map((a) => (
                <li key={a.id} className="flex items-center justify-between gap-3 py-2 text-sm">
                  <a href={`/knowledge/${article.id}/files/${a.id}`} className="truncate text-blue-700 hover:underline">
                    {a.fileName}
                  </a>
                  <span className="shrink-0 text-xs text-slate-500 tabular-nums">{a.sizeLabel}</span>
                </li>
              ))}
            </ul>
          </SectionCard>
        ) : null}

        {article.keywordList.length > 0 ? (
          <div className="flex flex-wrap items-center gap-2">
            <span className="inline-flex items-center gap-1 text-xs font-medium text-slate-500">
              <Tag aria-hidden className="size-3.5" />
              {t("knowledge.article.keywords")}
            </span>
            {article.keywordList.map((k) => (
              <Link key={k} to={`/knowledge?q=${encodeURIComponent(k)}`}>
                <Badge tone="blue" className="hover:bg-blue-100">
                  {k}
                </Badge>
              </Link>
            ))}
          </div>
        ) : null}

        <Card className="flex flex-col gap-4 p-5 sm:flex-row sm:items-center sm:p-6">
          <div className="min-w-0 flex-1">
            <h2 className="font-semibold text-slate-900">{t("knowledge.article.stillStuck")}</h2>
            <p className="mt-0.5 text-sm text-slate-600">{t("knowledge.article.stillStuckBody")}</p>
          </div>
          <div className="flex flex-wrap gap-2">
            <KnowledgeHelpLinks audience={audience} />
          </div>
        </Card>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  if (isSignInRequired(useRouteError())) return <KnowledgeSignInPrompt />;
  return <ShellErrorBoundary back="/knowledge" backLabel="knowledge.article.back" />;
}
