import { CheckCircle2, EyeOff, Lock, Pin, Sparkles, type LucideIcon } from "lucide-react";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { Badge, type BadgeTone } from "../badge.tsx";

/**
 * The state of a thread at a glance. `hiddenLabel` differs by reader: the author is told only they and
 * the administrators see it (仅你和管理员可见); moderators just see "hidden".
 */
export function ThreadBadges({
  thread,
  hiddenLabel = "forum.badge.hidden",
}: {
  thread: { pinned: boolean; essence: boolean; locked: boolean; solved: boolean; hidden: boolean; held?: boolean };
  hiddenLabel?: "forum.badge.hidden" | "forum.badge.hiddenStaff";
}) {
  const { t } = useI18n();
  const badges: ReadonlyArray<{ on: boolean; tone: BadgeTone; icon: LucideIcon; label: MessageKey }> = [
    { on: thread.hidden, tone: "amber", icon: EyeOff, label: thread.held ? "forumMod.held" : hiddenLabel },
    { on: thread.pinned, tone: "violet", icon: Pin, label: "forum.badge.pinned" },
    { on: thread.essence, tone: "red", icon: Sparkles, label: "forum.badge.essence" },
    { on: thread.solved, tone: "green", icon: CheckCircle2, label: "forum.badge.solved" },
    { on: thread.locked, tone: "slate", icon: Lock, label: "forum.badge.locked" },
  ];
  return (
    <>
      {badges
        .filter((b) => b.on)
        .map((b) => (
          <Badge key={b.label} tone={b.tone}>
            <b.icon aria-hidden className="size-3" />
            {t(b.label)}
          </Badge>
        ))}
    </>
  );
}
