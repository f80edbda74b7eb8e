import { Headset, Lock } from "lucide-react";
import { formatMoment } from "#app/lib/format/dates.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { Badge } from "./badge.tsx";
import { cn } from "./cn.ts";
import { AttachmentList, type AttachmentItem } from "./records/attachment-list.tsx";
import { RichTextView } from "./rich-text-editor.tsx";

// The conversation of a service request, shared by the back office and the customer zone. Each
// surface passes its own download route (`linkBase`). The portal's replies never include internal
// notes (its queries do not select them); the back office shows them, visibly different.

export interface ThreadReply {
  id: number;
  authorType: string;
  authorName: string | null;
  internal?: boolean;
  bodyHtml: string;
  createdAt: Date | string;
  attachments: AttachmentItem[];
}

export function ServiceThread({
  replies,
  linkBase,
  audience,
  empty,
}: {
  replies: readonly ThreadReply[];
  linkBase: string;
  /** Who reads: staff see who wrote what (requester / public reply / internal note). */
  audience: "staff" | "member";
  empty: string;
}) {
  const { t, locale } = useI18n();
  return (
    <section aria-labelledby="thread-title" className="space-y-3">
      <h2 id="thread-title" className="text-base font-semibold text-slate-900">
        {t("service.detail.thread")}
      </h2>
      {replies.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-200 px-4 py-6 text-center text-sm text-slate-500">
          {empty}
        </p>
      ) : (
        <ol className="space-y-3">
          {replies.map((r) => {
            const staff = r.authorType === "staff";
            return (
              <li
                key={r.id}
                className={cn(
                  "rounded-xl border p-4",
                  r.internal
                    ? "border-dashed border-amber-300 bg-amber-50/70"
                    : staff
                      ? "border-blue-100 bg-blue-50/40"
                      : "border-slate-200 bg-white",
                )}
              >
                <div className="mb-2 flex flex-wrap items-center gap-2 text-sm">
                  {r.internal ? <Lock aria-hidden className="size-4 text-amber-700" /> : null}
                  {staff && audience === "member" ? <Headset aria-hidden className="size-4 text-blue-600" /> : null}
                  <span className="font-medium text-slate-900">{r.authorName ?? "—"}</span>
                  <ReplyBadge internal={r.internal === true} staff={staff} audience={audience} />
                  <span className="ml-auto text-xs text-slate-400">{formatMoment(r.createdAt, locale)}</span>
                </div>
                <RichTextView html={r.bodyHtml} />
                <AttachmentList items={r.attachments} linkBase={linkBase} />
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

function ReplyBadge({
  internal,
  staff,
  audience,
}: {
  internal: boolean;
  staff: boolean;
  audience: "staff" | "member";
}) {
  const { t } = useI18n();
  if (audience === "member") return staff ? <Badge tone="blue">{t("service.detail.staffBadge")}</Badge> : null;
  if (internal) return <Badge tone="amber">{t("service.staff.internalBadge")}</Badge>;
  if (!staff) return <Badge tone="violet">{t("service.staff.requester")}</Badge>;
  return <Badge tone="blue">{t("service.staff.publicReply")}</Badge>;
}
