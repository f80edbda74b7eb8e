import { Search } from "lucide-react";
import { useLoaderData, type LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { searchForum } from "#app/modules/forum/forum-search.server.ts";
import { QUERY_MAX } from "#app/modules/forum/forum-search-shared.ts";
import { portalForumViewer } from "#app/modules/forum/forum-viewer.server.ts";
import { ForumSearchBox, ForumSearchResults } from "#app/ui/forum/forum-search-results.tsx";
import { titleMeta } from "#app/ui/meta.ts";
import { BackLink } from "#app/ui/records/back-link.tsx";
import { PageHero } from "#portal/components/page-hero.tsx";

// 搜索培训教室: threads, replies and courseware the reader may open (decision 043). Visibility is in
// the service's queries; this page only reads `q`.

export async function loader({ request }: LoaderFunctionArgs) {
  const q = (new URL(request.url).searchParams.get("q") ?? "").slice(0, QUERY_MAX);
  const viewer = await portalForumViewer(request);
  return { result: await searchForum(db, viewer, q) };
}

export const meta = titleMeta("forumSearch.title");

export default function ForumSearchPage() {
  const { result } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <>
      <PageHero icon={Search} eyebrow={t("forum.title")} title={t("forumSearch.title")} lead={t("forumSearch.lead")} />
      <div className="mx-auto max-w-3xl space-y-6 px-4 py-8 sm:px-6 lg:px-8">
        <BackLink to="/forum">{t("forum.title")}</BackLink>
        <ForumSearchBox key={result.q} q={result.q} autoFocus={result.q === ""} />
        <ForumSearchResults result={result} />
      </div>
    </>
  );
}
