import { Building2, CircleAlert, UserRound } from "lucide-react";
import { Link, Outlet, useLoaderData, type LoaderFunctionArgs } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { getContactWorkspace } from "#app/modules/crm/contacts/contact-workspace.server.ts";
import { salutationChoices } from "#app/modules/crm/contacts/contacts.server.ts";
import { lookupChoiceLabel } from "#app/modules/crm/lookup-choices.ts";
import { recordMeta } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { BackLink } from "#app/ui/records/back-link.tsx";
import { TabNav } from "#app/ui/tab-nav.tsx";
import { contactPath, CONTACTS_PATH } from "#backoffice/components/contacts/contact-columns.tsx";
import { ContactKeyFigures } from "#backoffice/components/contacts/contact-figures.tsx";
import { loadRecordPage } from "#backoffice/components/record-page.server.ts";
import { RecordOwnershipActions } from "#backoffice/components/records/record-ownership-actions.tsx";
import { ShellErrorBoundary } from "#backoffice/components/shell-error-boundary.tsx";

// One contact (/crm/contacts/:contactId), the 360° page: header, key figures and tabs; each tab is
// a child route with its own loader (and action where it changes something). Out of scope → 404.

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadRecordPage(
    request,
    { module: "contacts", action: "browse" },
    params.contactId,
    async (database, actor, id) => {
      const [workspace, salutations] = await Promise.all([
        getContactWorkspace(database, actor, id),
        salutationChoices(database),
      ]);
      return workspace ? { ...workspace, salutations } : null;
    },
  );
}

export const meta = recordMeta<typeof loader>("contacts.list.title", (d) => [
  "contacts.detail.metaTitle",
  { name: d.contact.fullName },
]);

export default function ContactLayout() {
  const { contact, figures, canModify, canBrowseCompanies, salutations } = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();
  const salutation = lookupChoiceLabel(salutations, contact.salutation, locale);
  const base = contactPath(contact.id);
  const role = [contact.title, contact.department].filter(Boolean).join(" · ");
  return (
    <div className="space-y-6">
      <BackLink to={CONTACTS_PATH}>{t("contacts.detail.back")}</BackLink>

      <PageHeader
        eyebrow={<span className="font-mono">{contact.number}</span>}
        title={salutation ? `${contact.fullName}（${salutation}）` : contact.fullName}
        icon={<UserRound className="size-6" aria-hidden />}
        description={
          <span className="flex flex-wrap items-center gap-x-3 gap-y-1">
            {role ? <span>{role}</span> : null}
            {contact.company ? (
              <span className="inline-flex items-center gap-1">
                <Building2 className="size-4 text-slate-400" aria-hidden />
                {canBrowseCompanies && !contact.company.deletedAt ? (
                  <Link to={`/crm/companies/${contact.company.id}`} className="text-blue-700 hover:underline">
                    {contact.company.name}
                  </Link>
                ) : (
                  contact.company.name
                )}
              </span>
            ) : null}
            {contact.owner ? <span>{`${t("contacts.field.owner")}：${contact.owner.name}`}</span> : null}
          </span>
        }
        actions={
          // Slot for transfer / share / delete / merge (RecordOwnershipActions, owned by the
          // ownership and recycle-bin work): render it here with entity="contact" id={contact.id}.
          <div data-slot="record-ownership-actions" aria-label={t("contacts.detail.ownership")}>
            <RecordOwnershipActions entity="contact" id={contact.id} />
          </div>
        }
      />

      {!canModify ? (
        <div className="flex items-start gap-3 rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm text-slate-600">
          <CircleAlert className="mt-0.5 size-4 shrink-0 text-slate-400" aria-hidden />
          <p>{t("contacts.detail.readOnly")}</p>
        </div>
      ) : null}

      <ContactKeyFigures figures={figures} />

      <TabNav
        label={t("contacts.tabs.label")}
        tabs={[
          { to: base, label: t("contacts.tabs.overview"), end: true },
          { to: `${base}/company`, label: t("contacts.tabs.company") },
          { to: `${base}/org`, label: t("contacts.tabs.org") },
          { to: `${base}/leads`, label: t("contacts.tabs.leads") },
          { to: `${base}/opportunities`, label: t("contacts.tabs.opportunities") },
          { to: `${base}/service`, label: t("contacts.tabs.service") },
          { to: `${base}/assets`, label: t("contacts.tabs.assets") },
          { to: `${base}/member`, label: t("contacts.tabs.member") },
          { to: `${base}/activity`, label: t("contacts.tabs.activity") },
          { to: `${base}/attachments`, label: t("contacts.tabs.attachments") },
        ]}
      />

      <Outlet />
    </div>
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary back={CONTACTS_PATH} backLabel="contacts.detail.back" />;
}
