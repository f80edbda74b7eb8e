import { MailX } from "lucide-react";
import {
  data,
  Form,
  useActionData,
  useLoaderData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
} from "react-router";
import { db } from "#app/lib/db.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { unsubscribeByToken, unsubscribeTokenValid } from "#app/modules/forum/notify/unsubscribe.server.ts";
import { ButtonLink } from "#app/ui/button.tsx";
import { Card } from "#app/ui/card.tsx";
import { SubmitButton } from "#app/ui/form/index.ts";
import { titleMeta } from "#app/ui/meta.ts";

// 退订论坛邮件 (decision 042): the link in every forum e-mail and its List-Unsubscribe header (RFC 8058).
// GET only shows a confirmation (link scanners open links); POST unsubscribes — from our button or
// straight from the mail provider ("List-Unsubscribe=One-Click"), without signing in. A bad token
// is a 404 with a clear message, and nothing changes.

export async function loader({ params }: LoaderFunctionArgs) {
  const valid = await unsubscribeTokenValid(db, params.token);
  if (!valid) throw data(null, { status: 404 });
  return { token: params.token ?? "" };
}

export async function action({ params }: ActionFunctionArgs) {
  const result = await unsubscribeByToken(db, params.token);
  if (result.status !== "ok") throw data(null, { status: 404 });
  return { done: true };
}

export const meta = titleMeta("forumNotify.unsubscribe.title");

export default function ForumUnsubscribe() {
  const { token } = useLoaderData<typeof loader>();
  const done = useActionData<typeof action>()?.done === true;
  const { t } = useI18n();
  return (
    <div className="mx-auto max-w-xl px-4 py-12 sm:px-6">
      <Card className="space-y-4 p-6">
        <h1 className="flex items-center gap-2 text-xl font-semibold text-slate-900">
          <MailX className="size-5" aria-hidden />
          {t(done ? "forumNotify.unsubscribe.done" : "forumNotify.unsubscribe.title")}
        </h1>
        <p className="text-slate-600">
          {t(done ? "forumNotify.unsubscribe.doneBody" : "forumNotify.unsubscribe.confirm")}
        </p>
        {done ? (
          <ButtonLink to="/account/forum" variant="secondary">
            {t("forumNotify.unsubscribe.manage")}
          </ButtonLink>
        ) : (
          <Form method="post" action={`/forum/unsubscribe/${token}`}>
            <input type="hidden" name="List-Unsubscribe" value="One-Click" />
            <SubmitButton>{t("forumNotify.unsubscribe.button")}</SubmitButton>
          </Form>
        )}
      </Card>
    </div>
  );
}

export function ErrorBoundary() {
  const { t } = useI18n();
  return (
    <div className="mx-auto max-w-xl px-4 py-12 sm:px-6">
      <Card className="p-6 text-slate-700">{t("forumNotify.unsubscribe.invalid")}</Card>
    </div>
  );
}
