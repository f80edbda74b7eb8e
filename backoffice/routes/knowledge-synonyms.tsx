import { ArrowLeft, Plus, Replace, Trash2 } from "lucide-react";
import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
} from "react-router";
import { z } from "zod";
import { db } from "#app/lib/db.server.ts";
import { parseForm, runIntent } from "#app/lib/forms.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { fail, respond } from "#app/lib/service-result.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import {
  addSynonymGroup,
  deleteSynonymGroup,
  listSynonymGroups,
  SynonymGroupSchema,
} from "#app/modules/knowledge/knowledge-search-quality.server.ts";
import { fieldErrors, FailureNotice, SubmitButton, submittedValues, TextareaField } from "#app/ui/form/index.ts";
import { titleMeta } from "#app/ui/meta.ts";
import { SectionCard } from "#app/ui/section-card.tsx";
import { ModulePageHeader } from "#backoffice/components/module-page-header.tsx";

// 知识库同义词: the synonym groups knowledge search applies (开不了机 ⇄ 无法开机), kept by staff who
// may edit the knowledge base. Decision 039.

const PATH = "/crm/knowledge/synonyms";
const POLICY = { module: "knowledge", action: "modify" } as const;
const IdSchema = z.object({ id: z.coerce.number().int().positive() });

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaffActor(request, POLICY);
  return { groups: await listSynonymGroups(db) };
}

async function add({ formData }: { formData: FormData }) {
  const parsed = await parseForm(formData, SynonymGroupSchema);
  if (parsed.status !== "ok") return fail(parsed);
  return respond(await addSynonymGroup(db, parsed.value), { successTo: PATH, flash: "flash.created" });
}

async function remove({ formData }: { formData: FormData }) {
  const parsed = await parseForm(formData, IdSchema);
  if (parsed.status !== "ok") return fail(parsed);
  return respond(await deleteSynonymGroup(db, parsed.value.id), { successTo: PATH, flash: "flash.deleted" });
}

export async function action({ request }: ActionFunctionArgs) {
  await requireStaffActor(request, POLICY);
  const formData = await request.formData();
  return runIntent(formData, { add, remove }, { formData });
}

export const meta = titleMeta("searchQuality.synonyms.title");

export default function KnowledgeSynonymsPage() {
  const { groups } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const typed = submittedValues(result);
  return (
    <div className="space-y-6">
      <Link to="/crm/knowledge" className="inline-flex items-center gap-1 text-sm text-slate-500 hover:text-slate-900">
        <ArrowLeft aria-hidden className="size-4" />
        {t("searchQuality.synonyms.back")}
      </Link>
      <ModulePageHeader
        module="knowledge"
        title={t("searchQuality.synonyms.title")}
        description={t("searchQuality.synonyms.description")}
      />
      <div className="grid gap-6 xl:grid-cols-[3fr_2fr]">
        <SectionCard icon={Replace} title={t("searchQuality.synonyms.list")} labelled flush>
          {groups.length === 0 ? (
            <p className="px-5 py-4 text-sm text-slate-500">{t("searchQuality.synonyms.empty")}</p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {groups.map((group) => (
                <li key={group.id} className="flex items-center gap-3 px-5 py-3 text-sm">
                  <span className="flex min-w-0 flex-1 flex-wrap gap-1.5">
                    {group.terms.map((term) => (
                      <span key={term} className="rounded-md bg-slate-100 px-2 py-0.5 text-slate-800">
                        {term}
                      </span>
                    ))}
                  </span>
                  <Form method="post">
                    <input type="hidden" name="id" value={group.id} />
                    <SubmitButton
                      intent="remove"
                      size="sm"
                      variant="secondary"
                      icon={Trash2}
                      aria-label={t("searchQuality.synonyms.deleteLabel", { terms: group.terms.join(" ⇄ ") })}
                    >
                      {t("searchQuality.synonyms.delete")}
                    </SubmitButton>
                  </Form>
                </li>
              ))}
            </ul>
          )}
        </SectionCard>
        <SectionCard icon={Plus} title={t("searchQuality.synonyms.new")} labelled>
          <Form method="post" className="space-y-5">
            <FailureNotice result={result} />
            <TextareaField
              name="terms"
              label={t("searchQuality.synonyms.terms")}
              hint={t("searchQuality.synonyms.termsHint")}
              defaultValue={typed?.terms ?? ""}
              errors={fieldErrors(result).terms}
              rows={3}
              required
              maxLength={400}
            />
            <SubmitButton intent="add" icon={Plus}>
              {t("searchQuality.synonyms.add")}
            </SubmitButton>
          </Form>
        </SectionCard>
      </div>
    </div>
  );
}
