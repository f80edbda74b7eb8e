import { Check, Eye, EyeOff, Lock, LockOpen, Pin, PinOff, Sparkles, Trash2, UserCheck } from "lucide-react";
import { Form } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { Button } from "../button.tsx";
import { inputClass, singleLineClass } from "../form/input-styles.ts";
import { cn } from "../cn.ts";
import { IntentButton } from "./intent-button.tsx";

/** Thread-wide moderation (pin, essence, lock) for moderators, on the portal and in the back office. */
export function ThreadModerationBar({ thread }: { thread: { pinned: boolean; essence: boolean; locked: boolean } }) {
  const { t } = useI18n();
  return (
    <div className="flex flex-wrap gap-2" data-testid="thread-moderation">
      <IntentButton intent={thread.pinned ? "unpin" : "pin"} icon={thread.pinned ? PinOff : Pin} variant="secondary">
        {t(thread.pinned ? "forum.mod.unpin" : "forum.mod.pin")}
      </IntentButton>
      <IntentButton intent={thread.essence ? "unessence" : "essence"} icon={Sparkles} variant="secondary">
        {t(thread.essence ? "forum.mod.unessence" : "forum.mod.essence")}
      </IntentButton>
      <IntentButton
        intent={thread.locked ? "unlock" : "lock"}
        icon={thread.locked ? LockOpen : Lock}
        variant="secondary"
      >
        {t(thread.locked ? "forum.mod.unlock" : "forum.mod.lock")}
      </IntentButton>
    </div>
  );
}

/** Hide/unhide and delete-with-reason of one post, for moderators. */
export function PostModeration({ post }: { post: { id: number; hidden: boolean; held?: boolean } }) {
  const { t } = useI18n();
  if (post.held) return <HeldPostActions postId={post.id} />;
  return (
    <>
      {post.hidden ? (
        <IntentButton intent="unhide" postId={post.id} icon={Eye}>
          {t("forum.mod.unhide")}
        </IntentButton>
      ) : (
        <ReasonForm intent="hide" postId={post.id} label={t("forum.mod.hide")} icon="hide" />
      )}
      <ReasonForm intent="delete" postId={post.id} label={t("forum.mod.delete")} icon="delete" required />
    </>
  );
}

/** 待审核 (decision 041): approve, approve and trust the member, or reject with a reason. */
export function HeldPostActions({ postId }: { postId: number }) {
  const { t } = useI18n();
  return (
    <>
      <IntentButton intent="approve" postId={postId} icon={Check} variant="secondary">
        {t("forumMod.queue.approve")}
      </IntentButton>
      <IntentButton intent="approve" postId={postId} icon={UserCheck} fields={{ trust: "1" }}>
        {t("forumMod.queue.approveTrust")}
      </IntentButton>
      <ReasonForm intent="reject" postId={postId} label={t("forumMod.queue.reject")} icon="delete" required />
    </>
  );
}

export function ReasonForm({
  intent,
  postId,
  label,
  icon,
  required = false,
}: {
  intent: string;
  postId: number;
  label: string;
  icon: "hide" | "delete";
  required?: boolean;
}) {
  const { t } = useI18n();
  const Icon = icon === "hide" ? EyeOff : Trash2;
  return (
    <details className="relative">
      <summary className="inline-flex h-8 cursor-pointer list-none items-center gap-1.5 rounded-md px-3 text-sm text-slate-600 hover:bg-slate-100">
        <Icon aria-hidden className="size-4" />
        {label}
      </summary>
      <Form
        method="post"
        preventScrollReset
        className="absolute z-10 mt-1 flex w-72 gap-2 rounded-lg border border-slate-200 bg-white p-2 shadow-lg"
      >
        <input type="hidden" name="intent" value={intent} />
        <input type="hidden" name="postId" value={postId} />
        <input
          name="reason"
          aria-label={t("forum.mod.reason")}
          placeholder={t("forum.mod.reason")}
          required={required}
          maxLength={500}
          className={cn(inputClass, singleLineClass, "h-8")}
        />
        <Button type="submit" size="sm" variant={icon === "delete" ? "danger" : "primary"}>
          {label}
        </Button>
      </Form>
    </details>
  );
}
