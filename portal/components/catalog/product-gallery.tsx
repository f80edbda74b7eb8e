import { useState } from "react";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { ProductImageView } from "#app/modules/catalog/images.ts";
import { ProductPicture } from "#app/ui/catalog/product-picture.tsx";
import { cn } from "#app/ui/cn.ts";

// The product page's small gallery (decision 049): the primary picture large, the others as
// thumbnails that swap it in. Without JavaScript the primary picture still shows.

export function ProductGallery({ images, name }: { images: readonly ProductImageView[]; name: string }) {
  const { t } = useI18n();
  const [shown, setShown] = useState(0);
  const current = images[shown] ?? images[0] ?? null;
  return (
    <div className="space-y-2" data-testid="product-gallery">
      <ProductPicture image={current} name={name} className="aspect-[4/3] w-full" eager />
      {images.length > 1 ? (
        <ul aria-label={t("catalogImages.gallery")} className="flex flex-wrap gap-2">
          {images.map((image, i) => (
            <li key={image.id}>
              <button
                type="button"
                onClick={() => setShown(i)}
                aria-pressed={i === shown}
                aria-label={t("catalogImages.show", { n: i + 1 })}
                className={cn(
                  "block rounded-xl focus-visible:outline-2 focus-visible:outline-blue-600",
                  i === shown ? "ring-2 ring-blue-500" : "opacity-80 hover:opacity-100",
                )}
              >
                <ProductPicture image={image} name={name} className="size-14" />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
