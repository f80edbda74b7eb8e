import { ArrowLeft, BookPlus, Info } from "lucide-react";
import {
  data,
  Link,
  useActionData,
  useLoaderData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaArgs,
} from "react-router";
import { db } from "#app/lib/db.server.ts";
import { clientIp } from "#app/lib/http.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { IdParam } from "#app/lib/schemas.ts";
import { respond } from "#app/lib/service-result.ts";
import { can } from "#app/modules/auth/permissions.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import {
  articleDraftFromRequest,
  createArticle,
  listCategories,
} from "#app/modules/knowledge/knowledge-articles.server.ts";
import { articleResult } from "#app/modules/knowledge/knowledge-workspace.server.ts";
import { Card } from "#app/ui/card.tsx";
import { fieldErrors, submittedValues } from "#app/ui/form/index.ts";
import { pageTitle } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import {
  KnowledgeForm,
  articleInputFrom,
  knowledgeValues,
  type KnowledgeFormValues,
} from "#backoffice/components/knowledge-form.tsx";
import { ShellErrorBoundary } from "#backoffice/components/shell-error-boundary.tsx";

// 新建解决方案, optionally prefilled from a service request (?fromRequest=<id>): "turn this request's
// answer into a solution". Reading the request's content needs service:browse as well.

const POLICY = { module: "knowledge", action: "add" } as const;
const EMPTY: KnowledgeFormValues = {
  summary: "",
  descriptionHtml: "",
  solutionHtml: "",
  category: "",
  keywords: "",
  visibility: "public",
};

async function prefill(actor: StaffActor, request: Request) {
  const raw = new URL(request.url).searchParams.get("fromRequest");
  if (!raw) return null;
  const id = IdParam.safeParse(raw);
  if (!id.success) throw data(null, { status: 404 });
  if (!can(actor, "service", "browse")) throw data({ module: "service", action: "browse" }, { status: 403 });
  const draft = await articleDraftFromRequest(db, actor, id.data);
  if (!draft) throw data(null, { status: 404 });
  return draft;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const draft = await prefill(await requireStaffActor(request, POLICY), request);
  const values: KnowledgeFormValues = draft
    ? {
        summary: draft.summary,
        descriptionHtml: draft.descriptionHtml,
        solutionHtml: draft.solutionHtml,
        category: draft.category ?? "",
        keywords: draft.keywords,
        visibility: draft.visibility,
      }
    : EMPTY;
  return {
    values,
    source: draft ? { id: draft.sourceRequestId, number: draft.sourceRequestNumber } : null,
    categories: await listCategories(db),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireStaffActor(request, POLICY);
  const draft = await prefill(actor, request);
  const form = await request.formData();
  const input = articleInputFrom(form);
  const result = articleResult(
    await createArticle(db, actor, input, {
      sourceRequestId: draft?.sourceRequestId ?? null,
      ipAddress: clientIp(context),
    }),
  );
  const sent = Object.fromEntries([...form.entries()].filter((e): e is [string, string] => typeof e[1] === "string"));
  return respond(result.status === "invalid" ? { ...result, values: sent } : result, {
    successTo: ({ id }) => `/crm/knowledge/${id}`,
    flash: input.status === "published" ? "flash.knowledge.published" : "flash.saved",
  });
}

export const meta = ({ matches }: MetaArgs) => pageTitle(matches, "knowledge.form.newTitle");

export default function KnowledgeNewPage() {
  const { values, source, categories } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <div className="space-y-6">
      <Link
        to="/crm/knowledge"
        className="inline-flex items-center gap-1.5 text-sm text-slate-500 hover:text-slate-900"
      >
        <ArrowLeft aria-hidden className="size-4" />
        {t("common.knowledgeBase")}
      </Link>
      <PageHeader
        eyebrow={t("common.customerService")}
        title={t("knowledge.form.newTitle")}
        description={t("knowledge.form.newDescription")}
        icon={<BookPlus className="size-6" aria-hidden />}
      />
      {source ? (
        <p className="flex items-start gap-2 rounded-lg border border-blue-200 bg-blue-50 px-4 py-3 text-sm text-blue-900">
          <Info aria-hidden className="mt-0.5 size-4 shrink-0" />
          <span>
            {t("knowledge.form.fromRequest", { number: source.number })}{" "}
            <Link to={`/crm/service/${source.id}`} className="font-medium underline">
              {source.number}
            </Link>
          </span>
        </p>
      ) : null}
      <Card className="max-w-4xl">
        <KnowledgeForm
          mode="new"
          values={knowledgeValues(values, submittedValues(answer))}
          errors={fieldErrors(answer)}
          categories={categories}
          cancelTo="/crm/knowledge"
        />
      </Card>
    </div>
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary back="/crm/knowledge" backLabel="knowledge.article.back" />;
}
