import type { LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { requireIdParam } from "#app/lib/forms.server.ts";
import { staffImageResponse } from "#app/modules/catalog/images.server.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";

// GET /crm/products/:productId/images/:imageId — a product picture for staff who may browse the catalog.

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaffActor(request, { module: "catalog", action: "browse" });
  const response = await staffImageResponse(db, requireIdParam(params.productId), requireIdParam(params.imageId));
  return response ?? new Response("Not Found", { status: 404 });
}
