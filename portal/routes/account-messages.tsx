import { MessagesSquare, PenLine } from "lucide-react";
import { useLoaderData, type LoaderFunctionArgs, type MetaArgs } from "react-router";
import { z } from "zod";
import { db } from "#app/lib/db.server.ts";
import { formatListTime } from "#app/lib/format/dates.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { getLocale } from "#app/lib/i18n/locale.server.ts";
import { requireMember } from "#app/modules/members/member-guard.server.ts";
import { listThreadsForMember } from "#app/modules/messages/site-messages.server.ts";
import { ButtonLink } from "#app/ui/button.tsx";
import { Card } from "#app/ui/card.tsx";
import { EmptyState } from "#app/ui/empty-state.tsx";
import { Pager } from "#app/ui/list/pager.tsx";
import { ThreadList } from "#app/ui/messages/thread-list.tsx";
import { pageTitle } from "#app/ui/meta.ts";

// 站内消息: the member's conversations with customer service, newest activity first.

const PATH = "/account/messages";
const QuerySchema = z.object({ page: z.coerce.number().int().min(1).max(100_000).catch(1) });

export async function loader({ request }: LoaderFunctionArgs) {
  const principal = await requireMember(request);
  const locale = await getLocale(request);
  const query = QuerySchema.parse({ page: new URL(request.url).searchParams.get("page") ?? 1 });
  const list = await listThreadsForMember(db, principal.member.id, { page: query.page });
  const now = new Date();
  return {
    ...list,
    items: list.items.map((item) => ({ ...item, when: formatListTime(item.lastMessageAt, locale, now) })),
  };
}

export const meta = ({ matches }: MetaArgs) => pageTitle(matches, "messages.portal.list.title");

export default function AccountMessages() {
  const page = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const pageHref = (n: number) => (n > 1 ? `${PATH}?page=${n}` : PATH);
  const newButton = (
    <ButtonLink to={`${PATH}/new`} className="self-start sm:self-auto">
      <PenLine aria-hidden className="size-4" />
      {t("messages.portal.new.button")}
    </ButtonLink>
  );

  return (
    <div className="space-y-6">
      <header className="flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t("messages.portal.list.title")}</h1>
          <p className="mt-1.5 max-w-2xl text-[15px] leading-6 text-slate-500">
            {t("messages.portal.list.description")}
          </p>
        </div>
        {newButton}
      </header>

      <Card>
        {page.items.length === 0 ? (
          <EmptyState
            icon={<MessagesSquare className="size-5" aria-hidden />}
            title={t("messages.portal.list.empty.title")}
            description={t("messages.portal.list.empty.body")}
          >
            {newButton}
          </EmptyState>
        ) : (
          <>
            <ThreadList items={page.items} linkBase={PATH} />
            {page.pageCount > 1 ? (
              <Pager
                label={t("messages.pager.label")}
                summary={t("messages.pager.summary", { page: page.page, pageCount: page.pageCount })}
                prevLabel={t("messages.pager.prev")}
                nextLabel={t("messages.pager.next")}
                prevTo={page.page > 1 ? pageHref(page.page - 1) : null}
                nextTo={page.page < page.pageCount ? pageHref(page.page + 1) : null}
              />
            ) : null}
          </>
        )}
      </Card>
    </div>
  );
}
