// The back office's global search box (top bar): as-you-type results from /crm/api/search,
// grouped by kind with highlights, keyboard navigation (↑ ↓ Enter Esc, "/" to focus), a link to
// the full results page and, when the query looks like a person, to the contact matcher.
// Highlights arrive HTML-escaped with <mark> only (search/highlight.ts), so they are set as HTML.

import { Building2, Contact, Loader2, Magnet, Search, Target, UserSearch, type LucideIcon } from "lucide-react";
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { useFetcher, useLocation, useNavigate } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { Badge } from "#app/ui/badge.tsx";
import { cn } from "#app/ui/cn.ts";
import type { loader as searchLoader } from "#backoffice/routes/api-search.ts";
import type { GlobalSearchItem, GlobalSearchKind } from "#search/global-search-shared.ts";

export const KIND_ICONS: Record<GlobalSearchKind, LucideIcon> = {
  contacts: Contact,
  companies: Building2,
  leads: Magnet,
  opportunities: Target,
};

const DEBOUNCE_MS = 150;

interface Option {
  id: string;
  href: string;
  item?: GlobalSearchItem;
}

export function searchPageHref(q: string): string {
  return `/crm/search?q=${encodeURIComponent(q)}`;
}

export function matchPageHref(q: string): string {
  return `/crm/match?q=${encodeURIComponent(q)}`;
}

