import { Building2, KeyRound, Mail, MapPin, Phone, SearchCheck, Sparkles, UserSearch } from "lucide-react";
import { Form, Link, useLoaderData, useNavigation, type LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import {
  findPerson,
  type ContactMatchResult,
  type ContactMatchRow,
  type RestrictedMatchRow,
  type VisibleMatchRow,
} from "#app/modules/crm/contact-match.server.ts";
import { contactMatchQuerySchema } from "#app/modules/crm/contact-match-query.ts";
import { evidenceLabelKey, matchErrorKey, verdictLabelKey, type MatchErrorKey } from "#app/modules/crm/match-labels.ts";
import { MATCH_QUERY_MAX } from "#app/modules/crm/match-limits.ts";
import { Badge, type BadgeTone } from "#app/ui/badge.tsx";
import { Button } from "#app/ui/button.tsx";
import { Card, CardHeader } from "#app/ui/card.tsx";
import { cn } from "#app/ui/cn.ts";
import { EmptyState } from "#app/ui/empty-state.tsx";
import { titleMeta } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { MetaItem } from "#app/ui/record-meta.tsx";
import { THRESHOLDS } from "#search/fuzzy/scorer.ts";

// 查找此人: free text ("刘强 深圳 liu@xyz.com") → ranked existing contacts with evidence.

const EXAMPLES = ["刘强 深圳 liu@xyz.com", "Liu Qiang shenzhen", "+86 139 0266 1088"];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireStaffActor(request, { module: "contacts", action: "browse" });
  const raw = new URL(request.url).searchParams.get("q");
  if (raw === null) return { q: "", error: null, result: null };
  const parsed = contactMatchQuerySchema.safeParse({ q: raw });
  if (!parsed.success) {
    return { q: raw.slice(0, MATCH_QUERY_MAX), error: matchErrorKey(parsed.error.issues[0]?.message), result: null };
  }
  const result: ContactMatchResult = await findPerson(db, actor, parsed.data.q);
  return { q: parsed.data.q, error: null as MatchErrorKey | null, result };
}

export const meta = titleMeta("matching.title");

const VERDICT_TONE: Record<ContactMatchRow["verdict"], BadgeTone> = { same: "green", possible: "amber", none: "slate" };
const BAR_TONE: Record<ContactMatchRow["verdict"], string> = {
  same: "bg-emerald-500",
  possible: "bg-amber-400",
  none: "bg-slate-300",
};
const NEGATIVE = new Set([
  "email_conflict",
  "phone_conflict",
  "name_conflict",
  "city_conflict",
  "company_conflict",
  "email_name_elsewhere",
]);

