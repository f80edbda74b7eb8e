import { BadgeCheck, IdCard, Search, Settings2, UsersRound, X } from "lucide-react";
import type { ReactNode } from "react";
import { Form, Link, useLoaderData, type LoaderFunctionArgs, type MetaArgs } from "react-router";
import { MemberLevel, MemberStatus } from "#app/generated/prisma/enums.ts";
import { db } from "#app/lib/db.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { requirePermission } from "#app/modules/auth/staff-guard.server.ts";
import { canManageMemberSettings } from "#app/modules/members/member-admin.server.ts";
import {
  listMembers,
  parseMemberListQuery,
  type MemberListQuery,
} from "#app/modules/members/member-directory.server.ts";
import { ButtonLink } from "#app/ui/button.tsx";
import { Pager } from "#app/ui/list/pager.tsx";
import { Card, CardHeader } from "#app/ui/card.tsx";
import { EmptyState } from "#app/ui/empty-state.tsx";
import { pageTitle } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import {
  formatCompactDate,
  MemberAdminErrorBoundary,
  MemberLevelBadge,
  MemberStatusBadge,
} from "#backoffice/components/member-admin-ui.tsx";
import { formatDateTime } from "#app/lib/format/dates.ts";

export function ErrorBoundary({ error }: { error: unknown }) {
  return <MemberAdminErrorBoundary error={error} />;
}

const PATH = "/crm/members";

export async function loader({ request }: LoaderFunctionArgs) {
  const principal = await requirePermission(request, "members", "browse");
  const query = parseMemberListQuery(new URL(request.url).searchParams);
  const result = await listMembers(db, query);
  return { ...result, query, canSettings: canManageMemberSettings(principal) };
}

export const meta = ({ matches }: MetaArgs) => pageTitle(matches, "memberAdmin.list.title");

/** The list URL for these filters on page `page`, leaving out empty values. */
function listHref(query: MemberListQuery, page: number): string {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  for (const key of ["status", "level", "verified", "linked"] as const) {
    const value = query[key];
    if (value) params.set(key, value);
  }
  if (page > 1) params.set("page", String(page));
  const search = params.toString();
  return search ? `${PATH}?${search}` : PATH;
}

const selectClass =
  "h-9 rounded-lg border border-slate-300 bg-white pr-8 pl-3 text-sm text-slate-900 focus:border-blue-500 focus:ring-2 focus:ring-blue-500/20 focus:outline-none";

