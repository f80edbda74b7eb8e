import { Plus } from "lucide-react";
import { redirect, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { clientIp } from "#app/lib/http.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { can } from "#app/modules/auth/permissions.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { contactList } from "#app/modules/crm/contacts/contact-list-query.ts";
import {
  contactFilterOptions,
  contactListCompanyName,
  listContacts,
} from "#app/modules/crm/contacts/contact-list.server.ts";
import { bulkActionPolicy, bulkListAction, bulkListOptions } from "#app/modules/crm/sharing/bulk-actions.server.ts";
import { loadListViews } from "#app/modules/views/list-views.server.ts";
import { ButtonLink } from "#app/ui/button.tsx";
import { useBulkSelection } from "#app/ui/list/bulk-selection.ts";
import { listLinks } from "#app/ui/list/list-links.ts";
import { ListPage } from "#app/ui/list/list-page.tsx";
import { titleMeta } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { ContactBulkToolbar } from "#backoffice/components/contacts/contact-bulk-toolbar.tsx";
import { contactColumns, CONTACTS_PATH as PATH } from "#backoffice/components/contacts/contact-columns.tsx";
import { ContactFilters } from "#backoffice/components/contacts/contact-filters.tsx";
import { ContactPager } from "#backoffice/components/contacts/contact-pager.tsx";
import { MODULE_ICONS, moduleGroupLabel } from "#backoffice/components/nav.ts";
import { BulkOutcomeNotice, RecordBulkActions } from "#backoffice/components/records/record-bulk-actions.tsx";

// 联系人 list: the viewer's scope (own/team/all + shares), keyset pages, a capped total, saved views,
// bulk transfer / share / delete of the ticked rows (scope applied per row: bulk-actions.server.ts).

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireStaffActor(request, { module: "contacts", action: "browse" });
  const query = contactList.parse(new URL(request.url).searchParams);
  const [page, options, companyName, views, bulk] = await Promise.all([
    listContacts(db, actor, query),
    contactFilterOptions(db, actor),
    contactListCompanyName(db, actor, query.company),
    loadListViews(db, actor, contactList, query, PATH),
    bulkListOptions(db, actor, "contact"),
  ]);
  if (views.redirect) throw redirect(views.redirect);
  return { ...page, ...options, companyName, query, views, bulk, canAdd: can(actor, "contacts", "add") };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireStaffActor(request, bulkActionPolicy("contact"));
  return bulkListAction(db, actor, "contact", await request.formData(), { ipAddress: clientIp(context) });
}

export const meta = titleMeta("contacts.list.title");

export default function ContactsListPage() {
  const d = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const links = listLinks(contactList, PATH, d.query);
  const selection = useBulkSelection(d.rows.map((r) => r.id));
  const at = (cursor: string | null) => (cursor ? contactList.hrefFor(PATH, d.query, { cursor }) : null);
  const Icon = MODULE_ICONS.contacts;
  const newLink = d.canAdd ? (
    <ButtonLink to={`${PATH}/new`} icon={Plus}>
      {t("contacts.list.new")}
    </ButtonLink>
  ) : null;
  return (
    <ListPage
      header={
        <>
          <PageHeader
            icon={<Icon aria-hidden className="size-6" />}
            eyebrow={t(moduleGroupLabel("contacts"))}
            title={t("contacts.list.title")}
            description={t("contacts.list.description")}
            actions={newLink}
          />
          <BulkOutcomeNotice />
        </>
      }
      links={links}
      views={d.views}
      total={d.total}
      filters={
        <ContactFilters query={d.query} links={links} owners={d.owners} teams={d.teams} companyName={d.companyName} />
      }
      toolbar={
        <ContactBulkToolbar selection={selection}>
          <RecordBulkActions entity="contact" selection={selection} rights={d.bulk.rights} choices={d.bulk.choices} />
        </ContactBulkToolbar>
      }
      table={{
        columns: contactColumns,
        rows: d.rows,
        rowKey: (c) => c.id,
        label: t("list.table.label", { title: t("contacts.list.title") }),
        selection: { state: selection, rowLabel: (c) => `${c.fullName} ${c.number}` },
      }}
      empty={{
        icon: <Icon aria-hidden className="size-5" />,
        title: t("contacts.list.empty"),
        filteredTitle: t("contacts.list.emptyFiltered"),
        description: t("contacts.list.emptyHint"),
        action: newLink,
      }}
      pastEndHref={d.pastEnd ? contactList.hrefFor(PATH, d.query, { cursor: null }) : null}
      pager={
        <ContactPager
          firstTo={d.prevCursor ? contactList.hrefFor(PATH, d.query, { cursor: null }) : null}
          prevTo={at(d.prevCursor)}
          nextTo={at(d.nextCursor)}
          lastTo={at(d.lastCursor)}
        />
      }
    />
  );
}
