import type { LucideIcon } from "lucide-react";
import type { ReactNode } from "react";
import { Form } from "react-router";
import { Button, type ButtonVariant } from "../button.tsx";

/** One-click forum action: a tiny POST form carrying `intent` (and the post it acts on). */
export function IntentButton({
  intent,
  postId,
  icon: Icon,
  variant = "ghost",
  fields,
  children,
}: {
  intent: string;
  postId?: number;
  icon?: LucideIcon;
  variant?: ButtonVariant;
  fields?: Record<string, string>;
  children: ReactNode;
}) {
  return (
    <Form method="post" preventScrollReset>
      <input type="hidden" name="intent" value={intent} />
      {postId !== undefined ? <input type="hidden" name="postId" value={postId} /> : null}
      {Object.entries(fields ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button type="submit" variant={variant} size="sm">
        {Icon ? <Icon aria-hidden className="size-4" /> : null}
        {children}
      </Button>
    </Form>
  );
}
