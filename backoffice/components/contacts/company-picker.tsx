import { useEffect, useState } from "react";
import { useFetcher } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { Field } from "#app/ui/form/field.tsx";
import { inputClass, singleLineClass } from "#app/ui/form/input-styles.ts";
import { cn } from "#app/ui/cn.ts";
import type { GlobalSearchResult } from "#search/global-search-shared.ts";

// Picks the contact's company by name: as-you-type over the global search (companies the viewer may
// see), writing the chosen id into the `companyId` field. Without JavaScript the id field itself is
// typed (the company number is on its page); the service checks the company exists and is visible.

const stripTags = (html: string) =>
  html
    .replace(/<[^>]*>/g, "")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");

export function CompanyPicker({
  defaultCompany,
  errors,
}: {
  defaultCompany: { id: number; name: string } | null;
  errors?: readonly MessageKey[] | null;
}) {
  const { t } = useI18n();
  const fetcher = useFetcher<GlobalSearchResult>();
  const [chosen, setChosen] = useState(defaultCompany);
  const [text, setText] = useState(defaultCompany?.name ?? "");
  const [open, setOpen] = useState(false);
  const { load } = fetcher;

  useEffect(() => {
    const q = text.trim();
    if (!open || q.length < 1 || q === chosen?.name) return;
    const timer = setTimeout(() => load(`/crm/api/search?q=${encodeURIComponent(q)}`), 200);
    return () => clearTimeout(timer);
  }, [text, open, chosen, load]);

  const companies = fetcher.data?.groups?.find((g) => g.kind === "companies")?.items ?? [];
  return (
    <div className="relative space-y-2">
      <Field name="companyId" label={t("contacts.field.company")} errors={errors}>
        {(wiring) => (
          <>
            <input
              type="search"
              id={wiring.id}
              aria-invalid={wiring["aria-invalid"]}
              aria-describedby={wiring["aria-describedby"]}
              value={text}
              autoComplete="off"
              placeholder={t("contacts.field.company")}
              onChange={(e) => {
                setText(e.target.value);
                setOpen(true);
                if (chosen && e.target.value !== chosen.name) setChosen(null);
              }}
              className={cn(inputClass, singleLineClass)}
            />
            <input type="hidden" name="companyId" value={chosen?.id ?? ""} />
          </>
        )}
      </Field>
      {open && companies.length > 0 && !chosen ? (
        <ul
          role="listbox"
          className="absolute z-10 max-h-64 w-full overflow-auto rounded-lg border border-slate-200 bg-white shadow-lg"
        >
          {companies.map((c) => (
            <li key={c.id} role="option" aria-selected={false}>
              <button
                type="button"
                className="block w-full px-3 py-2 text-left text-sm hover:bg-blue-50"
                onClick={() => {
                  const name = stripTags(c.title);
                  setChosen({ id: Number(c.id), name });
                  setText(name);
                  setOpen(false);
                }}
              >
                <span className="font-medium text-slate-900">{stripTags(c.title)}</span>
                {c.subtitle ? <span className="block text-xs text-slate-500">{stripTags(c.subtitle)}</span> : null}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
