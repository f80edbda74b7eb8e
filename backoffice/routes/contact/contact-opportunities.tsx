import { Target } from "lucide-react";
import { useLoaderData, useParams, type LoaderFunctionArgs } from "react-router";
import { getContactRelated } from "#app/modules/crm/contacts/contact-workspace.server.ts";
import { ContactRelated } from "#backoffice/components/contacts/contact-related.tsx";
import { NewOpportunityLink } from "#backoffice/components/opportunities/new-opportunity-link.tsx";
import { NewQuoteLink } from "#backoffice/components/quotes/new-quote-link.tsx";
import { loadRecordPage } from "#backoffice/components/record-page.server.ts";

// The contact page's "opportunities" tab: related records within the viewer's scope of that module.

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadRecordPage(request, { module: "contacts", action: "browse" }, params.contactId, (database, actor, id) =>
    getContactRelated(database, actor, id, "opportunities"),
  );
}

export default function ContactOpportunitiesTab() {
  const data = useLoaderData<typeof loader>();
  const { contactId } = useParams();
  return (
    <div className="space-y-3">
      <div className="flex justify-end gap-2">
        <NewQuoteLink contact={Number(contactId)} />
        <NewOpportunityLink contact={Number(contactId)} />
      </div>
      <ContactRelated data={data} icon={Target} title="contacts.tabs.opportunities" />
    </div>
  );
}
