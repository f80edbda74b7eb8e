import { ArrowLeft, BookPlus, Info } from "lucide-react";
import {
  data,
  Link,
  redirect,
  useActionData,
  useLoaderData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaArgs,
} from "react-router";
import { db } from "#app/lib/db.server.ts";
import { clientIp } from "#app/lib/http.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { can } from "#app/modules/auth/permissions.ts";
import { requirePermission } from "#app/modules/auth/staff-guard.server.ts";
import type { StaffPrincipal } from "#app/modules/auth/staff-principal.server.ts";
import {
  articleDraftFromRequest,
  createArticle,
  listCategories,
  type KnowledgeActor,
} from "#app/modules/knowledge/knowledge-articles.server.ts";
import { Card } from "#app/ui/card.tsx";
import { pageTitle } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { KnowledgeForm, articleInputFrom, type KnowledgeFormValues } from "#backoffice/components/knowledge-form.tsx";

// 新建解决方案, optionally prefilled from a service request (?fromRequest=<id>): "turn this request's
// answer into a solution". Reading the request's content needs service:browse as well.

function actorOf(principal: StaffPrincipal, ip: string): KnowledgeActor {
  return { staffId: principal.staff.id, teamId: principal.staff.teamId, subject: principal, ipAddress: ip };
}

async function prefill(principal: StaffPrincipal, raw: string | null) {
  if (!raw) return null;
  const id = Number(raw);
  if (!Number.isInteger(id) || id <= 0) throw data(null, { status: 404 });
  if (!can(principal, "service", "browse")) throw data({ module: "service", action: "browse" }, { status: 403 });
  const draft = await articleDraftFromRequest(db, id);
  if (!draft) throw data(null, { status: 404 });
  return draft;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const principal = await requirePermission(request, "knowledge", "add");
  const draft = await prefill(principal, new URL(request.url).searchParams.get("fromRequest"));
  const values: KnowledgeFormValues = draft
    ? {
        summary: draft.summary,
        descriptionHtml: draft.descriptionHtml,
        solutionHtml: draft.solutionHtml,
        category: draft.category ?? "",
        keywords: draft.keywords,
        visibility: draft.visibility,
      }
    : { summary: "", descriptionHtml: "", solutionHtml: "", category: "", keywords: "", visibility: "public" };
  return {
    values,
    source: draft ? { id: draft.sourceRequestId, number: draft.sourceRequestNumber } : null,
    categories: await listCategories(db),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const principal = await requirePermission(request, "knowledge", "add");
  const fromRequest = new URL(request.url).searchParams.get("fromRequest");
  const draft = await prefill(principal, fromRequest);
  const form = await request.formData();
  const input = articleInputFrom(form);
  const result = await createArticle(db, actorOf(principal, clientIp(context)), input, {
    sourceRequestId: draft?.sourceRequestId ?? null,
  });
  if (result.ok) {
    return redirect(`/crm/knowledge/${result.id}?flash=${input.status === "published" ? "published" : "saved"}`);
  }
  if (result.reason === "forbidden") throw data(null, { status: 403 });
  if (result.reason === "not-found") throw data(null, { status: 404 });
  return data(
    {
      errors: result.fieldErrors,
      values: { ...input, visibility: input.visibility as KnowledgeFormValues["visibility"] },
    },
    { status: 400 },
  );
}

export const meta = ({ matches }: MetaArgs) => pageTitle(matches, "knowledge.form.newTitle");

export default function KnowledgeNewPage() {
  const { values, source, categories } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <div className="space-y-6">
      <Link
        to="/crm/knowledge"
        className="inline-flex items-center gap-1.5 text-sm text-slate-500 hover:text-slate-900"
      >
        <ArrowLeft aria-hidden className="size-4" />
        {t("knowledge.admin.listTitle")}
      </Link>
      <PageHeader
        eyebrow={t("knowledge.admin.eyebrow")}
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
          values={actionData?.values ?? values}
          errors={actionData?.errors}
          categories={categories}
          cancelTo="/crm/knowledge"
        />
      </Card>
    </div>
  );
}
