import { Megaphone, Trash2 } from "lucide-react";
import { Form } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { ZoneWorkspace } from "#app/modules/zones/zone-workspace.server.ts";
import { SubmitButton, TextareaField, TextField } from "#app/ui/form/index.ts";
import { SectionCard } from "#app/ui/section-card.tsx";
import { IntentButton } from "#app/ui/form/intent-button.tsx";

// The zone's announcements (公告) as its CSRs manage them: the latest notices and a form for a new one.

export function ZoneAnnouncements({
  announcements,
  canModify,
}: {
  announcements: ZoneWorkspace["zone"]["announcements"];
  canModify: boolean;
}) {
  const { t } = useI18n();
  return (
    <SectionCard
      icon={Megaphone}
      title={t("zones.bo.zone.announcements")}
      description={t("zones.bo.zone.announcementsHint")}
      flush
    >
      {announcements.length === 0 ? (
        <p className="px-5 py-6 text-center text-sm text-slate-500">{t("zones.bo.zone.announcementsEmpty")}</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {announcements.map((a) => (
            <li key={a.id} className="flex gap-3 px-5 py-3.5">
              <div className="min-w-0 flex-1">
                <p className="font-medium text-slate-900">
                  {a.title} <time className="ml-2 text-xs font-normal text-slate-500">{a.createdAt}</time>
                </p>
                <p className="mt-1 text-sm whitespace-pre-line text-slate-600">{a.body}</p>
              </div>
              {canModify ? (
                <IntentButton
                  intent="deleteAnnouncement"
                  field={{ name: "announcementId", value: a.id }}
                  variant="ghost"
                  pendingLabel={<Trash2 aria-hidden className="size-4" />}
                  aria-label={t("zones.bo.zone.deleteAnnouncement", { title: a.title })}
                >
                  <Trash2 aria-hidden className="size-4" />
                </IntentButton>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canModify ? (
        <Form method="post" className="grid gap-3 border-t border-slate-100 px-5 py-4">
          <TextField name="title" label={t("zones.bo.zone.announceTitle")} required maxLength={200} />
          <TextareaField name="body" label={t("zones.bo.zone.announceBody")} required maxLength={5000} rows={3} />
          <div>
            <SubmitButton intent="announce">
              <Megaphone aria-hidden className="size-4" />
              {t("zones.bo.zone.announceSubmit")}
            </SubmitButton>
          </div>
        </Form>
      ) : null}
    </SectionCard>
  );
}
