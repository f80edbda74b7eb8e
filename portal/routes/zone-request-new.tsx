import { ArrowLeft } from "lucide-react";
import {
  data,
  Link,
  useActionData,
  useLoaderData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaArgs,
} from "react-router";
import { db } from "#app/lib/db.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { respond } from "#app/lib/service-result.ts";
import { ATTACHMENT_ACCEPT, readUploadForm, storeFormFiles } from "#app/modules/files/attachments.server.ts";
import { zoneAssetOptions } from "#app/modules/service/service-queries.server.ts";
import { createZoneRequest } from "#app/modules/service/service-requests.server.ts";
import { asResult } from "#app/modules/service/service-results.ts";
import { requireZoneAccess } from "#app/modules/zones/zone-access.server.ts";
import { FailureNotice, fieldErrors, submittedValues } from "#app/ui/form/index.ts";
import { listFilters } from "#app/ui/list/list-query.ts";
import { pageTitle } from "#app/ui/meta.ts";
import { ZoneRequestForm } from "#portal/components/zone/zone-request-form.tsx";
import { ShellErrorBoundary } from "#portal/components/shell-error-boundary.tsx";
import { ZoneShell } from "#portal/components/zone-ui.tsx";

// 提交服务请求: kind, subject, the asset concerned (the zone company's assets only), a rich-text
// description and attachments. The server sanitises the HTML and routes the request to the CSR.

const FIELDS = ["kind", "subject", "description", "assetId", "priority"];
/** `?asset=` (from an asset page's "report a problem") only preselects it. */
const AssetParam = listFilters.id();

export async function loader({ request }: LoaderFunctionArgs) {
  const ctx = await requireZoneAccess(request);
  const asset = AssetParam.parse(new URL(request.url).searchParams.get("asset") ?? undefined) ?? null;
  return {
    zoneName: ctx.zone.name,
    assets: await zoneAssetOptions(db, ctx.zone.companyId),
    accept: ATTACHMENT_ACCEPT,
    preselectedAsset: asset,
  };
}

export const meta = ({ matches }: MetaArgs) => pageTitle(matches, "service.new.title");

export async function action({ request }: ActionFunctionArgs) {
  const ctx = await requireZoneAccess(request);
  const form = await readUploadForm(request);
  const values = Object.fromEntries(FIELDS.map((key) => [key, String(form.get(key) ?? "")]));
  values.priority ||= "normal";
  const files = await storeFormFiles(form);
  if (!files.ok) return data({ uploadErrors: files.errors, values }, { status: 400 });
  const result = asResult(await createZoneRequest(db, ctx, values, files.stored), "create");
  return respond(result.status === "invalid" ? { ...result, values } : result, {
    successTo: ({ id }) => `/zone/requests/${id}`,
    flash: "flash.service.submitted",
  });
}

export default function ZoneRequestNew() {
  const d = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useI18n();
  const failure = answer && "status" in answer ? answer : null;
  const upload = answer && "uploadErrors" in answer ? answer : null;
  return (
    <ZoneShell zoneName={d.zoneName} narrow>
      <Link to="/zone/requests" className="inline-flex items-center gap-1 text-sm text-slate-500 hover:text-slate-900">
        <ArrowLeft aria-hidden className="size-4" />
        {t("service.detail.back")}
      </Link>
      <header>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t("service.new.title")}</h1>
        <p className="mt-1.5 text-[15px] leading-6 text-slate-500">{t("service.new.lead")}</p>
      </header>
      <FailureNotice result={failure} />
      <ZoneRequestForm
        assets={d.assets}
        accept={d.accept}
        sent={upload?.values ?? submittedValues(failure)}
        preselectedAsset={d.preselectedAsset}
        errors={fieldErrors(failure)}
        uploadErrors={upload?.uploadErrors ?? []}
      />
    </ZoneShell>
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary back="/zone" backLabel="zones.error.back" texts="zones.error" />;
}
