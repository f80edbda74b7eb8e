import { FileText, Film, ImageIcon, Paperclip } from "lucide-react";
import { formatBytes } from "#app/lib/format/numbers.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { AttachmentList } from "#app/ui/records/attachment-list.tsx";
import { SectionCard } from "#app/ui/section-card.tsx";

// A lesson's files by kind: videos play in the page (streamed in ranges by the file route), images
// show as a gallery, PDFs open in the browser, anything else downloads.

export interface LessonFile {
  id: number;
  fileName: string;
  mimeType: string;
  size: number;
}

function kindOf(file: LessonFile): "video" | "image" | "pdf" | "other" {
  if (file.mimeType.startsWith("video/")) return "video";
  if (file.mimeType.startsWith("image/")) return "image";
  return file.mimeType === "application/pdf" ? "pdf" : "other";
}

export function LessonMedia({ base, files }: { base: string; files: readonly LessonFile[] }) {
  const { t } = useI18n();
  const of = (kind: ReturnType<typeof kindOf>) => files.filter((f) => kindOf(f) === kind);
  const [videos, images, pdfs, others] = [of("video"), of("image"), of("pdf"), of("other")];
  return (
    <>
      {videos.length > 0 ? (
        <SectionCard title={t("courseware.portal.video")} icon={Film}>
          <div className="space-y-4">
            {videos.map((v) => (
              <figure key={v.id}>
                <video controls preload="metadata" className="w-full rounded-lg bg-black" aria-label={v.fileName}>
                  <source src={`${base}/${v.id}`} type={v.mimeType} />
                  <a href={`${base}/${v.id}`}>{t("courseware.portal.videoFallback")}</a>
                </video>
                <figcaption className="mt-1.5 text-xs text-slate-500">{v.fileName}</figcaption>
              </figure>
            ))}
          </div>
        </SectionCard>
      ) : null}
      {images.length > 0 ? (
        <SectionCard title={t("courseware.portal.images")} icon={ImageIcon}>
          <div className="grid gap-3 sm:grid-cols-2">
            {images.map((img) => (
              <a
                key={img.id}
                href={`${base}/${img.id}`}
                className="block overflow-hidden rounded-lg border border-slate-200"
              >
                <img src={`${base}/${img.id}`} alt={img.fileName} loading="lazy" className="h-auto w-full" />
              </a>
            ))}
          </div>
        </SectionCard>
      ) : null}
      {pdfs.length + others.length > 0 ? (
        <SectionCard title={t("courseware.portal.handouts")} icon={Paperclip}>
          <ul className="space-y-2">
            {pdfs.map((pdf) => (
              <li key={pdf.id}>
                <a
                  href={`${base}/${pdf.id}`}
                  target="_blank"
                  rel="noopener"
                  className="inline-flex items-center gap-2 text-sm font-medium text-blue-700 hover:underline"
                >
                  <FileText aria-hidden className="size-4" />
                  {t("courseware.portal.openPdf", { name: pdf.fileName })}
                  <span className="text-xs font-normal text-slate-500">{formatBytes(pdf.size)}</span>
                </a>
              </li>
            ))}
          </ul>
          <AttachmentList items={others} linkBase={base} />
        </SectionCard>
      ) : null}
    </>
  );
}
