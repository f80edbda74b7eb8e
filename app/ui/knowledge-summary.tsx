/**
 * A knowledge article's summary as a search result shows it: with the engine's `<mark>` around the
 * matches when there are any (the search service escapes the rest, so the HTML is safe), else plain.
 */
export function KnowledgeSummary({ article }: { article: { summary: string; summaryHighlight: string | null } }) {
  return article.summaryHighlight ? (
    <span dangerouslySetInnerHTML={{ __html: article.summaryHighlight }} />
  ) : (
    article.summary
  );
}
