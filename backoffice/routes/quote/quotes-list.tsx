import { BookText, Plus } from "lucide-react";
import { redirect, useLoaderData, type LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { can } from "#app/modules/auth/permissions.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { quoteList } from "#app/modules/quotes/quote-list-query.ts";
import { listQuotes } from "#app/modules/quotes/quote-read.server.ts";
import { loadListViews } from "#app/modules/views/list-views.server.ts";
import { ButtonLink } from "#app/ui/button.tsx";
import { titleMeta } from "#app/ui/meta.ts";
import { ScreenListPage } from "#backoffice/components/list-screen.tsx";
import { QUOTES_PATH, quotesScreen } from "#backoffice/components/quotes/quote-screen.tsx";
import { ShellErrorBoundary } from "#backoffice/components/shell-error-boundary.tsx";

// 报价单 (/crm/quotes): the actor's scope (owner-based, like opportunities); `?company=`, `?contact=`,
// `?opportunity=` keep it to one record's quotes (links from those pages).

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireStaffActor(request, { module: "opportunities", action: "browse" });
  const query = quoteList.parse(new URL(request.url).searchParams);
  const [list, views] = await Promise.all([
    listQuotes(db, actor, query),
    loadListViews(db, actor, quoteList, query, QUOTES_PATH),
  ]);
  if (views.redirect) throw redirect(views.redirect);
  return { ...list, query, views, canAdd: can(actor, "opportunities", "add") };
}

export const meta = titleMeta("quotes.title");

export default function QuotesList() {
  const d = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const params = new URLSearchParams();
  if (d.query.company) params.set("company", String(d.query.company));
  if (d.query.contact) params.set("contact", String(d.query.contact));
  if (d.query.opportunity) params.set("opportunity", String(d.query.opportunity));
  const newHref = `${QUOTES_PATH}/new${params.size > 0 ? `?${params}` : ""}`;
  const add = d.canAdd ? (
    <ButtonLink to={newHref} icon={Plus}>
      {t("quotes.new")}
    </ButtonLink>
  ) : null;
  const actions = (
    <div className="flex flex-wrap gap-2">
      <ButtonLink to={`${QUOTES_PATH}/library`} variant="secondary" icon={BookText}>
        {t("quotes.library.link")}
      </ButtonLink>
      {add}
    </div>
  );
  return <ScreenListPage screen={quotesScreen} list={d} actions={actions} emptyAction={add} />;
}

export function ErrorBoundary() {
  return <ShellErrorBoundary />;
}
