import { Inbox, Info, Search, Send, X } from "lucide-react";
import {
  data,
  Form,
  Link,
  useLoaderData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaArgs,
} from "react-router";
import { z } from "zod";
import { db } from "#app/lib/db.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { getTranslator } from "#app/lib/i18n/locale.server.ts";
import { redirectWithFlash } from "#app/lib/flash.server.ts";
import { formIntent } from "#app/lib/forms.server.ts";
import { sendTestMail } from "#app/modules/mail/test-mail.server.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { Button, ButtonLink } from "#app/ui/button.tsx";
import { SubmitButton } from "#app/ui/form/submit-button.tsx";
import { Pager } from "#app/ui/list/pager.tsx";
import { Card, CardHeader } from "#app/ui/card.tsx";
import { cn } from "#app/ui/cn.ts";
import { EmptyState } from "#app/ui/empty-state.tsx";
import { pageTitle } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { mailConfig } from "#emails/delivery.server.ts";
import { StatusBadge, templateLabel } from "#backoffice/components/dev-mail/dev-inbox-ui.tsx";
import { formatDateTime } from "#app/lib/format/dates.ts";
import { listOutbox } from "#emails/outbox-queries.server.ts";

// The dev inbox: what the outbox holds, newest first. Without RESEND_API_KEY this is where mail
// ends up; with it, the same list shows what Resend accepted or refused.

const PATH = "/crm/dev/mail";

const POLICY = { module: "admin", action: "browse" } as const;

const QuerySchema = z.object({
  q: z.string().trim().max(320).catch(""),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export async function loader({ request }: LoaderFunctionArgs) {
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
  const actor = await requireStaffActor(request, POLICY);
  const form = await request.formData();
  if (formIntent(form) !== "send-test") throw data(null, { status: 400 });
  const { locale } = await getTranslator(request);
  await sendTestMail(db, actor, locale);
  // Post/redirect/get: a reload does not queue a second test mail.
  return redirectWithFlash(PATH, "flash.mail.testQueued");
}

export const meta = ({ matches }: MetaArgs) => pageTitle(matches, "mail.inbox.title");

export default function DevMailPage() {
  const page = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();

  const pageHref = (n: number) => {
    const params = new URLSearchParams();
    if (page.q) params.set("q", page.q);
    if (n > 1) params.set("page", String(n));
    const search = params.toString();
    return search ? `${PATH}?${search}` : PATH;
  };

  return (
    <div className="space-y-6">
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

      <div
        className={cn(
          "flex items-start gap-3 rounded-lg border px-4 py-3 text-sm",
          page.mode === "dev"
            ? "border-violet-200 bg-violet-50 text-violet-900"
            : "border-blue-200 bg-blue-50 text-blue-900",
        )}
      >
        <Info className="mt-0.5 size-4 shrink-0" aria-hidden />
        <p>{t(page.mode === "dev" ? "mail.inbox.mode.dev" : "mail.inbox.mode.resend")}</p>
      </div>

      <Card>
        <CardHeader
          title={t("mail.inbox.list.title")}
          description={t("mail.inbox.list.count", { total: page.total })}
        />
        <Form
          method="get"
          role="search"
          className="flex flex-wrap items-center gap-2 border-b border-slate-100 px-5 py-3"
        >
          <label htmlFor="mail-q" className="sr-only">
            {t("mail.inbox.search.label")}
          </label>
          <div className="relative min-w-0 flex-1 sm:max-w-sm">
            <Search
              aria-hidden
              className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-slate-400"
            />
            <input
              id="mail-q"
              type="search"
              name="q"
              defaultValue={page.q}
              placeholder={t("mail.inbox.search.placeholder")}
              className="h-9 w-full rounded-lg border border-slate-300 bg-white pr-3 pl-9 text-sm text-slate-900 placeholder:text-slate-400 focus:border-blue-500 focus:ring-2 focus:ring-blue-500/20 focus:outline-none"
            />
          </div>
          <Button type="submit" variant="secondary" size="sm">
            {t("mail.inbox.search.submit")}
          </Button>
          {page.q ? (
            <Link to={PATH} className="inline-flex items-center gap-1 text-sm text-slate-500 hover:text-slate-900">
              <X className="size-4" aria-hidden />
              {t("mail.inbox.search.clear")}
            </Link>
          ) : null}
        </Form>

        {page.items.length === 0 ? (
          page.q ? (
            <EmptyState
              icon={<Search className="size-5" aria-hidden />}
              title={t("mail.inbox.emptyFiltered.title")}
              description={t("mail.inbox.emptyFiltered.body", { query: page.q })}
            >
              <ButtonLink to={PATH} variant="secondary">
                {t("mail.inbox.search.clear")}
              </ButtonLink>
            </EmptyState>
          ) : (
            <EmptyState
              icon={<Inbox className="size-5" aria-hidden />}
              title={t("mail.inbox.empty.title")}
              description={t("mail.inbox.empty.body")}
            />
          )
        ) : (
          <>
            <div className="overflow-x-auto">
              <table className="min-w-full text-left text-sm">
                <thead className="border-b border-slate-100 bg-slate-50/60 text-xs font-medium tracking-wide text-slate-500 uppercase">
                  <tr>
                    <th scope="col" className="px-5 py-2.5 font-medium">
                      {t("mail.inbox.col.status")}
                    </th>
                    <th scope="col" className="px-5 py-2.5 font-medium">
                      {t("mail.inbox.col.to")}
                    </th>
                    <th scope="col" className="px-5 py-2.5 font-medium">
                      {t("mail.inbox.col.subject")}
                    </th>
                    <th scope="col" className="px-5 py-2.5 font-medium">
                      {t("mail.inbox.col.template")}
                    </th>
                    <th scope="col" className="px-5 py-2.5 font-medium whitespace-nowrap">
                      {t("mail.inbox.col.time")}
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {page.items.map((item) => (
                    <tr key={item.id} className="group hover:bg-slate-50/80">
                      <td className="px-5 py-3 align-top">
                        <StatusBadge status={item.status} />
                        {item.attempts > 1 ? (
                          <p className="mt-1 text-xs text-slate-400">
                            {t("mail.inbox.attempts", { count: item.attempts })}
                          </p>
                        ) : null}
                      </td>
                      <td className="max-w-56 truncate px-5 py-3 align-top text-slate-700" title={item.toAddress}>
                        {item.toAddress}
                      </td>
                      <td className="min-w-48 px-5 py-3 align-top">
                        <Link
                          to={`${PATH}/${item.id}`}
                          className="font-medium text-slate-900 group-hover:text-blue-700 hover:underline"
                        >
                          {item.subject}
                        </Link>
                      </td>
                      <td className="px-5 py-3 align-top whitespace-nowrap text-slate-500">
                        {templateLabel(item.template, t)}
                      </td>
                      <td className="px-5 py-3 align-top whitespace-nowrap text-slate-500 tabular-nums">
                        {formatDateTime(item.createdAt, locale)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>

            {page.pageCount > 1 ? (
              <Pager
                label={t("mail.inbox.pager.label")}
                summary={t("mail.inbox.pager.summary", { page: page.page, pageCount: page.pageCount })}
                prevLabel={t("mail.inbox.pager.prev")}
                nextLabel={t("mail.inbox.pager.next")}
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