export default function ContactMatchPage() {
  const { q, error, result } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle" && navigation.location?.pathname === "/crm/match";

  return (
    <div className="space-y-6">
      <PageHeader
        eyebrow={t("matching.page.eyebrow")}
        title={t("matching.title")}
        description={t("matching.page.description")}
        icon={<UserSearch className="size-6" aria-hidden />}
      />

      <Card>
        <Form method="get" role="search" className="space-y-3 px-5 py-5">
          <label htmlFor="match-q" className="block text-sm font-medium text-slate-700">
            {t("matching.form.label")}
          </label>
          <div className="flex flex-col gap-3 sm:flex-row">
            <div className="relative flex-1">
              <SearchCheck
                aria-hidden
                className="pointer-events-none absolute top-1/2 left-3 size-5 -translate-y-1/2 text-slate-400"
              />
              <input
                id="match-q"
                name="q"
                type="search"
                defaultValue={q}
                maxLength={MATCH_QUERY_MAX}
                placeholder={t("matching.form.placeholder")}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? "match-q-error" : "match-q-hint"}
                className={cn(
                  "h-11 w-full rounded-lg border bg-white pr-3 pl-10 text-[15px] text-slate-900 placeholder:text-slate-400 focus:ring-2 focus:outline-none",
                  error
                    ? "border-red-400 focus:border-red-500 focus:ring-red-500/20"
                    : "border-slate-300 focus:border-blue-500 focus:ring-blue-500/20",
                )}
              />
            </div>
            <Button type="submit" size="lg" disabled={busy}>
              {t("matching.form.submit")}
            </Button>
          </div>
          {error ? (
            <p id="match-q-error" className="text-sm text-red-600">
              {t(error, { max: MATCH_QUERY_MAX })}
            </p>
          ) : (
            <p id="match-q-hint" className="text-sm text-slate-500">
              {t("matching.form.hint")}
            </p>
          )}
          <p className="flex flex-wrap items-center gap-2 text-sm text-slate-500">
            <span>{t("matching.form.examples")}</span>
            {EXAMPLES.map((example) => (
              <Link
                key={example}
                to={`?q=${encodeURIComponent(example)}`}
                className="rounded-full bg-slate-100 px-2.5 py-0.5 font-mono text-xs text-slate-700 hover:bg-blue-50 hover:text-blue-700"
              >
                {example}
              </Link>
            ))}
          </p>
        </Form>
        {result ? <ParsedSummary parsed={result.parsed} /> : null}
      </Card>

      {result ? (
        <Card>
          <CardHeader
            title={t("matching.results.title")}
            description={t("matching.results.count", { count: result.candidates.length })}
            icon={<Sparkles className="size-4" aria-hidden />}
          />
          {result.candidates.length === 0 ? (
            <EmptyState
              icon={<UserSearch className="size-6" aria-hidden />}
              title={t("matching.empty.title")}
              description={t("matching.empty.description")}
            />
          ) : (
            <ol className="divide-y divide-slate-100" aria-label={t("matching.results.title")}>
              {result.candidates.map((c, i) =>
                c.visible ? (
                  <CandidateRow key={c.id} candidate={c} rank={i + 1} />
                ) : (
                  <RestrictedRow key={c.id} candidate={c} rank={i + 1} />
                ),
              )}
            </ol>
          )}
          <footer className="space-y-1 border-t border-slate-100 px-5 py-3 text-xs text-slate-500">
            <p>
              {t("matching.results.legend", {
                same: Math.round(THRESHOLDS.same * 100),
                possible: Math.round(THRESHOLDS.possible * 100),
              })}
            </p>
            <p>{t("matching.results.scopeNote")}</p>
          </footer>
        </Card>
      ) : !error ? (
        <Card>
          <EmptyState
            icon={<Sparkles className="size-6" aria-hidden />}
            title={t("matching.intro.title")}
            description={t("matching.intro.description")}
          />
        </Card>
      ) : null}
    </div>
  );
}

function ParsedSummary({ parsed }: { parsed: ContactMatchResult["parsed"] }) {
  const { t } = useI18n();
  const parts: Array<{ label: string; value: string }> = [];
  if (parsed.name) parts.push({ label: t("matching.field.name"), value: parsed.name });
  if (parsed.city) parts.push({ label: t("common.city"), value: parsed.city });
  if (parsed.province) parts.push({ label: t("matching.field.province"), value: parsed.province });
  if (parsed.email) parts.push({ label: t("common.email"), value: parsed.email });
  for (const phone of parsed.phones) parts.push({ label: t("common.phone"), value: phone });
  if (parsed.companyName) parts.push({ label: t("matching.field.company"), value: parsed.companyName });
  return (
    <div className="flex flex-wrap items-center gap-2 border-t border-slate-100 bg-slate-50/60 px-5 py-3 text-sm">
      <span className="font-medium text-slate-600">{t("matching.parsed.title")}</span>
      {parts.length === 0 ? (
        <span className="text-slate-500">{t("matching.parsed.nothing")}</span>
      ) : (
        parts.map((p) => (
          <span
            key={`${p.label}:${p.value}`}
            className="inline-flex items-center gap-1 rounded-md bg-white px-2 py-0.5 ring-1 ring-slate-200"
          >
            <span className="text-slate-500">{p.label}</span>
            <span className="font-medium text-slate-900">{p.value}</span>
          </span>
        ))
      )}
    </div>
  );
}

