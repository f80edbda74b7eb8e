import { Link } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { Card, CardHeader } from "../card.tsx";
import { AssetStatusBadge, assetStatusKey, type AssetStatusValue } from "./labels.tsx";

/**
 * AssetChildren — the units and parts of an asset, each linking to its page (`linkBase` is
 * "/crm/assets" or "/zone/assets"). Renders nothing when the asset has none.
 */
export function AssetChildren({
  items,
  linkBase,
}: {
  items: ReadonlyArray<{ id: number; number: string; name: string; model: string | null; status: AssetStatusValue }>;
  linkBase: string;
}) {
  const { t } = useI18n();
  if (items.length === 0) return null;
  return (
    <Card>
      <CardHeader title={t("zones.asset.children", { count: items.length })} />
      <ul className="divide-y divide-slate-100">
        {items.map((c) => (
          <li key={c.id}>
            <Link to={`${linkBase}/${c.id}`} className="flex items-center gap-3 px-5 py-3 hover:bg-slate-50">
              <span className="min-w-0 flex-1">
                <span className="block font-medium text-slate-900">{c.name}</span>
                <span className="block text-xs text-slate-500">{[c.number, c.model].filter(Boolean).join(" · ")}</span>
              </span>
              <AssetStatusBadge status={c.status} label={t(assetStatusKey(c.status))} />
            </Link>
          </li>
        ))}
      </ul>
    </Card>
  );
}
