import { MailPlus } from "lucide-react";
import { useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { resendActivation } from "#app/modules/members/member-registration.server.ts";
import { titleMeta } from "#app/ui/meta.ts";
import { handleEmailRequest } from "#portal/components/email-request-action.server.ts";
import { EmailRequestPage, emailRequestCopy } from "#portal/components/email-request-page.tsx";

export const meta = titleMeta("members.resend.title");

export function loader({ request }: LoaderFunctionArgs) {
  // Prefilled from the registration and sign-in pages; only a suggestion, never trusted.
  const email = (new URL(request.url).searchParams.get("email") ?? "").slice(0, 191);
  return { email };
}

export const action = (args: ActionFunctionArgs) =>
  handleEmailRequest(args, resendActivation, "members.resend.rateLimited");

const COPY = emailRequestCopy("resend");

export default function ResendActivationPage() {
  const { email } = useLoaderData<typeof loader>();
  return <EmailRequestPage icon={MailPlus} copy={COPY} result={useActionData<typeof action>()} defaultEmail={email} />;
}
