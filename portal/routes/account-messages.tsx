import { MessagesSquare, PenLine } from "lucide-react";
import { useLoaderData, type LoaderFunctionArgs } from "react-router";
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
import { PageNumbers } from "#app/ui/list/pager.tsx";
import { ThreadList } from "#app/ui/messages/thread-list.tsx";
import { titleMeta } from "#app/ui/meta.ts";
import { AccountPageHeader } from "#portal/components/account-ui.tsx";

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

export const meta = titleMeta("messages.portal.list.title");

export default function AccountMessages() {
  const page = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const pageHref = (n: number) => (n > 1 ? `${PATH}?page=${n}` : PATH);
  const newButton = (
    <ButtonLink to={`${PATH}/new`} className="self-start sm:self-auto" icon={PenLine}>
      {t("messages.portal.new.button")}
    </ButtonLink>
  );

  return (
    <div className="space-y-6">
      <AccountPageHeader
        title={t("messages.portal.list.title")}
        description={t("messages.portal.list.description")}
        actions={newButton}
      />

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
            <PageNumbers page={page.page} pageCount={page.pageCount} hrefFor={pageHref} />
          </>
        )}
      </Card>
    </div>
  );
}
