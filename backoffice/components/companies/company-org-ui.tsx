import { Link } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { TreeNode } from "#app/modules/crm/companies/company-tabs.server.ts";

// The organisation tab's two trees as nested lists (readable without styles, by screen readers and
// on phones): the company hierarchy and the contacts' reports-to lines.

function Branch({ node, current }: { node: TreeNode; current: number }) {
  const { t } = useI18n();
  return (
    <li className="mt-1">
      {node.id === current ? (
        <span className="font-semibold text-slate-900" aria-current="page">
          {node.name}
        </span>
      ) : (
        <Link to={`/crm/companies/${node.id}/organisation`} className="text-blue-700 hover:underline">
          {node.name}
        </Link>
      )}
      {node.city ? <span className="ml-2 text-xs text-slate-500">{node.city}</span> : null}
      {node.children.length > 0 || node.hidden > 0 ? (
        <ul className="ml-4 border-l border-slate-200 pl-4">
          {node.children.map((child) => (
            <Branch key={child.id} node={child} current={current} />
          ))}
          {node.hidden > 0 ? (
            <li className="mt-1 text-xs text-slate-500">{t("companies.org.hidden", { count: node.hidden })}</li>
          ) : null}
        </ul>
      ) : null}
    </li>
  );
}

export function CompanyTree({
  ancestors,
  tree,
}: {
  ancestors: ReadonlyArray<{ id: number; number: string; name: string } | null>;
  tree: TreeNode;
}) {
  const { t } = useI18n();
  return (
    <div className="space-y-4 text-sm">
      <div>
        <h3 className="text-xs font-medium text-slate-500">{t("companies.org.parents")}</h3>
        {ancestors.length === 0 ? (
          <p className="mt-1 text-slate-600">{t("companies.org.top")}</p>
        ) : (
          <ol className="mt-1 space-y-1">
            {ancestors.map((a, i) => (
              <li key={a ? a.id : `hidden-${i}`} style={{ paddingLeft: `${i}rem` }}>
                {a ? (
                  <Link to={`/crm/companies/${a.id}/organisation`} className="text-blue-700 hover:underline">
                    {a.name}
                  </Link>
                ) : (
                  <span className="text-slate-500">{t("companies.org.hiddenParent")}</span>
                )}
              </li>
            ))}
          </ol>
        )}
      </div>
      <div>
        <h3 className="text-xs font-medium text-slate-500">{t("companies.org.subsidiaries")}</h3>
        <ul className="mt-1">
          <Branch node={tree} current={tree.id} />
        </ul>
        {tree.children.length === 0 && tree.hidden === 0 ? (
          <p className="mt-1 text-slate-500">{t("companies.org.noSubsidiaries")}</p>
        ) : null}
      </div>
    </div>
  );
}

interface ChartContact {
  id: number;
  fullName: string;
  title: string | null;
  department: string | null;
  reportsToId: number | null;
}

/** Contacts under whom they report; someone reporting to a person outside the list starts a root. */
export function ReportsToChart({ contacts }: { contacts: readonly ChartContact[] }) {
  const { t } = useI18n();
  if (contacts.length === 0) return <p className="text-sm text-slate-500">{t("companies.org.noChart")}</p>;
  const ids = new Set(contacts.map((c) => c.id));
  const under = new Map<number | null, ChartContact[]>();
  for (const c of contacts) {
    const boss = c.reportsToId !== null && ids.has(c.reportsToId) && c.reportsToId !== c.id ? c.reportsToId : null;
    under.set(boss, [...(under.get(boss) ?? []), c]);
  }
  const seen = new Set<number>();
  const render = (boss: number | null, depth: number) => {
    const list = (under.get(boss) ?? []).filter((c) => !seen.has(c.id));
    if (list.length === 0 || depth > 20) return null;
    return (
      <ul className={depth > 0 ? "ml-4 border-l border-slate-200 pl-4" : undefined}>
        {list.map((c) => {
          seen.add(c.id);
          return (
            <li key={c.id} className="mt-1">
              <Link to={`/crm/contacts/${c.id}`} className="text-blue-700 hover:underline">
                {c.fullName}
              </Link>
              {c.title || c.department ? (
                <span className="ml-2 text-xs text-slate-500">
                  {[c.department, c.title].filter(Boolean).join(" · ")}
                </span>
              ) : null}
              {render(c.id, depth + 1)}
            </li>
          );
        })}
      </ul>
    );
  };
  const tree = render(null, 0);
  // A reporting cycle (A → B → A) has no root: list those people flat rather than hide them.
  const rest = contacts.filter((c) => !seen.has(c.id));
  return (
    <div className="text-sm">
      {tree}
      {rest.length > 0 ? (
        <ul>
          {rest.map((c) => (
            <li key={c.id} className="mt-1">
              <Link to={`/crm/contacts/${c.id}`} className="text-blue-700 hover:underline">
                {c.fullName}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
