import { formatMoney } from "#app/lib/format/money.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { productList } from "#app/modules/catalog/product-list-query.ts";
import type { ProductListRow } from "#app/modules/catalog/products.server.ts";
import { titleColumn } from "#app/ui/list/column-kinds.tsx";
import type { Column } from "#app/ui/list/data-table.tsx";
import { RecordLink } from "#app/ui/list/record-link.tsx";
import { listScreen, yesNoSelect } from "#backoffice/components/list-screen.tsx";

// The back office's product list (/crm/products): its fixed setup beside its columns.

export const PRODUCTS_PATH = "/crm/products";

function ProductName({ row, card }: { row: ProductListRow; card: boolean }) {
  const { t } = useI18n();
  return (
    <>
      <RecordLink to={`${PRODUCTS_PATH}/${row.id}`} card={card}>
        {row.name}
      </RecordLink>
      <span className="block font-mono text-xs text-slate-500">
        {row.sku}
        {row.isBundle ? ` · ${t("catalog.product.bundle")}` : ""}
      </span>
    </>
  );
}

function Price({ row }: { row: ProductListRow }) {
  const { t, locale } = useI18n();
  return (
    <span className="whitespace-nowrap tabular-nums">
      {formatMoney(row.unitPrice.toString(), locale)}
      <span className="ml-1 text-xs text-slate-500">
        /{row.unit} · {t(row.priceIncludesTax ? "catalog.product.includesTax" : "catalog.product.excludesTax")}
      </span>
    </span>
  );
}

function PortalLevels({ row }: { row: ProductListRow }) {
  const { t } = useI18n();
  const levels = [
    row.portalProspect ? t("catalog.product.portal.prospect") : null,
    row.portalCustomer ? t("catalog.product.portal.customer") : null,
    row.portalPartner ? t("catalog.product.portal.partner") : null,
  ].filter(Boolean);
  return <span className="text-slate-600">{levels.length > 0 ? levels.join("、") : "—"}</span>;
}

const productColumns: Array<Column<ProductListRow>> = [
  titleColumn("name", "catalog.product.name", (r, card) => <ProductName row={r} card={card} />, { sortKey: "name" }),
  { id: "category", header: "catalog.product.category", cell: (r) => r.category?.name ?? "—", mobile: "meta" },
  { id: "line", header: "catalog.product.line", cell: (r) => r.productLine ?? "—", mobile: "hidden" },
  { id: "unit", header: "catalog.product.unit", cell: (r) => r.unit, mobile: "hidden" },
  {
    id: "price",
    header: "catalog.product.listPrice",
    cell: (r) => <Price row={r} />,
    sortKey: "price",
    mobile: "meta",
  },
  { id: "portal", header: "catalog.product.portal", cell: (r) => <PortalLevels row={r} />, mobile: "hidden" },
  {
    id: "active",
    header: "catalog.product.active",
    cell: (r) => <ActiveLabel active={r.active} />,
    mobile: "meta",
  },
];

function ActiveLabel({ active }: { active: boolean }) {
  const { t } = useI18n();
  return (
    <span className={active ? "text-emerald-700" : "text-slate-500"}>
      {t(active ? "catalog.product.active" : "catalog.product.inactive")}
    </span>
  );
}

export const productsScreen = listScreen({
  path: PRODUCTS_PATH,
  kit: productList,
  heading: { module: "catalog" },
  title: "catalog.products.title",
  description: "catalog.products.description",
  search: { placeholder: "catalog.products.search" },
  selects: [
    yesNoSelect("active", "catalog.products.filter.active", "catalog.product.active", "catalog.product.inactive"),
    yesNoSelect(
      "portal",
      "catalog.products.filter.portal",
      "catalog.products.filter.portalYes",
      "catalog.products.filter.portalNo",
    ),
  ],
  table: { columns: productColumns, rowKey: (r) => r.id },
  empty: {
    title: "catalog.products.empty.title",
    description: "catalog.products.empty.description",
    filteredTitle: "catalog.products.filtered.title",
    filteredDescription: "catalog.products.filtered.description",
  },
});
