import { ArrowRight } from "lucide-react";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { Notice } from "../rules-ui.tsx";

/** Who the token group's next web lead goes to, or a warning that nobody can take one. */
export function NextInTurn({ next }: { next: { name: string } | null }) {
  const { t } = useI18n();
  if (!next) {
    return (
      <div data-testid="next-in-turn">
        <Notice tone="warning">
          <p className="font-semibold">{t("rules.group.nobody")}</p>
          <p className="mt-0.5">{t("rules.group.nobodyHint")}</p>
        </Notice>
      </div>
    );
  }
  return (
    <div
      data-testid="next-in-turn"
      className="flex items-center gap-3 rounded-xl border border-blue-200 bg-blue-50 px-4 py-3 text-blue-900"
    >
      <span className="flex size-8 shrink-0 items-center justify-center rounded-full bg-blue-600 text-white">
        <ArrowRight aria-hidden className="size-4" />
      </span>
      <p className="text-sm">
        <span className="font-semibold">{t("common.nextName", { name: next.name })}</span>
        <span className="ml-2 text-blue-800/80">{t("rules.group.nextHint")}</span>
      </p>
    </div>
  );
}
