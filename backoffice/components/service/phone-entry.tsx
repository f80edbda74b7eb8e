import { Building2 } from "lucide-react";
import { Form, Link } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import type { FieldErrors } from "#app/lib/service-result.ts";
import { SERVICE_KINDS, SERVICE_PRIORITIES } from "#app/modules/service/service-constants.ts";
import { Badge } from "#app/ui/badge.tsx";
import { Button } from "#app/ui/button.tsx";
import { Card } from "#app/ui/card.tsx";
import { ErrorList, SelectField, SubmitButton } from "#app/ui/form/index.ts";
import { SearchField } from "#app/ui/list/filter-bar.tsx";
import { AttachmentInput, type UploadErrorView } from "#app/ui/records/attachment-input.tsx";
import { RequestDescriptionField, RequestSubjectField } from "#app/ui/service/request-fields.tsx";
import { useLookupChoices } from "#app/ui/lookup-labels.ts";

// 电话录入 in two steps: find the caller's company, then the request with that company's contacts and
// assets only.

type Company = { id: number; name: string; number: string; city: string | null; zone: { id: number } | null };

export function CompanyFinder({ q, companies }: { q: string; companies: readonly Company[] }) {
  const { t } = useI18n();
  return (
    <Card className="p-5">
      <Form method="get" className="flex gap-2">
        <SearchField defaultValue={q} label={t("service.staffNew.search")} className="sm:max-w-none" />
        <Button type="submit">{t("service.staffNew.find")}</Button>
      </Form>
      {!q ? null : companies.length === 0 ? (
        <p className="mt-4 text-sm text-slate-500">{t("service.staffNew.noCompanies")}</p>
      ) : (
        <ul className="mt-4 divide-y divide-slate-100 rounded-lg border border-slate-200">
          {companies.map((c) => (
            <li key={c.id} className="flex items-center justify-between gap-3 px-4 py-3">
              <div className="min-w-0">
                <p className="font-medium text-slate-900">{c.name}</p>
                <p className="text-xs text-slate-500">
                  {c.number}
                  {c.city ? ` · ${c.city}` : ""}
                </p>
              </div>
              <div className="flex items-center gap-2">
                {c.zone ? <Badge tone="blue">{t("service.staffNew.hasZone")}</Badge> : null}
                <Link
                  to={`/crm/service/new?company=${c.id}`}
                  className="rounded-md px-3 py-1.5 text-sm font-medium text-blue-700 hover:bg-blue-50"
                >
                  {t("service.staffNew.choose")}
                </Link>
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

interface ChosenCompany {
  id: number;
  name: string;
  zone: { name: string } | null;
  contacts: ReadonlyArray<{
    id: number;
    fullName: string;
    title: string | null;
    mobile: string | null;
    phone: string | null;
  }>;
}

export function PhoneRequestForm({
  company,
  assets,
  assignees,
  accept,
  sent,
  errors,
  uploadErrors,
}: {
  company: ChosenCompany;
  assets: ReadonlyArray<{ id: number; name: string; model: string | null; serialNumber: string | null }>;
  assignees: ReadonlyArray<{ id: number; name: string }>;
  accept: string;
  sent: Record<string, string> | null;
  errors: FieldErrors;
  uploadErrors: readonly UploadErrorView[];
}) {
  const { t } = useI18n();
  const kindChoices = useLookupChoices("service_request_kind", SERVICE_KINDS, "service.kind.");
  const pick = (values: readonly string[], prefix: string) =>
    values.map((v) => ({ value: v, label: t(`${prefix}${v}` as MessageKey) }));
  return (
    <Card className="p-6">
      <div className="mb-5 flex items-center justify-between gap-3 rounded-lg bg-slate-50 px-4 py-3">
        <div className="flex items-center gap-3">
          <Building2 aria-hidden className="size-5 text-slate-400" />
          <div>
            <p className="text-xs text-slate-500">{t("service.staffNew.company")}</p>
            <p className="font-medium text-slate-900">{company.name}</p>
          </div>
          {company.zone ? <Badge tone="blue">{company.zone.name}</Badge> : null}
        </div>
        <Link to="/crm/service/new" className="text-sm text-blue-700 hover:underline">
          {t("service.staffNew.change")}
        </Link>
      </div>
      <Form method="post" encType="multipart/form-data" className="space-y-5" noValidate>
        <input type="hidden" name="companyId" value={company.id} />
        <ErrorList errors={errors.companyId} />
        <div className="grid gap-5 sm:grid-cols-2">
          <SelectField
            name="contactId"
            label={t("service.field.contact")}
            defaultValue={sent?.contactId ?? ""}
            placeholder={t("service.field.contactNone")}
            options={company.contacts.map((c) => ({
              value: String(c.id),
              label: [c.fullName, c.title, c.mobile ?? c.phone].filter(Boolean).join(" · "),
            }))}
            errors={errors.contactId}
          />
          <SelectField
            name="assetId"
            label={t("service.field.asset")}
            defaultValue={sent?.assetId ?? ""}
            placeholder={t("service.field.assetNone")}
            options={assets.map((a) => ({
              value: String(a.id),
              label: [a.name, a.model, a.serialNumber].filter(Boolean).join(" · "),
            }))}
            errors={errors.assetId}
          />
          <SelectField
            name="kind"
            label={t("service.field.kind")}
            defaultValue={sent?.kind ?? "fault"}
            options={kindChoices}
            errors={errors.kind}
          />
          <div className="grid grid-cols-2 gap-3">
            <SelectField
              name="priority"
              label={t("service.field.priority")}
              defaultValue={sent?.priority ?? "normal"}
              options={pick(SERVICE_PRIORITIES, "service.priority.")}
            />
            <SelectField
              name="channel"
              label={t("service.field.channel")}
              defaultValue={sent?.channel ?? "phone"}
              options={pick(["phone", "email", "staff"], "service.channel.")}
            />
          </div>
        </div>
        <RequestSubjectField sent={sent} errors={errors} />
        <RequestDescriptionField sent={sent} errors={errors} />
        <SelectField
          name="assigneeId"
          label={t("service.field.assignee")}
          defaultValue={sent?.assigneeId ?? ""}
          placeholder={t("service.field.assigneeAuto")}
          options={assignees.map((s) => ({ value: String(s.id), label: s.name }))}
          errors={errors.assigneeId}
        />
        <AttachmentInput id="attachments" accept={accept} errors={uploadErrors} />
        <div className="flex justify-end border-t border-slate-100 pt-5">
          <SubmitButton>{t("service.staffNew.submit")}</SubmitButton>
        </div>
      </Form>
    </Card>
  );
}
