import { Package } from "lucide-react";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { imageAlt, type ProductImageView } from "#app/modules/catalog/images.ts";
import { cn } from "../cn.ts";

// A product's picture in a fixed box (decision 049): the original file, scaled by the browser with
// object-fit (no server thumbnails), its width/height given so the layout does not jump while it
// loads. Without a picture, the neutral tile the catalog always had.

export function ProductPicture({
  image,
  name,
  className,
  eager = false,
}: {
  image: ProductImageView | null | undefined;
  name: string;
  /** The box: size and aspect ratio (e.g. "size-16", "aspect-[4/3] w-full"). */
  className: string;
  /** Above-the-fold pictures (the product page's main one) load at once; lists load lazily. */
  eager?: boolean;
}) {
  const { locale } = useI18n();
  if (!image) {
    return (
      <div
        aria-hidden
        className={cn(
          "flex shrink-0 items-center justify-center rounded-xl bg-gradient-to-br from-blue-50 to-slate-100 text-blue-700 ring-1 ring-slate-200",
          className,
        )}
      >
        <Package className="size-1/2 max-h-16 max-w-16" />
      </div>
    );
  }
  return (
    <img
      src={image.url}
      width={image.width}
      height={image.height}
      alt={imageAlt(image, locale, name)}
      loading={eager ? "eager" : "lazy"}
      decoding="async"
      className={cn("shrink-0 rounded-xl bg-white object-contain ring-1 ring-slate-200", className)}
    />
  );
}