export function GlobalSearch() {
  const { t } = useI18n();
  const fetcher = useFetcher<typeof searchLoader>();
  const navigate = useNavigate();
  const location = useLocation();
  const baseId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [value, setValue] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const q = value.trim();
  const result = fetcher.data && fetcher.data.q === q ? fetcher.data : undefined;
  const loading = q.length > 0 && (fetcher.state !== "idle" || !result);
  const failed = result !== undefined && "error" in result;
  const groups = useMemo(() => (result?.groups ?? []).filter((g) => g.items.length > 0), [result]);

  // Result rows, then "see all", then "find this person": one list for the arrow keys.
  const options = useMemo<Option[]>(() => {
    if (!q) return [];
    const list: Option[] = groups.flatMap((g) =>
      g.items.map((item) => ({ id: `${baseId}-${item.kind}-${item.id}`, href: item.href, item })),
    );
    list.push({ id: `${baseId}-all`, href: searchPageHref(q) });
    if (result?.personLike) list.push({ id: `${baseId}-match`, href: matchPageHref(q) });
    return list;
  }, [q, groups, result?.personLike, baseId]);

  // Leaving the page (a result was opened, back/forward) closes the box: adjusted during render.
  const [seenLocation, setSeenLocation] = useState(location.key);
  if (seenLocation !== location.key) {
    setSeenLocation(location.key);
    setOpen(false);
    setActive(-1);
  }

  // "/" focuses the box from anywhere that is not a text field.
  useEffect(() => {
    function onKey(event: globalThis.KeyboardEvent) {
      if (event.key !== "/" || event.metaKey || event.ctrlKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
      event.preventDefault();
      inputRef.current?.focus();
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  useEffect(() => () => clearTimeout(timer.current), []);

  function onChange(next: string) {
    setValue(next);
    setOpen(true);
    setActive(-1);
    clearTimeout(timer.current);
    const query = next.trim();
    if (!query) return;
    timer.current = setTimeout(() => {
      void fetcher.load(`/crm/api/search?q=${encodeURIComponent(query)}`);
    }, DEBOUNCE_MS);
  }

  function go(href: string) {
    setOpen(false);
    setActive(-1);
    void navigate(href);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (options.length === 0) return;
      event.preventDefault();
      setOpen(true);
      const step = event.key === "ArrowDown" ? 1 : -1;
      // -1 is the input itself: the cycle is input → first … last → input.
      setActive((i) => {
        const next = i + step;
        if (next < -1) return options.length - 1;
        return next >= options.length ? -1 : next;
      });
    } else if (event.key === "Enter") {
      if (!q) return;
      event.preventDefault();
      const option = active >= 0 ? options[active] : undefined;
      go(option ? option.href : searchPageHref(q));
    } else if (event.key === "Escape") {
      if (open) {
        event.preventDefault();
        setOpen(false);
        setActive(-1);
      } else if (value) {
        event.preventDefault();
        setValue("");
      }
    }
  }

  const listboxId = `${baseId}-listbox`;
  const expanded = open && q.length > 0;
  const activeId = expanded && active >= 0 ? options[active]?.id : undefined;
  const optionIndex = new Map(options.map((o, i) => [o.id, i]));

  /** What every option of the listbox carries: its id, selection state, hover and click behaviour. */
  const optionProps = (id: string, href: string) => ({
    id,
    role: "option",
    "aria-selected": optionIndex.get(id) === active,
    className: cn(
      "flex w-full items-center gap-3 rounded-lg px-3 py-2 text-left text-sm",
      optionIndex.get(id) === active ? "bg-blue-50 text-blue-900" : "text-slate-700 hover:bg-slate-50",
    ),
    onMouseEnter: () => setActive(optionIndex.get(id) ?? -1),
    onClick: () => go(href),
  });

  return (
    <div
      className="relative"
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <label htmlFor={`${baseId}-input`} className="sr-only">
        {t("search.box.label")}
      </label>
      <Search
        aria-hidden
        className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-slate-400"
      />
      <input
        ref={inputRef}
        id={`${baseId}-input`}
        type="search"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        aria-expanded={expanded}
        aria-controls={listboxId}
        aria-autocomplete="list"
        aria-activedescendant={activeId}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onFocus={() => setOpen(true)}
        onKeyDown={onKeyDown}
        placeholder={t("search.box.placeholder")}
        title={t("search.box.shortcut")}
        className="h-9 w-56 rounded-lg border border-slate-200 bg-slate-50 pr-8 pl-9 text-sm text-slate-900 placeholder:text-slate-400 focus:border-blue-500 focus:bg-white focus:ring-2 focus:ring-blue-500/20 focus:outline-none lg:w-80"
      />
      {loading ? (
        <Loader2
          aria-hidden
          className="absolute top-1/2 right-2.5 size-4 -translate-y-1/2 animate-spin text-slate-400"
        />
      ) : null}

      {expanded ? (
        <div
          className="absolute top-full right-0 z-50 mt-2 w-[30rem] max-w-[calc(100vw-2rem)] overflow-hidden rounded-xl border border-slate-200 bg-white shadow-xl shadow-slate-900/10"
          // Keep focus in the input while clicking an option.
          onMouseDown={(e) => e.preventDefault()}
        >
          <div
            id={listboxId}
            role="listbox"
            aria-label={t("search.box.label")}
            className="max-h-[28rem] overflow-y-auto p-2"
          >
            {failed ? (
              <p className="px-3 py-6 text-center text-sm text-red-600">{t("search.box.error")}</p>
            ) : !result ? (
              <p className="px-3 py-6 text-center text-sm text-slate-500">{t("search.box.searching")}</p>
            ) : groups.length === 0 ? (
              <div className="px-3 py-6 text-center">
                <p className="text-sm font-medium text-slate-700">{t("search.box.noResults", { q })}</p>
                <p className="mt-1 text-xs text-slate-500">{t("search.box.hint")}</p>
              </div>
            ) : (
              groups.map((group) => {
                const Icon = KIND_ICONS[group.kind];
                const headingId = `${baseId}-${group.kind}-heading`;
                return (
                  <div key={group.kind} role="group" aria-labelledby={headingId} className="mb-1 last:mb-0">
                    <div
                      id={headingId}
                      className="flex items-center justify-between px-3 pt-2 pb-1 text-xs font-semibold tracking-wide text-slate-500"
                    >
                      <span>{t(`search.kind.${group.kind}`)}</span>
                      <span className="font-normal tabular-nums">{t("search.kind.count", { count: group.total })}</span>
                    </div>
                    {group.items.map((item) => {
                      const id = `${baseId}-${item.kind}-${item.id}`;
                      return (
                        <div key={id} {...optionProps(id, item.href)}>
                          <span className="flex size-8 shrink-0 items-center justify-center rounded-lg bg-slate-100 text-slate-500">
                            <Icon aria-hidden className="size-4" />
                          </span>
                          <span className="min-w-0 flex-1">
                            <span
                              className="block truncate font-medium text-slate-900 [&_mark]:rounded-sm [&_mark]:bg-amber-100 [&_mark]:text-inherit"
                              dangerouslySetInnerHTML={{ __html: item.title }}
                            />
                            {item.subtitle ? (
                              <span
                                className="block truncate text-xs text-slate-500 [&_mark]:rounded-sm [&_mark]:bg-amber-100 [&_mark]:text-inherit"
                                dangerouslySetInnerHTML={{ __html: item.subtitle }}
                              />
                            ) : null}
                          </span>
                          {item.badge ? <Badge className="shrink-0">{t(item.badge)}</Badge> : null}
                        </div>
                      );
                    })}
                  </div>
                );
              })
            )}
          </div>
          <div className="border-t border-slate-100 p-2">
            <div {...optionProps(`${baseId}-all`, searchPageHref(q))}>
              <Search aria-hidden className="size-4 text-slate-400" />
              <span className="flex-1 font-medium">{t("search.box.seeAll")}</span>
            </div>
            {result?.personLike ? (
              <div {...optionProps(`${baseId}-match`, matchPageHref(q))}>
                <UserSearch aria-hidden className="size-4 text-blue-600" />
                <span className="flex-1">
                  <span className="font-medium">{t("search.box.findPerson")}</span>
                  <span className="ml-2 text-xs text-slate-500">{t("search.box.findPersonHint")}</span>
                </span>
              </div>
            ) : null}
            <p className="px-3 pt-1.5 text-[11px] text-slate-400">{t("search.box.keys")}</p>
          </div>
        </div>
      ) : null}
    </div>
  );
}
