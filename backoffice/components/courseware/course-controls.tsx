import { ArrowDown, ArrowUp } from "lucide-react";
import { Form } from "react-router";
import type { CoursewareStatus } from "#app/generated/prisma/enums.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { Badge } from "#app/ui/badge.tsx";
import { SubmitButton } from "#app/ui/form/index.ts";
import { IntentButton } from "#app/ui/form/intent-button.tsx";

// Small controls shared by the chapter and lesson rows of the courseware editor: status badge,
// move up/down, publish/unpublish. Each posts an intent with the item's id to the page's action.

export function StatusBadge({ status }: { status: CoursewareStatus }) {
  const { t } = useI18n();
  return (
    <Badge tone={status === "published" ? "green" : "amber"} dot>
      {t(`courseware.status.${status}`)}
    </Badge>
  );
}

/** Up and down arrows for one item (`field` names the id: chapterId or lessonId). */
export function MoveButtons({
  intent,
  field,
  id,
  name,
  first,
  last,
}: {
  intent: string;
  field: string;
  id: number;
  name: string;
  first: boolean;
  last: boolean;
}) {
  const { t } = useI18n();
  const arrow = (direction: "up" | "down") => (
    <Form method="post">
      <input type="hidden" name={field} value={id} />
      <input type="hidden" name="direction" value={direction} />
      <SubmitButton
        intent={intent}
        size="sm"
        variant="ghost"
        disabled={direction === "up" ? first : last}
        aria-label={t(direction === "up" ? "courseware.admin.moveUpNamed" : "courseware.admin.moveDownNamed", { name })}
        title={t(direction === "up" ? "courseware.admin.moveUp" : "courseware.admin.moveDown")}
        pendingLabel="…"
      >
        {direction === "up" ? <ArrowUp aria-hidden className="size-4" /> : <ArrowDown aria-hidden className="size-4" />}
      </SubmitButton>
    </Form>
  );
  return (
    <div className="flex items-center">
      {arrow("up")}
      {arrow("down")}
    </div>
  );
}

/** 发布 / 撤回为草稿 for one item: `intent` is e.g. "chapterStatus", the status to set rides along. */
export function PublishButton({
  intent,
  field,
  id,
  status,
}: {
  intent: string;
  field?: string;
  id?: number;
  status: CoursewareStatus;
}) {
  const { t } = useI18n();
  const next = status === "published" ? "draft" : "published";
  return (
    <Form method="post">
      {field && id !== undefined ? <input type="hidden" name={field} value={id} /> : null}
      <input type="hidden" name="status" value={next} />
      <SubmitButton intent={intent} size="sm" variant={next === "published" ? "primary" : "secondary"}>
        {t(next === "published" ? "courseware.admin.publish" : "courseware.admin.unpublish")}
      </SubmitButton>
    </Form>
  );
}

/** A delete button with its consequence spelled out beside it. */
export function DeleteButton({
  intent,
  field,
  label,
  hint,
}: {
  intent: string;
  field?: { name: string; value: number };
  label: string;
  hint: string;
}) {
  return (
    <div className="flex flex-wrap items-center gap-3">
      <IntentButton intent={intent} field={field} variant="danger">
        {label}
      </IntentButton>
      <p className="text-xs text-slate-500">{hint}</p>
    </div>
  );
}
