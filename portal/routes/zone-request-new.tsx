import { ArrowLeft, Send } from "lucide-react";
import {
  Form,
  Link,
  redirect,
  useActionData,
  useLoaderData,
  useNavigation,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaArgs,
} from "react-router";
import { db } from "#app/lib/db.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { ATTACHMENT_ACCEPT, readUploadForm, storeFormFiles } from "#app/modules/files/attachments.server.ts";
import { zoneAssetOptions } from "#app/modules/service/service-queries.server.ts";
import { SERVICE_KINDS } from "#app/modules/service/service-constants.ts";
import { createZoneRequest } from "#app/modules/service/service-requests.server.ts";
import { requireZoneAccess } from "#app/modules/zones/zone-access.server.ts";
import { Button } from "#app/ui/button.tsx";
import { Card } from "#app/ui/card.tsx";
import { cn } from "#app/ui/cn.ts";
import { pageTitle } from "#app/ui/meta.ts";
import { RichTextEditor } from "#app/ui/rich-text-editor.tsx";
import { AttachmentInput, type UploadErrorView } from "#app/ui/records/attachment-input.tsx";
import { ZoneNav } from "#portal/components/zone-nav.tsx";

// 提交服务请求: kind, subject, the asset concerned (the zone company's assets only), a rich-text
// description and attachments. The server sanitises the HTML and routes the request to the CSR.

export async function loader({ request }: LoaderFunctionArgs) {
  const ctx = await requireZoneAccess(request);
  const url = new URL(request.url);
  const assetParam = Number(url.searchParams.get("asset") ?? "");
  return {
    zoneName: ctx.zone.name,
    assets: await zoneAssetOptions(db, ctx.zone.companyId),
    accept: ATTACHMENT_ACCEPT,
    preselectedAsset: Number.isInteger(assetParam) && assetParam > 0 ? assetParam : null,
  };
}

export const meta = ({ matches }: MetaArgs) => pageTitle(matches, "service.new.title");

type ActionResult = {
  errors: Record<string, string[]>;
  uploadErrors: UploadErrorView[];
  values: Record<string, string>;
};

export async function action({ request }: ActionFunctionArgs): Promise<ActionResult | Response> {
  const ctx = await requireZoneAccess(request);
  const form = await readUploadForm(request);
  const values = {
    kind: String(form.get("kind") ?? ""),
    subject: String(form.get("subject") ?? ""),
    description: String(form.get("description") ?? ""),
    assetId: String(form.get("assetId") ?? ""),
    priority: String(form.get("priority") ?? "normal"),
  };
  const files = await storeFormFiles(form);
  if (!files.ok) return { errors: {}, uploadErrors: files.errors, values };
  const result = await createZoneRequest(db, ctx, values, files.stored);
  if (!result.ok) return { errors: result.errors, uploadErrors: [], values };
  return redirect(`/zone/requests/${result.value.id}?created=1`);
}

const inputClass =
  "mt-1.5 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-blue-500 focus:ring-2 focus:ring-blue-600/20 focus:outline-none";

