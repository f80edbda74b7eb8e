import { Paperclip } from "lucide-react";
import { useLoaderData, type LoaderFunctionArgs } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { getContactAttachments } from "#app/modules/crm/contacts/contact-workspace.server.ts";
import { AttachmentList } from "#app/ui/records/attachment-list.tsx";
import { SectionCard } from "#app/ui/section-card.tsx";
import { loadRecordPage } from "#backoffice/components/record-page.server.ts";

// 附件: the files attached to the contact (Attachment ownerType "contact").

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadRecordPage(request, { module: "contacts", action: "browse" }, params.contactId, getContactAttachments);
}

export default function ContactAttachmentsTab() {
  const { attachments } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <SectionCard icon={Paperclip} title={t("contacts.tabs.attachments")}>
      <AttachmentList items={attachments} linkBase="/crm/files" empty />
    </SectionCard>
  );
}
