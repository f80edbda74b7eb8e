import { ShieldCheck } from "lucide-react";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { ForumAuthor } from "#app/modules/forum/forum-authors.ts";
import { Badge } from "../badge.tsx";

/** A post's author as the forum shows it: a member's nickname, or a staff name marked 官方. */
export function AuthorLabel({ author }: { author: ForumAuthor }) {
  const { t } = useI18n();
  if (author.kind === "staff") {
    return (
      <span className="inline-flex items-center gap-1.5 font-medium text-slate-900">
        {author.name}
        <Badge tone="blue">
          <ShieldCheck aria-hidden className="size-3" />
          {t("forum.badge.staff")}
        </Badge>
      </span>
    );
  }
  return (
    <span className="font-medium text-slate-900">
      {author.kind === "member" ? author.nickname : t("forum.deletedAuthor")}
    </span>
  );
}
