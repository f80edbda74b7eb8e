import { z } from "zod";
import {
  useActionData,
  useLoaderData,
  useRouteLoaderData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
} from "react-router";
import { db } from "#app/lib/db.server.ts";
import { parseForm, requireIdParam, runIntent } from "#app/lib/forms.server.ts";
import { IdParam } from "#app/lib/schemas.ts";
import { fail, respond, type ServiceResult } from "#app/lib/service-result.ts";
import {
  deleteImage,
  ImageAltInput,
  listProductImages,
  moveImage,
  setPrimaryImage,
  updateImageAlt,
  uploadProductImages,
} from "#app/modules/catalog/images.server.ts";
import { can } from "#app/modules/auth/permissions.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { filesFromFormData, readUploadForm } from "#app/modules/files/attachments.server.ts";
import { fieldErrors } from "#app/ui/form/index.ts";
import { ProductImageCards, ProductImageUpload } from "#backoffice/components/catalog/product-images-ui.tsx";
import type { loader as productLoader } from "./product-layout.tsx";

// The product's 图片 tab (decision 049): upload, alt texts, order, primary picture, delete.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireStaffActor(request, { module: "catalog", action: "browse" });
  const productId = requireIdParam(params.productId);
  return { images: await listProductImages(db, productId), canModify: can(actor, "catalog", "modify") };
}

interface Args {
  actor: StaffActor;
  productId: number;
  form: FormData;
  here: string;
}

function done(result: ServiceResult<unknown>, here: string) {
  return respond(result, { successTo: here, flash: "flash.saved" });
}

async function upload({ actor, productId, form, here }: Args) {
  const alt = await parseForm(form, ImageAltInput);
  if (alt.status !== "ok") return fail(alt);
  return done(await uploadProductImages(db, actor, productId, filesFromFormData(form, "images"), alt.value), here);
}

const ImageRef = z.object({ imageId: IdParam });

async function alt({ actor, productId, form, here }: Args) {
  const parsed = await parseForm(form, ImageRef.extend(ImageAltInput.shape));
  if (parsed.status !== "ok") return fail(parsed);
  const { imageId, ...texts } = parsed.value;
  return done(await updateImageAlt(db, actor, productId, imageId, texts), here);
}

/** The per-picture buttons: each names the picture and does one thing to it. */
function onImage(run: (actor: StaffActor, productId: number, imageId: number) => Promise<ServiceResult<unknown>>) {
  return async ({ actor, productId, form, here }: Args) => {
    const parsed = await parseForm(form, ImageRef);
    if (parsed.status !== "ok") return fail(parsed);
    return done(await run(actor, productId, parsed.value.imageId), here);
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireStaffActor(request, { module: "catalog", action: "modify" });
  const productId = requireIdParam(params.productId);
  const form = await readUploadForm(request).catch((error: unknown) => {
    if (error instanceof Response) throw error;
    throw new Response(null, { status: 400 });
  });
  return runIntent(
    form,
    {
      upload,
      alt,
      primary: onImage((a, p, i) => setPrimaryImage(db, a, p, i)),
      up: onImage((a, p, i) => moveImage(db, a, p, i, "up")),
      down: onImage((a, p, i) => moveImage(db, a, p, i, "down")),
      delete: onImage((a, p, i) => deleteImage(db, a, p, i)),
    },
    { actor, productId, form, here: new URL(request.url).pathname },
  );
}

export default function ProductImages() {
  const { images, canModify } = useLoaderData<typeof loader>();
  const product = useRouteLoaderData<typeof productLoader>("crm/product-detail")?.product;
  const answer = useActionData<typeof action>();
  return (
    <div className="space-y-6">
      <ProductImageCards images={images} name={product?.name ?? ""} canModify={canModify} />
      {canModify ? <ProductImageUpload errors={fieldErrors(answer)?.images} /> : null}
    </div>
  );
}
