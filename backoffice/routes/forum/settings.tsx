import { Settings, ShieldAlert, Trash2 } from "lucide-react";
import {
  Form,
  useActionData,
  useLoaderData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaArgs,
} from "react-router";
import { z } from "zod";
import { db } from "#app/lib/db.server.ts";
import { runIntent } from "#app/lib/forms.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { invalid, respond } from "#app/lib/service-result.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { getForumLimits } from "#app/modules/forum/forum-gate.server.ts";
import { FORUM_LIMIT_FIELDS } from "#app/modules/forum/forum-limits.ts";
import {
  addSensitiveWord,
  listSensitiveWordsForAdmin,
  removeSensitiveWord,
  saveForumLimits,
} from "#app/modules/forum/forum-word-list.server.ts";
import { WORD_ACTIONS, WORD_MAX } from "#app/modules/forum/forum-words.ts";
import { Badge } from "#app/ui/badge.tsx";
import { EmptyState } from "#app/ui/empty-state.tsx";
import { FailureNotice, fieldErrors, SelectField, SubmitButton, TextField } from "#app/ui/form/index.ts";
import { IntentButton } from "#app/ui/forum/intent-button.tsx";
import { pageTitle } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { BackLink } from "#app/ui/records/back-link.tsx";
import { SectionCard } from "#app/ui/section-card.tsx";
import { ShellErrorBoundary } from "#backoffice/components/shell-error-boundary.tsx";

// /crm/forum/settings — the admin's forum settings (decision 041): new-member limits, posting rates
// and the sensitive-word list (word + block / replace with ＊ / hold for review). Every change is audited.

const POLICY = { module: "forum", action: "modify" } as const;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaffActor(request, POLICY);
  const [limits, words] = await Promise.all([getForumLimits(db), listSensitiveWordsForAdmin(db)]);
  return { limits, words };
}

interface Ctx {
  actor: StaffActor;
  formData: FormData;
}
const Id = z.coerce.number().int().positive().max(2_147_483_647);
const INTENTS = {
  saveLimits: ({ actor, formData }: Ctx) => saveForumLimits(db, actor, formData),
  addWord: ({ actor, formData }: Ctx) =>
    addSensitiveWord(db, actor, { word: formData.get("word") ?? "", action: formData.get("action") ?? "" }),
  removeWord: ({ actor, formData }: Ctx) => {
    const id = Id.safeParse(formData.get("id"));
    return id.success ? removeSensitiveWord(db, actor, id.data) : Promise.resolve(invalid({ id: ["form.notFound"] }));
  },
};

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireStaffActor(request, POLICY);
  const formData = await request.formData();
  const result = await runIntent(formData, INTENTS, { actor, formData });
  return respond(result, { successTo: "/crm/forum/settings", flash: "flash.forumMod.saved" });
}

export const meta = ({ matches }: MetaArgs) => pageTitle(matches, "forumMod.settings.title");

export default function ForumSettingsPage() {
  const { limits, words } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = fieldErrors(result);
  const { t } = useI18n();
  const hints: Partial<Record<(typeof FORUM_LIMIT_FIELDS)[number], string>> = {
    heldPosts: t("forumMod.settings.heldPostsHint"),
    linkMinPosts: t("forumMod.settings.linkMinPostsHint"),
  };
  return (
    <div className="space-y-6">
      <BackLink to="/crm/forum/queue">{t("forum.mod.queue")}</BackLink>
      <PageHeader
        title={t("forumMod.settings.title")}
        description={t("forumMod.settings.description")}
        icon={<Settings className="size-6" aria-hidden />}
      />
      <FailureNotice result={result?.status === "invalid" ? null : result} />
      <SectionCard title={t("forumMod.settings.limits")}>
        <Form method="post" className="grid gap-4 sm:grid-cols-2" noValidate>
          {FORUM_LIMIT_FIELDS.map((field) => (
            <TextField
              key={field}
              name={field}
              type="number"
              min={0}
              inputMode="numeric"
              label={t(`forumMod.settings.${field}`)}
              hint={hints[field] ?? t("forumMod.settings.zeroOff")}
              defaultValue={String(limits[field])}
              errors={errors[field]}
            />
          ))}
          <div className="sm:col-span-2">
            <SubmitButton intent="saveLimits">{t("common.save")}</SubmitButton>
          </div>
        </Form>
      </SectionCard>
      <SectionCard title={t("forumMod.settings.words")} description={t("forumMod.settings.wordsHint")}>
        <Form method="post" className="flex flex-wrap items-end gap-3" noValidate>
          <div className="min-w-48 flex-1">
            <TextField
              name="word"
              label={t("forumMod.settings.word")}
              maxLength={WORD_MAX}
              required
              errors={errors.word}
            />
          </div>
          <div className="w-44">
            <SelectField
              name="action"
              label={t("forumMod.settings.action")}
              options={WORD_ACTIONS.map((value) => ({ value, label: t(`forumMod.word.${value}`) }))}
              errors={errors.action}
            />
          </div>
          <SubmitButton intent="addWord">{t("common.add")}</SubmitButton>
        </Form>
        {words.length === 0 ? (
          <EmptyState icon={<ShieldAlert aria-hidden className="size-5" />} title={t("forumMod.settings.noWords")} />
        ) : (
          <ul className="mt-4 divide-y divide-slate-100" data-testid="sensitive-words">
            {words.map((word) => (
              <li key={word.id} className="flex items-center justify-between gap-3 py-2 text-sm">
                <span className="flex items-center gap-2">
                  <span className="font-medium text-slate-900">{word.word}</span>
                  <Badge tone={word.action === "block" ? "red" : word.action === "hold" ? "amber" : "slate"}>
                    {t(`forumMod.word.${word.action}`)}
                  </Badge>
                </span>
                <IntentButton intent="removeWord" fields={{ id: String(word.id) }} icon={Trash2}>
                  {t("common.remove")}
                </IntentButton>
              </li>
            ))}
          </ul>
        )}
      </SectionCard>
    </div>
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary back="/crm/forum/queue" backLabel="forum.mod.queue" />;
}
