import { redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { z } from "zod";
import { db } from "#app/lib/db.server.ts";
import { parseForm } from "#app/lib/forms.server.ts";
import { IdParam, optionalText } from "#app/lib/schemas.ts";
import { respond } from "#app/lib/service-result.ts";
import { can } from "#app/modules/auth/permissions.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { loadListViews } from "#app/modules/views/list-views.server.ts";
import { servedCompanyOptions } from "#app/modules/zones/service-scope.server.ts";
import { zoneList } from "#app/modules/zones/zone-list-query.ts";
import { zoneResult } from "#app/modules/zones/zone-result.ts";
import { listZones, openZoneFor } from "#app/modules/zones/zones.server.ts";
import { FailureNotice, fieldErrors, submittedValues } from "#app/ui/form/index.ts";
import { titleMeta } from "#app/ui/meta.ts";
import { ScreenListPage } from "#backoffice/components/list-screen.tsx";
import { zonesScreen } from "#backoffice/components/service/service-screens.ts";
import { ShellErrorBoundary } from "#backoffice/components/shell-error-boundary.tsx";
import { OpenZoneCard } from "#backoffice/components/zones/zone-columns.tsx";

// 用户专区 (back office): the zones this CSR co-manages (or, with a wider service scope, their team's
// or all), with pending entries to confirm; open a zone for a customer company.

const PATH = zonesScreen.path;

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireStaffActor(request, { module: "service", action: "browse" });
  const query = zoneList.parse(new URL(request.url).searchParams);
  const [list, views, companies] = await Promise.all([
    listZones(db, actor, query),
    loadListViews(db, actor, zoneList, query, PATH),
    servedCompanyOptions(db, actor, "add", { zone: null }),
  ]);
  if (views.redirect) throw redirect(views.redirect);
  return { ...list, query, views, companies, canAdd: can(actor, "service", "add") };
}

const OpenZone = z.object({ companyId: IdParam, name: optionalText(200) });

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireStaffActor(request, { module: "service", action: "add" });
  const input = await parseForm(request, OpenZone);
  const result =
    input.status === "ok"
      ? await zoneResult(openZoneFor(db, actor, input.value), {
          "zone-exists": "zones.bo.zones.error.exists",
          fallback: "zones.bo.zones.error.company",
        })
      : input;
  return respond(result, { successTo: ({ id }) => `${PATH}/${id}`, flash: "flash.created" });
}

export const meta = titleMeta(zonesScreen.title);

export default function ZonesList() {
  const d = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  return (
    <ScreenListPage screen={zonesScreen} list={d} belowHeading={<FailureNotice result={answer} />}>
      {d.canAdd ? (
        <OpenZoneCard companies={d.companies} sent={submittedValues(answer)} errors={fieldErrors(answer)} />
      ) : null}
    </ScreenListPage>
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary />;
}
