import { FileText, LifeBuoy } from "lucide-react";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { RichTextView } from "./rich-text-editor.tsx";
import { SectionCard } from "./section-card.tsx";

/**
 * The two halves of a knowledge solution as every reader sees them: the problem (or a note that it
 * has no description) and the solution, each in its own card. `proseClassName` sizes the text
 * (larger on the portal, where the article is the whole page).
 */
export function KnowledgeArticleBody({
  article,
  proseClassName,
}: {
  article: { descriptionHtml: string | null; solutionHtml: string };
  proseClassName?: string;
}) {
  const { t } = useI18n();
  return (
    <>
      <SectionCard title={t("knowledge.article.problem")} icon={FileText}>
        {article.descriptionHtml ? (
          <RichTextView html={article.descriptionHtml} className={proseClassName} />
        ) : (
          <p className="text-sm text-slate-500">{t("knowledge.article.noDescription")}</p>
        )}
      </SectionCard>
      <SectionCard title={t("knowledge.article.solution")} icon={LifeBuoy} className="border-emerald-200/80">
        <RichTextView html={article.solutionHtml} className={proseClassName} />
      </SectionCard>
    </>
  );
}
