import { z } from "zod";
import { useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { parseForm, requireIdParam, runIntent } from "#app/lib/forms.server.ts";
import { IdParam } from "#app/lib/schemas.ts";
import { fail, respond } from "#app/lib/service-result.ts";
import {
  addComparison,
  ComparisonInput,
  listComparisons,
  removeComparison,
} from "#app/modules/catalog/competition.server.ts";
import { can } from "#app/modules/auth/permissions.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { fieldErrors } from "#app/ui/form/index.ts";
import { ComparisonCards, ComparisonForm } from "#backoffice/components/catalog/competition-ui.tsx";

// The product's 竞争产品 tab (seed §2.L.12): competitor products compared with this one.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireStaffActor(request, { module: "catalog", action: "browse" });
  const productId = requireIdParam(params.productId);
  return { rows: await listComparisons(db, productId), canModify: can(actor, "catalog", "modify") };
}

interface Args {
  actor: StaffActor;
  productId: number;
  form: FormData;
  here: string;
}

async function add({ actor, productId, form, here }: Args) {
  const parsed = await parseForm(form, ComparisonInput);
  if (parsed.status !== "ok") return fail(parsed);
  return respond(await addComparison(db, actor, productId, parsed.value), { successTo: here, flash: "flash.saved" });
}

async function remove({ actor, productId, form, here }: Args) {
  const parsed = await parseForm(form, z.object({ comparisonId: IdParam }));
  if (parsed.status !== "ok") return fail(parsed);
  return respond(await removeComparison(db, actor, productId, parsed.value.comparisonId), {
    successTo: here,
    flash: "flash.saved",
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireStaffActor(request, { module: "catalog", action: "modify" });
  const productId = requireIdParam(params.productId);
  const form = await request.formData();
  return runIntent(form, { add, remove }, { actor, productId, form, here: new URL(request.url).pathname });
}

export default function ProductCompetition() {
  const { rows, canModify } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  return (
    <div className="space-y-6">
      <ComparisonCards rows={rows} canModify={canModify} />
      {canModify ? <ComparisonForm errors={fieldErrors(answer)} /> : null}
    </div>
  );
}
