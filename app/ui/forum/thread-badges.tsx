import { CheckCircle2, EyeOff, Lock, Pin, Sparkles } from "lucide-react";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { Badge } from "../badge.tsx";

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
  return (
    <>
      {thread.hidden ? (
        <Badge tone="amber">
          <EyeOff aria-hidden className="size-3" />
          {t(thread.held ? "forumMod.held" : hiddenLabel)}
        </Badge>
      ) : null}
      {thread.pinned ? (
        <Badge tone="violet">
          <Pin aria-hidden className="size-3" />
          {t("forum.badge.pinned")}
        </Badge>
      ) : null}
      {thread.essence ? (
        <Badge tone="red">
          <Sparkles aria-hidden className="size-3" />
          {t("forum.badge.essence")}
        </Badge>
      ) : null}
      {thread.solved ? (
        <Badge tone="green">
          <CheckCircle2 aria-hidden className="size-3" />
          {t("forum.badge.solved")}
        </Badge>
      ) : null}
      {thread.locked ? (
        <Badge tone="slate">
          <Lock aria-hidden className="size-3" />
          {t("forum.badge.locked")}
        </Badge>
      ) : null}
    </>
  );
}
