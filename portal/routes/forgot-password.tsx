import { KeyRound } from "lucide-react";
import { useActionData, type ActionFunctionArgs } from "react-router";
import { requestPasswordReset } from "#app/modules/members/member-password-reset.server.ts";
import { titleMeta } from "#app/ui/meta.ts";
import { handleEmailRequest } from "#portal/components/email-request-action.server.ts";
import { EmailRequestPage, emailRequestCopy } from "#portal/components/email-request-page.tsx";

export const meta = titleMeta("members.forgot.title");

export const action = (args: ActionFunctionArgs) =>
  handleEmailRequest(args, requestPasswordReset, "members.forgot.rateLimited");

const COPY = emailRequestCopy("forgot");

export default function ForgotPasswordPage() {
  return <EmailRequestPage icon={KeyRound} copy={COPY} result={useActionData<typeof action>()} />;
}
