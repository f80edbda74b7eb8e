import { CircleAlert, Lock } from "lucide-react";
import { Link } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { DuplicateCandidate } from "#app/modules/crm/contacts/contact-duplicates.server.ts";
import { CheckboxField } from "#app/ui/form/index.ts";
import { contactPath } from "./contact-columns.tsx";

// "This contact may already exist": the matcher's candidates before saving. A candidate the viewer
// may not see shows only its name and owner, with the way to ask for access (the access-request
// page belongs to the sharing work). Ticking "not a duplicate" and saving again creates the contact.

export function DuplicateWarning({ candidates }: { candidates: readonly DuplicateCandidate[] }) {
  const { t } = useI18n();
  return (
    <section
      aria-labelledby="dup-title"
      className="space-y-3 rounded-xl border border-amber-300 bg-amber-50 p-4"
      data-testid="duplicate-warning"
    >
      <h2 id="dup-title" className="flex items-center gap-2 font-semibold text-amber-900">
        <CircleAlert className="size-5" aria-hidden />
        {t("contacts.dup.title")}
      </h2>
      <p className="text-sm text-amber-900">{t("contacts.dup.hint")}</p>
      <ul className="divide-y divide-amber-200 rounded-lg border border-amber-200 bg-white">
        {candidates.map((c) => (
          <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm">
            {c.visible ? (
              <>
                <div className="min-w-0">
                  <Link to={contactPath(c.id)} className="font-medium text-blue-700 hover:underline" target="_blank">
                    {c.name}
                  </Link>
                  <span className="ml-2 font-mono text-xs text-slate-400">{c.number}</span>
                  <p className="text-slate-600">
                    {[c.company, c.title, c.mobile, c.email, c.owner].filter(Boolean).join(" · ")}
                  </p>
                </div>
                <span className="text-xs text-slate-500 tabular-nums">
                  {t("contacts.dup.score", { percent: Math.round(c.score * 100) })}
                </span>
              </>
            ) : (
              <>
                <p className="flex min-w-0 items-center gap-2 text-slate-700">
                  <Lock className="size-4 shrink-0 text-slate-400" aria-hidden />
                  {c.owner
                    ? t("contacts.dup.hidden", { owner: c.owner, name: c.name })
                    : t("contacts.dup.hiddenNoOwner", { name: c.name })}
                </p>
                <Link
                  to={`/crm/access-requests/new?entity=contact&id=${c.id}`}
                  className="text-sm font-medium text-blue-700 hover:underline"
                >
                  {t("contacts.dup.requestAccess")}
                </Link>
              </>
            )}
          </li>
        ))}
      </ul>
      <CheckboxField name="notDuplicate" value="1" label={t("contacts.dup.saveAnyway")} />
    </section>
  );
}
