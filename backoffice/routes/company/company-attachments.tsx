import { Paperclip } from "lucide-react";
import {
  data,
  Form,
  useActionData,
  useLoaderData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
} from "react-router";
import { db } from "#app/lib/db.server.ts";
import { redirectWithFlash } from "#app/lib/flash.server.ts";
import { requireIdParam } from "#app/lib/forms.server.ts";
import { clientIp } from "#app/lib/http.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { addCompanyAttachments } from "#app/modules/crm/companies/company-attachments.server.ts";
import { listCompanyAttachments } from "#app/modules/crm/companies/company-tabs.server.ts";
import { ATTACHMENT_ACCEPT, readUploadForm } from "#app/modules/files/attachments.server.ts";
import { SubmitButton } from "#app/ui/form/index.ts";
import { AttachmentInput } from "#app/ui/records/attachment-input.tsx";
import { AttachmentList } from "#app/ui/records/attachment-list.tsx";
import { SectionCard } from "#app/ui/section-card.tsx";
import { useCompanyWorkspace } from "#backoffice/components/companies/use-company-workspace.ts";
import { loadRecordPage } from "#backoffice/components/record-page.server.ts";

// The company page's 附件 tab: its files, and an upload for those who may modify the company.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const page = await loadRecordPage(
    request,
    { module: "companies", action: "browse" },
    params.companyId,
    listCompanyAttachments,
  );
  return { ...page, accept: ATTACHMENT_ACCEPT };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requireStaffActor(request, { module: "companies", action: "modify" });
  const id = requireIdParam(params.companyId);
  const form = await readUploadForm(request);
  const result = await addCompanyAttachments(db, actor, id, form, { ipAddress: clientIp(context) });
  if (result.status === "not-found") throw data(null, { status: 404 });
  if (result.status === "upload-errors") return data(result, { status: 400 });
  return redirectWithFlash(`/crm/companies/${id}/attachments`, "flash.saved");
}

export default function CompanyAttachmentsTab() {
  const { attachments, accept, company } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { capabilities } = useCompanyWorkspace();
  const { t } = useI18n();
  return (
    <SectionCard title={t("companies.tabs.attachments")} icon={Paperclip} labelled>
      {attachments.length === 0 ? (
        <p className="text-sm text-slate-400">{t("companies.attachments.none")}</p>
      ) : (
        <AttachmentList items={attachments} linkBase={`/crm/companies/${company.id}/files`} />
      )}
      {capabilities.canModify ? (
        <Form method="post" encType="multipart/form-data" className="mt-4 space-y-3">
          <AttachmentInput id="company-attachments" accept={accept} errors={answer?.errors ?? []} />
          <SubmitButton>{t("companies.attachments.upload")}</SubmitButton>
        </Form>
      ) : null}
    </SectionCard>
  );
}
