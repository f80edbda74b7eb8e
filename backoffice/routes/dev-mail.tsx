import { Inbox, Info, Send } from "lucide-react";
import { data, Form, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { z } from "zod";
import { db } from "#app/lib/db.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { getTranslator } from "#app/lib/i18n/locale.server.ts";
import { redirectWithFlash } from "#app/lib/flash.server.ts";
import { formIntent } from "#app/lib/forms.server.ts";
import { sendTestMail } from "#app/modules/mail/test-mail.server.ts";
import { requireDevInbox } from "#app/lib/dev-inbox.server.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { cn } from "#app/ui/cn.ts";
import { SubmitButton } from "#app/ui/form/submit-button.tsx";
import { FilterBar, SearchField } from "#app/ui/list/filter-bar.tsx";
import { ListPage } from "#app/ui/list/list-page.tsx";
import { PageNumbers } from "#app/ui/list/pager.tsx";
import { titleMeta } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { mailConfig } from "#emails/delivery.server.ts";
import { Delivery, DEV_MAIL_PATH as PATH, outboxColumns } from "#backoffice/components/dev-mail/outbox-columns.tsx";
import { listOutbox } from "#emails/outbox-queries.server.ts";

// The dev inbox: what the outbox holds, newest first. Without RESEND_API_KEY this is where mail
// ends up; with it, the same list shows what Resend accepted or refused.

const POLICY = { module: "admin", action: "browse" } as const;

const QuerySchema = z.object({
  q: z.string().trim().max(320).catch(""),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export async function loader({ request }: LoaderFunctionArgs) {
  requireDevInbox();
  const actor = await requireStaffActor(request, POLICY);
  const params = new URL(request.url).searchParams;
  const query = QuerySchema.parse({ q: params.get("q") ?? "", page: params.get("page") ?? 1 });
  const outbox = await listOutbox(db, { recipient: query.q, page: query.page });
  return {
    ...outbox,
    q: query.q,
    myEmail: actor.email,
    mode: mailConfig().resend ? ("resend" as const) : ("dev" as const),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  requireDevInbox();
  const actor = await requireStaffActor(request, POLICY);
  const form = await request.formData();
  if (formIntent(form) !== "send-test") throw data(null, { status: 400 });
  const { locale } = await getTranslator(request);
  await sendTestMail(db, actor, locale);
  // Post/redirect/get: a reload does not queue a second test mail.
  return redirectWithFlash(PATH, "flash.mail.testQueued");
}

export const meta = titleMeta("mail.inbox.title");

export default function DevMailPage() {
  const page = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const clearHref = PATH;
  const pageHref = (n: number) => {
    const params = new URLSearchParams();
    if (page.q) params.set("q", page.q);
    if (n > 1) params.set("page", String(n));
    const search = params.toString();
    return search ? `${PATH}?${search}` : PATH;
  };

  return (
    <ListPage
      header={
        <>
          <PageHeader
            eyebrow={t("mail.inbox.eyebrow")}
            title={t("mail.inbox.title")}
            description={t("mail.inbox.description")}
            icon={<Inbox className="size-6" aria-hidden />}
            actions={
              <Form method="post" className="flex flex-col items-start gap-1 sm:items-end">
                <SubmitButton intent="send-test">
                  <Send className="size-4" aria-hidden />
                  {t("mail.inbox.sendTest")}
                </SubmitButton>
                <span className="text-xs text-slate-500">{t("mail.inbox.sendTestHint", { email: page.myEmail })}</span>
              </Form>
            }
          />
          <p
            className={cn(
              "flex items-start gap-3 rounded-lg border px-4 py-3 text-sm",
              page.mode === "dev"
                ? "border-violet-200 bg-violet-50 text-violet-900"
                : "border-blue-200 bg-blue-50 text-blue-900",
            )}
          >
            <Info className="mt-0.5 size-4 shrink-0" aria-hidden />
            {t(page.mode === "dev" ? "mail.inbox.mode.dev" : "mail.inbox.mode.resend")}
          </p>
        </>
      }
      total={{ count: page.total, capped: false }}
      filters={
        <FilterBar clearHref={page.q ? clearHref : null}>
          <SearchField
            id="mail-q"
            defaultValue={page.q}
            maxLength={320}
            label={t("mail.inbox.search.label")}
            placeholder={t("mail.inbox.search.placeholder")}
          />
        </FilterBar>
      }
      table={{
        columns: outboxColumns,
        rows: page.items,
        rowKey: (m) => m.id,
        label: t("mail.inbox.list.title"),
        cardAside: (m) => <Delivery message={m} />,
      }}
      empty={{
        filtered: Boolean(page.q),
        clearHref,
        icon: <Inbox className="size-5" aria-hidden />,
        title: t("mail.inbox.empty.title"),
        description: t("mail.inbox.empty.body"),
        filteredTitle: t("mail.inbox.emptyFiltered.title"),
        filteredDescription: t("mail.inbox.emptyFiltered.body", { query: page.q }),
      }}
      pager={<PageNumbers page={page.page} pageCount={page.pageCount} hrefFor={pageHref} />}
    />
  );
}
