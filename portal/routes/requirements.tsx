import { useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { titleMeta } from "#app/ui/meta.ts";
import { IntakePage } from "#portal/components/intake-page.tsx";
import { loadIntakePage, submitIntakePage } from "#portal/components/intake-route.server.ts";

// 在线需求: visitors and members describe what they need; the lead goes to the WEB-REQ category's owner.

export const meta = titleMeta("intake.requirements.title");

export const loader = (args: LoaderFunctionArgs) => loadIntakePage(args, "requirement");

export const action = (args: ActionFunctionArgs) => submitIntakePage(args, "requirement");

export default function Page() {
  return (
    <IntakePage kind="requirement" page={useLoaderData<typeof loader>()} result={useActionData<typeof action>()} />
  );
}
