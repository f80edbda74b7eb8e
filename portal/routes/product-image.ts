import type { LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { requireIdParam } from "#app/lib/forms.server.ts";
import { portalImageResponse } from "#app/modules/catalog/images.server.ts";
import { getOptionalMember } from "#app/modules/members/member-guard.server.ts";

// GET /products/:sku/images/:imageId — a product picture, for viewers whose level may see the product
// (decision 049); any other product, picture or level is 404.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const imageId = requireIdParam(params.imageId);
  const member = await getOptionalMember(request);
  const response = await portalImageResponse(db, member?.member.id ?? null, params.sku ?? "", imageId);
  return response ?? new Response("Not Found", { status: 404 });
}