export default function ZoneRequestNew() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useI18n();
  const errors = result?.errors ?? {};
  const values = result?.values;
  const fieldError = (field: string) =>
    errors[field]?.[0] ? (
      <p id={`${field}-error`} className="mt-1 text-xs text-red-600">
        {t(errors[field][0] as MessageKey)}
      </p>
    ) : null;

  return (
    <>
      <ZoneNav zoneName={data.zoneName} />
      <div className="mx-auto max-w-3xl space-y-6 px-4 py-8 sm:px-6 lg:px-8">
        <Link
          to="/zone/requests"
          className="inline-flex items-center gap-1 text-sm text-slate-500 hover:text-slate-900"
        >
          <ArrowLeft aria-hidden className="size-4" />
          {t("service.detail.back")}
        </Link>
        <header>
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t("service.new.title")}</h1>
          <p className="mt-1.5 text-[15px] leading-6 text-slate-500">{t("service.new.lead")}</p>
        </header>
        <Card className="p-6">
          <Form method="post" encType="multipart/form-data" className="space-y-5" noValidate>
            <fieldset>
              <legend className="text-sm font-medium text-slate-700">{t("service.field.kind")}</legend>
              <div className="mt-2 grid grid-cols-2 gap-2 sm:grid-cols-4">
                {SERVICE_KINDS.map((kind) => (
                  <label
                    key={kind}
                    className="flex cursor-pointer items-center gap-2 rounded-lg border border-slate-200 px-3 py-2 text-sm has-[:checked]:border-blue-500 has-[:checked]:bg-blue-50 has-[:checked]:text-blue-800"
                  >
                    <input
                      type="radio"
                      name="kind"
                      value={kind}
                      defaultChecked={(values?.kind ?? "fault") === kind}
                      className="accent-blue-600"
                    />
                    {t(`service.kind.${kind}` as MessageKey)}
                  </label>
                ))}
              </div>
              {fieldError("kind")}
            </fieldset>

            <div>
              <label htmlFor="subject" className="block text-sm font-medium text-slate-700">
                {t("service.field.subject")}
              </label>
              <input
                id="subject"
                name="subject"
                required
                maxLength={200}
                defaultValue={values?.subject}
                aria-invalid={errors.subject ? true : undefined}
                aria-describedby={errors.subject ? "subject-error" : undefined}
                className={cn(inputClass, errors.subject && "border-red-400")}
              />
              {fieldError("subject")}
            </div>

            <div className="grid gap-5 sm:grid-cols-3">
              <div className="sm:col-span-2">
                <label htmlFor="assetId" className="block text-sm font-medium text-slate-700">
                  {t("service.field.asset")}
                </label>
                <select
                  id="assetId"
                  name="assetId"
                  defaultValue={values?.assetId ?? (data.preselectedAsset ? String(data.preselectedAsset) : "")}
                  className={inputClass}
                >
                  <option value="">{t("service.field.assetNone")}</option>
                  {data.assets.map((a) => (
                    <option key={a.id} value={a.id}>
                      {[a.name, a.model, a.serialNumber ? `S/N ${a.serialNumber}` : null].filter(Boolean).join(" · ")}
                    </option>
                  ))}
                </select>
                {fieldError("assetId")}
              </div>
              <div>
                <label htmlFor="priority" className="block text-sm font-medium text-slate-700">
                  {t("service.field.priority")}
                </label>
                <select
                  id="priority"
                  name="priority"
                  defaultValue={values?.priority ?? "normal"}
                  className={inputClass}
                >
                  {(["low", "normal", "high", "urgent"] as const).map((p) => (
                    <option key={p} value={p}>
                      {t(`service.priority.${p}`)}
                    </option>
                  ))}
                </select>
              </div>
            </div>

            <div>
              <span className="block text-sm font-medium text-slate-700">{t("service.field.description")}</span>
              <div className="mt-1.5">
                <RichTextEditor
                  name="description"
                  label={t("service.field.description")}
                  defaultValue={values?.description ?? ""}
                  invalid={Boolean(errors.description)}
                  describedBy={errors.description ? "description-error" : undefined}
                  minRows={8}
                />
              </div>
              {fieldError("description")}
            </div>

            <AttachmentInput id="attachments" accept={data.accept} errors={result?.uploadErrors} />

            <div className="flex items-center justify-end gap-3 border-t border-slate-100 pt-5">
              <Link to="/zone/requests" className="text-sm text-slate-500 hover:text-slate-900">
                {t("service.new.cancel")}
              </Link>
              <Button type="submit" disabled={navigation.state === "submitting"}>
                <Send aria-hidden className="size-4" />
                {t("service.new.submit")}
              </Button>
            </div>
          </Form>
        </Card>
      </div>
    </>
  );
}
