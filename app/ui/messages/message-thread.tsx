import { Headset } from "lucide-react";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { Card } from "../card.tsx";
import { cn } from "../cn.ts";

/**
 * MessageThread — one site-message conversation as chat bubbles, oldest first; the reader's own side
 * on the right in blue. The last message carries `id="latest"` (replies land on `#latest`).
 *
 * Props: `messages` (`ThreadMessage[]`, `when` already formatted by the loader with
 * `formatMessageTime` so server and browser agree); `reader`: "member" (portal: staff on the left
 * with a headset, own messages as "我") or "staff" (back office: the member on the left under
 * `memberLabel`, staff messages on the right).
 */

export interface ThreadMessage {
  id: number;
  body: string;
  when: string;
  fromStaff: boolean;
  staffName: string | null;
}

export function MessageThread({
  messages,
  reader,
  memberLabel = "",
}: {
  messages: readonly ThreadMessage[];
  reader: "member" | "staff";
  memberLabel?: string;
}) {
  const { t } = useI18n();
  const lastIndex = messages.length - 1;
  return (
    <Card className="px-4 py-5 sm:px-6">
      <ol aria-label={t("messages.conversation")} className="space-y-5">
        {messages.map((message, index) => {
          const mine = message.fromStaff === (reader === "staff");
          const staffLabel = message.staffName
            ? t("messages.author.staffNamed", { name: message.staffName })
            : t("messages.author.staff");
          return (
            <li
              key={message.id}
              id={index === lastIndex ? "latest" : undefined}
              className={cn("flex", mine ? "justify-end" : "justify-start")}
            >
              <div className={cn("max-w-[85%] sm:max-w-[75%]", mine && "text-right")}>
                <p className="mb-1 flex items-center gap-2 text-xs text-slate-500">
                  <span className={cn("inline-flex items-center gap-1 font-medium text-slate-700", mine && "ml-auto")}>
                    {message.fromStaff && reader === "member" ? (
                      <Headset aria-hidden className="size-3.5 text-blue-600" />
                    ) : null}
                    {message.fromStaff ? staffLabel : reader === "member" ? t("common.me") : memberLabel}
                  </span>
                  <time className="tabular-nums">{message.when}</time>
                </p>
                <div
                  className={cn(
                    "rounded-2xl px-4 py-2.5 text-left text-[15px] leading-7 break-words whitespace-pre-wrap",
                    mine ? "rounded-tr-sm bg-blue-600 text-white" : "rounded-tl-sm bg-slate-100 text-slate-900",
                  )}
                >
                  {message.body}
                </div>
              </div>
            </li>
          );
        })}
      </ol>
    </Card>
  );
}
