import { Send } from "lucide-react";
import { Form, Link } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { FieldErrors } from "#app/lib/service-result.ts";
import { SERVICE_KINDS, SERVICE_PRIORITIES } from "#app/modules/service/service-constants.ts";
import { Card } from "#app/ui/card.tsx";
import { ChoiceCards } from "#app/ui/form/choice-cards.tsx";
import { SelectField, SubmitButton } from "#app/ui/form/index.ts";
import { AttachmentInput, type UploadErrorView } from "#app/ui/records/attachment-input.tsx";
import { RequestDescriptionField, RequestSubjectField } from "#app/ui/service/request-fields.tsx";
import { useLookupChoices } from "#app/ui/lookup-labels.ts";

// 提交服务请求: kind, subject, the asset concerned (the zone company's assets only), priority, a
// rich-text description and attachments.

export function ZoneRequestForm({
  assets,
  accept,
  sent,
  preselectedAsset,
  errors,
  uploadErrors,
}: {
  assets: ReadonlyArray<{ id: number; name: string; model: string | null; serialNumber: string | null }>;
  accept: string;
  sent: Record<string, string> | null;
  preselectedAsset: number | null;
  errors: FieldErrors;
  uploadErrors: readonly UploadErrorView[];
}) {
  const { t } = useI18n();
  const kindChoices = useLookupChoices("service_request_kind", SERVICE_KINDS, "service.kind.");
  return (
    <Card className="p-6">
      <Form method="post" encType="multipart/form-data" className="space-y-5" noValidate>
        <ChoiceCards
          name="kind"
          legend={t("service.field.kind")}
          options={kindChoices}
          defaultValue={sent?.kind ?? "fault"}
          errors={errors.kind}
          className="grid grid-cols-2 gap-2 sm:grid-cols-4"
        />
        <RequestSubjectField sent={sent} errors={errors} />
        <div className="grid gap-5 sm:grid-cols-[2fr_1fr]">
          <SelectField
            name="assetId"
            label={t("service.field.asset")}
            defaultValue={sent?.assetId ?? (preselectedAsset ? String(preselectedAsset) : "")}
            placeholder={t("service.field.assetNone")}
            options={assets.map((a) => ({
              value: String(a.id),
              label: [a.name, a.model, a.serialNumber ? `S/N ${a.serialNumber}` : null].filter(Boolean).join(" · "),
            }))}
            errors={errors.assetId}
          />
          <SelectField
            name="priority"
            label={t("service.field.priority")}
            defaultValue={sent?.priority ?? "normal"}
            options={SERVICE_PRIORITIES.map((p) => ({ value: p, label: t(`service.priority.${p}`) }))}
          />
        </div>
        <RequestDescriptionField sent={sent} errors={errors} minRows={8} />
        <AttachmentInput id="attachments" accept={accept} errors={uploadErrors} />
        <div className="flex items-center justify-end gap-3 border-t border-slate-100 pt-5">
          <Link to="/zone/requests" className="text-sm text-slate-500 hover:text-slate-900">
            {t("service.new.cancel")}
          </Link>
          <SubmitButton icon={Send}>{t("service.new.submit")}</SubmitButton>
        </div>
      </Form>
    </Card>
  );
}
