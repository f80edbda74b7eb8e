import { useRouteLoaderData } from "react-router";
import { ProductOverview } from "#backoffice/components/catalog/product-overview-ui.tsx";
import type { loader as productLoader } from "./product-layout.tsx";

// The product's 概况 tab: what the layout loaded, laid out.

export default function ProductOverviewTab() {
  const data = useRouteLoaderData<typeof productLoader>("crm/product-detail");
  return data ? <ProductOverview product={data.product} /> : null;
}
