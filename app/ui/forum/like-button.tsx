import { ThumbsUp } from "lucide-react";
import { Form } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { Button } from "../button.tsx";

// 赞 (decision 065): one hidden form per page and a bare submit button per post that names it
// (`form=`) and carries the post id as its own name/value — a like under each of 30 posts was a form
// with two hidden inputs each. Works without JavaScript (the browser submits the button's value).

const LIKE_FORM_ID = "forum-like";

/** The page's one like form; render it once, anywhere on the page. */
export function LikeForm() {
  return (
    <Form id={LIKE_FORM_ID} method="post" preventScrollReset hidden>
      <input type="hidden" name="intent" value="like" />
    </Form>
  );
}

export function LikeButton({ postId, liked, count }: { postId: number; liked: boolean; count: number }) {
  const { t } = useI18n();
  return (
    <Button
      type="submit"
      form={LIKE_FORM_ID}
      name="postId"
      value={postId}
      aria-pressed={liked}
      variant={liked ? "subtle" : "ghost"}
      size="sm"
    >
      <ThumbsUp aria-hidden className="size-4" />
      {t("forum.likes", { count })}
    </Button>
  );
}
