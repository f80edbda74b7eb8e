import { useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { titleMeta } from "#app/ui/meta.ts";
import { IntakePage } from "#portal/components/intake-page.tsx";
import { loadIntakePage, submitIntakePage } from "#portal/components/intake-route.server.ts";

// 来宾登记: visitors and members leave their contact and company details (and an optional message);
// the lead goes to the WEB-GUEST category's owner.

export const meta = titleMeta("intake.guest.title");

export const loader = (args: LoaderFunctionArgs) => loadIntakePage(args, "guest");

export const action = (args: ActionFunctionArgs) => submitIntakePage(args, "guest");

export default function Page() {
  return <IntakePage kind="guest" page={useLoaderData<typeof loader>()} result={useActionData<typeof action>()} />;
}
