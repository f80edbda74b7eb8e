import { Link } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { CompanyDuplicate } from "#app/modules/crm/companies/company-duplicates.server.ts";
import { CheckboxField, FormNotice } from "#app/ui/form/index.ts";
import { evidenceLabel } from "#backoffice/components/sales-ui.tsx";

// "This company may already exist": the matcher's candidates with their evidence, before saving.
// A candidate outside the viewer's scope shows only its name and owner (the service sends nothing
// else), with the hint to ask for access. Ticking the box saves anyway.

/** A candidate as the matcher sends it (company-duplicates.server.ts); the verdict is not shown. */
export type CompanyDuplicateView = Omit<CompanyDuplicate, "verdict">;

export function CompanyDuplicates({ candidates }: { candidates: readonly CompanyDuplicateView[] }) {
  const { t } = useI18n();
  return (
    <FormNotice tone="warning" title={t("companies.duplicates.title")} role="alert">
      <p>{t("companies.duplicates.description")}</p>
      <ul className="mt-3 space-y-2">
        {candidates.map((c) => (
          <li key={c.id} className="rounded-lg border border-amber-200 bg-white px-3 py-2 text-sm text-slate-700">
            {c.visible ? (
              <>
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <Link to={`/crm/companies/${c.id}`} className="font-medium text-blue-700 hover:underline">
                    {c.name}
                  </Link>
                  <span className="text-xs text-slate-500">
                    {t("companies.duplicates.score", { score: Math.round(c.score * 100) })}
                  </span>
                </div>
                <p className="text-xs text-slate-500">{[c.number, c.city, c.ownerName].filter(Boolean).join(" · ")}</p>
                {c.evidence.length > 0 ? (
                  <p className="mt-1 text-xs text-slate-600">
                    {c.evidence.map((e) => evidenceLabel(e.code, t)).join("、")}
                  </p>
                ) : null}
              </>
            ) : (
              <>
                <p className="font-medium">{c.name}</p>
                <p className="text-xs text-slate-500">
                  {c.ownerName
                    ? t("companies.duplicates.outsideScope", { owner: c.ownerName })
                    : t("companies.duplicates.noOwner")}
                </p>
              </>
            )}
          </li>
        ))}
      </ul>
      <CheckboxField
        name="confirmDuplicate"
        id="confirmDuplicate"
        label={t("companies.duplicates.confirm")}
        className="mt-3"
      />
    </FormNotice>
  );
}
