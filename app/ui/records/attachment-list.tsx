import { Paperclip } from "lucide-react";
import { formatBytes } from "#app/lib/format/numbers.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { cn } from "../cn.ts";

/**
 * AttachmentList — download links for a record's files (service requests and replies, knowledge
 * articles, assets), from `listAttachments(db, ownerType, ids)` (app/modules/files/attachments.server.ts).
 *
 * Raster images (png/jpeg/webp/gif, by `mimeType`) show as a thumbnail that opens the full image in a
 * new tab; the file routes serve exactly those types `inline` (never SVG: it can carry script).
 *
 * Props: `items` (`AttachmentItem[]`: `id`, `fileName`, `size`, optional `mimeType`); `linkBase`: the surface's download
 * route, "/crm/files" in the back office or "/zone/files" in the portal (each checks the reader may
 * see the owner); `empty`: show "没有附件" instead of nothing when there are none; `className`.
 */

export interface AttachmentItem {
  id: number;
  fileName: string;
  size: number;
  mimeType?: string;
}

/** Must match the `inline` types of `attachmentResponse` (app/modules/files/attachments.server.ts). */
const PREVIEW_TYPES = new Set(["image/png", "image/jpeg", "image/gif", "image/webp"]);

export function isPreviewableImage(item: Pick<AttachmentItem, "mimeType">): boolean {
  return !!item.mimeType && PREVIEW_TYPES.has(item.mimeType);
}

export function AttachmentList({
  items,
  linkBase,
  empty = false,
  className,
}: {
  items: readonly AttachmentItem[];
  linkBase: string;
  empty?: boolean;
  className?: string;
}) {
  const { t } = useI18n();
  if (items.length === 0) {
    return empty ? <p className={cn("text-sm text-slate-400", className)}>{t("records.attachments.none")}</p> : null;
  }
  const base = linkBase.replace(/\/$/, "");
  return (
    <ul aria-label={t("records.attachments.title")} className={cn("mt-3 flex flex-wrap gap-2", className)}>
      {items.map((a) => (
        <li key={a.id}>
          {isPreviewableImage(a) ? <ImageThumb item={a} href={`${base}/${a.id}`} /> : null}
          <a
            href={`${base}/${a.id}`}
            aria-label={t("records.attachments.download", { name: a.fileName, size: formatBytes(a.size) })}
            className="inline-flex max-w-72 items-center gap-1.5 rounded-md border border-slate-200 bg-white px-2.5 py-1 text-xs text-slate-700 hover:border-blue-300 hover:text-blue-700"
          >
            <Paperclip aria-hidden className="size-3.5 shrink-0 text-slate-400" />
            <span className="truncate">{a.fileName}</span>
            <span className="shrink-0 text-slate-400">{formatBytes(a.size)}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}

/** A thumbnail linking to the full image in a new tab (the route serves it inline). */
function ImageThumb({ item, href }: { item: AttachmentItem; href: string }) {
  const { t } = useI18n();
  return (
    <a
      href={href}
      target="_blank"
      rel="noopener noreferrer"
      title={item.fileName}
      aria-label={t("records.attachments.openImage", { name: item.fileName })}
      className="mb-1 block w-fit overflow-hidden rounded-md border border-slate-200 bg-slate-50 hover:border-blue-300"
    >
      <img
        src={href}
        alt={item.fileName}
        loading="lazy"
        decoding="async"
        className="block h-24 max-w-48 object-cover"
      />
    </a>
  );
}
