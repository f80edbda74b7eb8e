import { ArrowDown, ArrowUp, ImageIcon, Star, Trash2, Upload } from "lucide-react";
import { Form } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import type { ProductImageView } from "#app/modules/catalog/images.ts";
import { Badge } from "#app/ui/badge.tsx";
import { ProductPicture } from "#app/ui/catalog/product-picture.tsx";
import { EmptyState } from "#app/ui/empty-state.tsx";
import { ErrorList, SubmitButton, TextField } from "#app/ui/form/index.ts";
import { IntentButton } from "#app/ui/form/intent-button.tsx";
import { SectionCard } from "#app/ui/section-card.tsx";

// The product's 图片 tab (decision 049): the pictures in order with their alt texts, primary first on
// the portal; staff with catalog:modify upload, reorder, pick the primary one and delete.

export function ProductImageCards({
  images,
  name,
  canModify,
}: {
  images: readonly ProductImageView[];
  name: string;
  canModify: boolean;
}) {
  const { t } = useI18n();
  return (
    <SectionCard title={t("catalogImages.title")} description={t("catalogImages.intro")} icon={ImageIcon} labelled>
      {images.length === 0 ? (
        <EmptyState
          icon={<ImageIcon className="size-5" aria-hidden />}
          title={t("catalogImages.empty")}
          description={t("catalogImages.emptyBody")}
        />
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
          {images.map((image, i) => (
            <li key={image.id} className="space-y-3 rounded-xl p-3 ring-1 ring-slate-200" data-testid="product-image">
              <ProductPicture image={image} name={name} className="aspect-[4/3] w-full" />
              <p className="flex items-center justify-between gap-2 text-xs text-slate-500">
                <span>{t("catalogImages.size", { width: image.width, height: image.height })}</span>
                {image.isPrimary ? <Badge tone="green">{t("catalogImages.primary")}</Badge> : null}
              </p>
              {canModify ? <ImageTools image={image} first={i === 0} last={i === images.length - 1} /> : null}
            </li>
          ))}
        </ul>
      )}
    </SectionCard>
  );
}

function ImageTools({ image, first, last }: { image: ProductImageView; first: boolean; last: boolean }) {
  const { t } = useI18n();
  const field = { name: "imageId", value: image.id };
  return (
    <>
      <div className="flex flex-wrap gap-1">
        {image.isPrimary ? null : (
          <IntentButton intent="primary" field={field} variant="secondary" icon={Star}>
            {t("catalogImages.makePrimary")}
          </IntentButton>
        )}
        <IntentButton
          intent="up"
          field={field}
          variant="ghost"
          icon={ArrowUp}
          disabled={first}
          aria-label={t("catalogImages.moveUp")}
        />
        <IntentButton
          intent="down"
          field={field}
          variant="ghost"
          icon={ArrowDown}
          disabled={last}
          aria-label={t("catalogImages.moveDown")}
        />
        <IntentButton intent="delete" field={field} variant="ghost" icon={Trash2} aria-label={t("common.delete")} />
      </div>
      <Form method="post" className="space-y-2 border-t border-slate-100 pt-3">
        <input type="hidden" name="imageId" value={image.id} />
        <AltFields idPrefix={`image-${image.id}`} values={image} />
        <SubmitButton intent="alt" size="sm" variant="secondary">
          {t("catalogImages.saveAlt")}
        </SubmitButton>
      </Form>
    </>
  );
}

function AltFields({ idPrefix, values }: { idPrefix: string; values?: { altZh: string; altEn: string } }) {
  const { t } = useI18n();
  return (
    <>
      <TextField
        id={`${idPrefix}-altZh`}
        name="altZh"
        label={t("catalogImages.altZh")}
        maxLength={200}
        defaultValue={values?.altZh}
        optional
      />
      <TextField
        id={`${idPrefix}-altEn`}
        name="altEn"
        label={t("catalogImages.altEn")}
        maxLength={200}
        defaultValue={values?.altEn}
        optional
      />
    </>
  );
}

export function ProductImageUpload({ errors }: { errors: readonly MessageKey[] | undefined }) {
  const { t } = useI18n();
  return (
    <SectionCard title={t("catalogImages.upload")} icon={Upload} labelled>
      <Form method="post" encType="multipart/form-data" className="space-y-4">
        <div>
          <label htmlFor="product-images" className="text-sm font-medium text-slate-700">
            {t("catalogImages.files")}
          </label>
          <input
            id="product-images"
            name="images"
            type="file"
            multiple
            accept="image/png,image/jpeg,image/gif,image/webp"
            aria-describedby="product-images-hint product-images-error"
            aria-invalid={errors && errors.length > 0 ? true : undefined}
            className="mt-1 block w-full text-sm text-slate-700 file:mr-3 file:rounded-lg file:border-0 file:bg-slate-100 file:px-3 file:py-2 file:text-sm file:font-medium hover:file:bg-slate-200"
          />
          <p id="product-images-hint" className="mt-1 text-xs text-slate-500">
            {t("catalogImages.filesHint")}
          </p>
          <ErrorList id="product-images-error" errors={errors} />
        </div>
        <div className="grid gap-3 sm:grid-cols-2">
          <AltFields idPrefix="upload" />
        </div>
        <p className="text-xs text-slate-500">{t("catalogImages.altHint")}</p>
        <SubmitButton intent="upload" icon={Upload}>
          {t("catalogImages.upload")}
        </SubmitButton>
      </Form>
    </SectionCard>
  );
}
