import { data, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { respond } from "#app/lib/service-result.ts";
import { ATTACHMENT_ACCEPT } from "#app/modules/files/attachments.server.ts";
import { zoneAssetOptions } from "#app/modules/service/service-queries.server.ts";
import { createZoneRequest } from "#app/modules/service/service-requests.server.ts";
import { asResult } from "#app/modules/service/service-results.ts";
import { requireZoneAccess } from "#app/modules/zones/zone-access.server.ts";
import { FailureNotice } from "#app/ui/form/index.ts";
import { listFilters } from "#app/ui/list/list-query.ts";
import { titleMeta } from "#app/ui/meta.ts";
import { BackLink } from "#app/ui/records/back-link.tsx";
import { requestFormState } from "#app/ui/service/request-answer.ts";
import { ZoneRequestForm } from "#portal/components/zone/zone-request-form.tsx";
import { readRequestSubmission } from "#portal/components/zone/request-submission.server.ts";
import { ShellErrorBoundary } from "#portal/components/shell-error-boundary.tsx";
import { ZoneShell } from "#portal/components/zone-ui.tsx";
import { AccountPageHeader } from "#portal/components/account-ui.tsx";

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

export const meta = titleMeta("service.new.title");

export async function action({ request }: ActionFunctionArgs) {
  const ctx = await requireZoneAccess(request);
  const { values, files } = await readRequestSubmission(request, FIELDS);
  values.priority ||= "normal";
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
  const { failure, ...formState } = requestFormState(answer);
  return (
    <ZoneShell zoneName={d.zoneName} narrow>
      <BackLink to="/zone/requests">{t("service.detail.back")}</BackLink>
      <AccountPageHeader title={t("service.new.title")} description={t("service.new.lead")} />
      <FailureNotice result={failure} />
      <ZoneRequestForm assets={d.assets} accept={d.accept} preselectedAsset={d.preselectedAsset} {...formState} />
    </ZoneShell>
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary back="/zone" backLabel="zones.error.back" texts="zones.error" />;
}