/** A match outside the viewer's scope: name, owner and score only, with how to get access. */
function RestrictedRow({ candidate: c, rank }: { candidate: RestrictedMatchRow; rank: number }) {
  const { t } = useI18n();
  const percent = Math.round(c.score * 100);
  return (
    <li className="flex flex-col gap-2 px-5 py-4 md:flex-row md:items-center md:gap-6">
      <div className="flex min-w-0 flex-1 items-start gap-3">
        <span
          className="mt-0.5 flex size-8 shrink-0 items-center justify-center rounded-full bg-slate-100 text-sm font-semibold text-slate-600"
          aria-label={t("matching.results.rank", { rank })}
        >
          {rank}
        </span>
        <div className="min-w-0 space-y-1">
          <p className="text-base font-semibold text-slate-900">{c.name}</p>
          <p className="text-sm text-slate-600">
            {c.owner ? t("matching.results.restricted", { owner: c.owner }) : t("matching.results.restrictedNoOwner")}
          </p>
          {c.owner ? (
            <Link
              to={`/crm/access-requests/new?entity=contact&id=${c.id}`}
              className="inline-flex items-center gap-1 text-sm font-medium text-blue-700 hover:underline"
            >
              <KeyRound className="size-4" aria-hidden />
              {t("recordAdmin.access.newTitle")}
            </Link>
          ) : null}
        </div>
      </div>
      <div className="flex shrink-0 items-center gap-3 md:w-56 md:flex-col md:items-end md:gap-2">
        <Badge tone={VERDICT_TONE[c.verdict]}>{t(verdictLabelKey(c.verdict))}</Badge>
        <span className="text-xs text-slate-500">{t("matching.results.restrictedBadge")}</span>
        <span
          className="text-sm font-semibold text-slate-700 tabular-nums"
          aria-label={t("matching.results.score", { score: percent })}
        >
          {percent}%
        </span>
      </div>
    </li>
  );
}

function CandidateRow({ candidate: c, rank }: { candidate: VisibleMatchRow; rank: number }) {
  const { t } = useI18n();
  const percent = Math.round(c.score * 100);
  return (
    <li className="flex flex-col gap-3 px-5 py-4 md:flex-row md:items-start md:gap-6">
      <div className="flex min-w-0 flex-1 gap-3">
        <span
          className={cn(
            "mt-0.5 flex size-8 shrink-0 items-center justify-center rounded-full text-sm font-semibold",
            rank === 1 ? "bg-blue-600 text-white" : "bg-slate-100 text-slate-600",
          )}
          aria-label={t("matching.results.rank", { rank })}
        >
          {rank}
        </span>
        <div className="min-w-0 space-y-1.5">
          <p className="flex flex-wrap items-baseline gap-x-2">
            <Link to={`/crm/contacts/${c.id}`} className="text-base font-semibold text-blue-700 hover:underline">
              {c.name}
            </Link>
            <span className="font-mono text-xs text-slate-400">{c.number}</span>
          </p>
          <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-600">
            {c.company ? <MetaItem icon={Building2}>{c.company}</MetaItem> : null}
            {c.city ? <MetaItem icon={MapPin}>{c.city}</MetaItem> : null}
            <MetaItem icon={Mail}>
              {c.email ?? <span className="text-slate-400">{t("matching.results.noEmail")}</span>}
            </MetaItem>
            <MetaItem icon={Phone}>
              {c.phone ?? <span className="text-slate-400">{t("matching.results.noPhone")}</span>}
            </MetaItem>
          </p>
          <ul className="flex flex-wrap gap-1.5 pt-0.5">
            {c.evidence.map((e) => (
              <li
                key={e.code}
                className={cn(
                  "rounded-md px-2 py-0.5 text-xs ring-1 ring-inset",
                  NEGATIVE.has(e.code)
                    ? "bg-slate-50 text-slate-500 line-through decoration-slate-300 ring-slate-200"
                    : "bg-blue-50 text-blue-700 ring-blue-600/15",
                )}
              >
                {t(evidenceLabelKey(e.code))}
              </li>
            ))}
          </ul>
        </div>
      </div>
      <div className="flex shrink-0 items-center gap-3 md:w-56 md:flex-col md:items-end md:gap-2">
        <Badge tone={VERDICT_TONE[c.verdict]}>{t(verdictLabelKey(c.verdict))}</Badge>
        <div className="flex w-40 items-center gap-2 md:w-full">
          <div
            className="h-2 flex-1 overflow-hidden rounded-full bg-slate-100"
            role="meter"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            aria-label={t("matching.results.score", { score: percent })}
          >
            <div className={cn("h-full rounded-full", BAR_TONE[c.verdict])} style={{ width: `${percent}%` }} />
          </div>
          <span className="w-10 text-right text-sm font-semibold text-slate-700 tabular-nums">{percent}%</span>
        </div>
      </div>
    </li>
  );
}
