import { Package } from "lucide-react";
import { useLoaderData, type LoaderFunctionArgs } from "react-router";
import { getContactRelated } from "#app/modules/crm/contacts/contact-workspace.server.ts";
import { ContactRelated } from "#backoffice/components/contacts/contact-related.tsx";
import { loadRecordPage } from "#backoffice/components/record-page.server.ts";

// The contact page's "assets" tab: related records within the viewer's scope of that module.

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadRecordPage(request, { module: "contacts", action: "browse" }, params.contactId, (database, actor, id) =>
    getContactRelated(database, actor, id, "assets"),
  );
}

export default function ContactAssetsTab() {
  const data = useLoaderData<typeof loader>();
  return <ContactRelated data={data} icon={Package} title="contacts.tabs.assets" />;
}