export default function MembersListPage() {
  const page = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();
  const { query } = page;
  const filtered = Boolean(query.q || query.status || query.level || query.verified || query.linked);

  return (
    <div className="space-y-6">
      <PageHeader
        eyebrow={t("memberAdmin.eyebrow")}
        title={t("memberAdmin.list.title")}
        description={t("memberAdmin.list.description")}
        icon={<IdCard className="size-6" aria-hidden />}
        actions={
          page.canSettings ? (
            <ButtonLink to={`${PATH}/settings`} variant="secondary">
              <Settings2 className="size-4" aria-hidden />
              {t("memberAdmin.list.settings")}
            </ButtonLink>
          ) : null
        }
      />

      <Card>
        <CardHeader
          title={t("memberAdmin.list.cardTitle")}
          description={t("memberAdmin.list.count", { total: page.total })}
        />
        <Form method="get" role="search" className="flex flex-wrap items-end gap-3 border-b border-slate-100 px-5 py-4">
          <div className="w-full min-w-0 sm:w-auto sm:flex-1 sm:basis-64">
            <label htmlFor="members-q" className="mb-1 block text-xs font-medium text-slate-500">
              {t("memberAdmin.list.search.label")}
            </label>
            <div className="relative">
              <Search
                aria-hidden
                className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-slate-400"
              />
              <input
                id="members-q"
                type="search"
                name="q"
                defaultValue={query.q}
                maxLength={100}
                placeholder={t("memberAdmin.list.search.placeholder")}
                className="h-9 w-full rounded-lg border border-slate-300 bg-white pr-3 pl-9 text-sm text-slate-900 placeholder:text-slate-400 focus:border-blue-500 focus:ring-2 focus:ring-blue-500/20 focus:outline-none"
              />
            </div>
          </div>
          <FilterSelect
            id="members-status"
            name="status"
            label={t("memberAdmin.list.filter.status")}
            value={query.status}
          >
            {Object.values(MemberStatus).map((s) => (
              <option key={s} value={s}>
                {t(`memberAdmin.status.${s}`)}
              </option>
            ))}
          </FilterSelect>
          <FilterSelect id="members-level" name="level" label={t("memberAdmin.list.filter.level")} value={query.level}>
            {Object.values(MemberLevel).map((l) => (
              <option key={l} value={l}>
                {t(`memberAdmin.level.${l}`)}
              </option>
            ))}
          </FilterSelect>
          <FilterSelect
            id="members-verified"
            name="verified"
            label={t("memberAdmin.list.filter.verified")}
            value={query.verified}
          >
            <option value="yes">{t("memberAdmin.list.filter.verifiedYes")}</option>
            <option value="no">{t("memberAdmin.list.filter.verifiedNo")}</option>
          </FilterSelect>
          <FilterSelect
            id="members-linked"
            name="linked"
            label={t("memberAdmin.list.filter.linked")}
            value={query.linked}
          >
            <option value="yes">{t("memberAdmin.list.filter.linkedYes")}</option>
            <option value="no">{t("memberAdmin.list.filter.linkedNo")}</option>
          </FilterSelect>
          <div className="flex items-center gap-3">
            <button
              type="submit"
              className="inline-flex h-9 items-center rounded-lg bg-white px-4 text-sm font-medium text-slate-700 shadow-sm ring-1 ring-slate-300 ring-inset hover:bg-slate-50"
            >
              {t("memberAdmin.list.filter.submit")}
            </button>
            {filtered ? (
              <Link to={PATH} className="inline-flex items-center gap-1 text-sm text-slate-500 hover:text-slate-900">
                <X className="size-4" aria-hidden />
                {t("memberAdmin.list.filter.clear")}
              </Link>
            ) : null}
          </div>
        </Form>

        {page.items.length === 0 ? (
          page.anyMembers ? (
            <EmptyState
              icon={<Search className="size-5" aria-hidden />}
              title={t("memberAdmin.list.noResults.title")}
              description={t("memberAdmin.list.noResults.body")}
            >
              <ButtonLink to={PATH} variant="secondary">
                {t("memberAdmin.list.filter.clear")}
              </ButtonLink>
            </EmptyState>
          ) : (
            <EmptyState
              icon={<UsersRound className="size-5" aria-hidden />}
              title={t("memberAdmin.list.empty.title")}
              description={t("memberAdmin.list.empty.body")}
            />
          )
        ) : (
          <>
            {/* Phones get a stacked list; a seven-column table does not fit 390px. */}
            <ul className="divide-y divide-slate-100 md:hidden">
              {page.items.map((m) => (
                <li key={m.id} className="relative px-5 py-4 hover:bg-slate-50/80">
                  <div className="flex items-start justify-between gap-3">
                    <div className="min-w-0">
                      <Link
                        to={`${PATH}/${m.id}`}
                        className="font-medium text-slate-900 after:absolute after:inset-0 hover:text-blue-700"
                      >
                        {m.nickname}
                      </Link>
                      <p className="truncate text-sm text-slate-500">{m.email}</p>
                    </div>
                    <div className="flex shrink-0 flex-col items-end gap-1">
                      <MemberStatusBadge status={m.status} />
                      <MemberLevelBadge level={m.level} />
                    </div>
                  </div>
                  <div className="mt-2 text-xs text-slate-500">
                    <LinkedSummary contact={m.contact} company={m.company} />
                  </div>
                  <p className="mt-1 text-xs text-slate-400 tabular-nums">{formatDateTime(m.createdAt, locale)}</p>
                </li>
              ))}
            </ul>
            <div className="hidden overflow-x-auto md:block">
              <table className="min-w-full text-left text-sm">
                <thead className="border-b border-slate-100 bg-slate-50/60 text-xs font-medium tracking-wide text-slate-500 uppercase">
                  <tr>
                    <Th>{t("memberAdmin.list.col.member")}</Th>
                    <Th>{t("memberAdmin.list.col.realName")}</Th>
                    <Th>{t("memberAdmin.list.col.level")}</Th>
                    <Th>{t("memberAdmin.list.col.status")}</Th>
                    <Th>{t("memberAdmin.list.col.linked")}</Th>
                    <Th>{t("memberAdmin.list.col.registeredAt")}</Th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {page.items.map((m) => (
                    <tr key={m.id} className="group hover:bg-slate-50/80">
                      {/* Nickname over e-mail in one cell keeps seven facts readable in a 1280px window. */}
                      <td className="max-w-64 py-3 pr-4 pl-5 align-top">
                        <Link
                          to={`${PATH}/${m.id}`}
                          className="font-medium whitespace-nowrap text-slate-900 group-hover:text-blue-700 hover:underline"
                        >
                          {m.nickname}
                        </Link>
                        <p className="truncate text-xs text-slate-500" title={m.email}>
                          {m.email}
                        </p>
                      </td>
                      <td className="px-4 py-3 align-top whitespace-nowrap text-slate-700">
                        {m.realName ?? <span className="text-slate-300">{t("memberAdmin.value.empty")}</span>}
                        {m.realNameVerifiedAt ? (
                          <BadgeCheck
                            className="ml-1 inline size-4 align-[-3px] text-emerald-600"
                            aria-label={t("memberAdmin.list.verifiedMark")}
                          />
                        ) : null}
                      </td>
                      <td className="px-4 py-3 align-top">
                        <MemberLevelBadge level={m.level} />
                      </td>
                      <td className="px-4 py-3 align-top">
                        <MemberStatusBadge status={m.status} />
                      </td>
                      <td className="min-w-44 px-4 py-3 align-top text-slate-600">
                        <LinkedSummary contact={m.contact} company={m.company} />
                      </td>
                      <td
                        className="px-4 py-3 align-top whitespace-nowrap text-slate-500 tabular-nums"
                        title={formatDateTime(m.createdAt, locale)}
                      >
                        {formatCompactDate(m.createdAt, locale)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>

            {page.pageCount > 1 ? (
              <Pager
                label={t("memberAdmin.pager.label")}
                summary={t("memberAdmin.pager.summary", { page: page.page, pageCount: page.pageCount })}
                prevLabel={t("memberAdmin.pager.prev")}
                nextLabel={t("memberAdmin.pager.next")}
                prevTo={page.page > 1 ? listHref(query, page.page - 1) : null}
                nextTo={page.page < page.pageCount ? listHref(query, page.page + 1) : null}
              />
            ) : null}
          </>
        )}
      </Card>
    </div>
  );
}

function Th({ children }: { children: ReactNode }) {
  return (
    <th scope="col" className="px-4 py-2.5 font-medium whitespace-nowrap first:pl-5">
      {children}
    </th>
  );
}

function FilterSelect(props: {
  id: string;
  name: string;
  label: string;
  value: string | undefined;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <div>
      <label htmlFor={props.id} className="mb-1 block text-xs font-medium text-slate-500">
        {props.label}
      </label>
      <select id={props.id} name={props.name} defaultValue={props.value ?? ""} className={selectClass}>
        <option value="">{t("memberAdmin.list.filter.any")}</option>
        {props.children}
      </select>
    </div>
  );
}

function LinkedSummary(props: {
  contact: { number: string; fullName: string } | null;
  company: { number: string; name: string } | null;
}) {
  const { t } = useI18n();
  if (!props.contact && !props.company)
    return <span className="text-slate-400">{t("memberAdmin.list.notLinked")}</span>;
  return (
    <span className="flex flex-col">
      {props.contact ? (
        <span className="text-slate-800" title={props.contact.number}>
          {props.contact.fullName}
        </span>
      ) : null}
      {props.company ? <span className="text-xs text-slate-500">{props.company.name}</span> : null}
    </span>
  );
}
