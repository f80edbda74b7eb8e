import { BellRing, MessagesSquare, School } from "lucide-react";
import type { ReactNode } from "react";
import {
  data,
  Form,
  Link,
  useActionData,
  useLoaderData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
} from "react-router";
import { z } from "zod";
import { db } from "#app/lib/db.server.ts";
import { runIntent } from "#app/lib/forms.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { respond } from "#app/lib/service-result.ts";
import { requireMember } from "#app/modules/members/member-guard.server.ts";
import { MAIL_KINDS, MAIL_MODES } from "#app/modules/forum/notify/notify-kinds.ts";
import { mailPreferences, saveMailPreferences } from "#app/modules/forum/notify/preferences.server.ts";
import { listWatches, unwatch } from "#app/modules/forum/notify/watches.server.ts";
import { Card } from "#app/ui/card.tsx";
import { EmptyState } from "#app/ui/empty-state.tsx";
import { FailureNotice, fieldErrors, SelectField, SubmitButton } from "#app/ui/form/index.ts";
import { IntentButton } from "#app/ui/form/intent-button.tsx";
import { titleMeta } from "#app/ui/meta.ts";
import { AccountPageHeader } from "#portal/components/account-ui.tsx";

// 我的账户 › 论坛通知: how forum notifications reach the member by e-mail (per kind: off / immediately /
// daily digest) and the threads and classrooms they follow (decision 042).

const PATH = "/account/forum";
const Id = z.coerce.number().int().positive().max(2_147_483_647);

async function memberViewer(request: Request) {
  const principal = await requireMember(request);
  return { kind: "member" as const, memberId: principal.member.id, audience: principal.audience };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await memberViewer(request);
  const [prefs, watches] = await Promise.all([mailPreferences(db, viewer.memberId), listWatches(db, viewer)]);
  return { prefs, ...watches };
}

interface Ctx {
  memberId: number;
  formData: FormData;
}

function unwatchIntent(kind: "thread" | "classroom") {
  return async ({ memberId, formData }: Ctx) => {
    const id = Id.safeParse(formData.get("id"));
    if (!id.success) throw data(null, { status: 400 });
    return respond(await unwatch(db, memberId, { kind, id: id.data }), { successTo: PATH, flash: "flash.saved" });
  };
}

const INTENTS = {
  save: async ({ memberId, formData }: Ctx) =>
    respond(
      await saveMailPreferences(db, memberId, {
        reply: formData.get("reply"),
        thread: formData.get("thread"),
        mention: formData.get("mention"),
      }),
      { successTo: PATH, flash: "flash.saved" },
    ),
  unwatchThread: unwatchIntent("thread"),
  unwatchClassroom: unwatchIntent("classroom"),
};

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await memberViewer(request);
  const formData = await request.formData();
  return runIntent(formData, INTENTS, { memberId: viewer.memberId, formData });
}

export const meta = titleMeta("forumNotify.account.title");

export default function AccountForum() {
  const { prefs, threads, classrooms } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const modeOptions = MAIL_MODES.map((mode) => ({ value: mode, label: t(`forumNotify.mode.${mode}`) }));
  return (
    <div className="space-y-6">
      <AccountPageHeader title={t("forumNotify.account.title")} description={t("forumNotify.account.intro")} />
      <Card className="p-5">
        <h2 className="flex items-center gap-2 font-medium text-slate-900">
          <BellRing className="size-4" aria-hidden />
          {t("forumNotify.account.mail")}
        </h2>
        <Form method="post" className="mt-4 space-y-4">
          <FailureNotice result={result} />
          <div className="grid gap-4 sm:grid-cols-3">
            {MAIL_KINDS.map((kind) => (
              <SelectField
                key={kind}
                name={kind}
                label={t(`forumNotify.kind.${kind}`)}
                options={modeOptions}
                defaultValue={prefs[kind]}
                errors={fieldErrors(result)[kind]}
              />
            ))}
          </div>
          <SubmitButton intent="save">{t("forumNotify.account.save")}</SubmitButton>
        </Form>
      </Card>
      <WatchCard
        title={t("forumNotify.account.watchedThreads")}
        empty={t("forumNotify.account.noThreads")}
        icon={<MessagesSquare className="size-5" aria-hidden />}
        intent="unwatchThread"
        rows={threads.map((thread) => ({ id: thread.id, label: thread.title, to: `/forum/t/${thread.id}` }))}
      />
      <WatchCard
        title={t("forumNotify.account.watchedClassrooms")}
        empty={t("forumNotify.account.noClassrooms")}
        icon={<School className="size-5" aria-hidden />}
        intent="unwatchClassroom"
        rows={classrooms.map((room) => ({ id: room.id, label: room.name, to: `/forum/${room.id}` }))}
      />
    </div>
  );
}

function WatchCard(props: {
  title: string;
  empty: string;
  icon: ReactNode;
  intent: string;
  rows: Array<{ id: number; label: string; to: string }>;
}) {
  const { t } = useI18n();
  return (
    <Card>
      <h2 className="border-b border-slate-100 px-5 py-3 font-medium text-slate-900">{props.title}</h2>
      {props.rows.length === 0 ? (
        <EmptyState icon={props.icon} title={props.empty} />
      ) : (
        <ul className="divide-y divide-slate-100">
          {props.rows.map((row) => (
            <li key={row.id} className="flex items-center justify-between gap-4 px-5 py-2.5 text-sm">
              <Link to={row.to} className="min-w-0 truncate text-slate-800 hover:text-blue-700">
                {row.label}
              </Link>
              <IntentButton intent={props.intent} field={{ name: "id", value: row.id }} variant="secondary">
                {t("forumNotify.unwatch")}
              </IntentButton>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
