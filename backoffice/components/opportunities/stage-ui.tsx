import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { Locale } from "#app/lib/i18n/locales.ts";
import { Badge, type BadgeTone } from "#app/ui/badge.tsx";

// A configurable sales stage (销售阶段) as pages show it: its name in the page's language, coloured
// by kind (open stages by their place in the method, won green, lost struck through).

export interface StageLike {
  id: number;
  nameZh: string;
  nameEn: string;
  kind: "open" | "won" | "lost";
  sortOrder: number;
}

const OPEN_TONES: BadgeTone[] = ["slate", "blue", "violet", "amber"];

export function stageName(stage: { nameZh: string; nameEn: string }, locale: Locale): string {
  return locale === "en" ? stage.nameEn : stage.nameZh;
}

export function stageTone(stage: StageLike): BadgeTone {
  if (stage.kind === "won") return "green";
  if (stage.kind === "lost") return "slate";
  return OPEN_TONES[(stage.sortOrder - 1 + OPEN_TONES.length) % OPEN_TONES.length] ?? "slate";
}

export function SalesStageBadge({ stage }: { stage: StageLike | null }) {
  const { locale } = useI18n();
  if (!stage) return <span className="text-slate-400">—</span>;
  return (
    <Badge tone={stageTone(stage)} className={stage.kind === "lost" ? "line-through decoration-slate-400" : undefined}>
      {stageName(stage, locale)}
    </Badge>
  );
}
