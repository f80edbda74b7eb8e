import { FileText, Plus } from "lucide-react";
import { useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { getLocale } from "#app/lib/i18n/locale.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { documentIntents } from "#app/modules/contracts/contract-actions.server.ts";
import { documentValues } from "#app/modules/contracts/contract-pdf.server.ts";
import { Card, CardBody, CardHeader } from "#app/ui/card.tsx";
import { ContractDocument } from "#app/ui/contracts/contract-ui.tsx";
import { FailureNotice, fieldErrors } from "#app/ui/form/index.ts";
import { SectionCard } from "#app/ui/section-card.tsx";
import { contractTabAction, loadContractTab } from "#backoffice/components/contracts/contract-route.server.ts";
import { PartForm } from "#backoffice/components/contracts/part-form.tsx";

// The contract's 合同文本 tab: the parts copied from its template (or the quote's document), edited
// while it is a draft, and the merged preview — the same text the PDF prints.

export async function loader(args: LoaderFunctionArgs) {
  const locale = await getLocale(args.request);
  return loadContractTab(args, async (database, page) => ({
    values: await documentValues(database, page.contract, locale),
  }));
}

export async function action(args: ActionFunctionArgs) {
  return contractTabAction(args, "document", documentIntents);
}

export default function ContractDocumentTab() {
  const { contract: c, editable, values } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const errors = fieldErrors(answer);
  const { t } = useI18n();
  return (
    <div className="space-y-6">
      <FailureNotice result={answer} />
      <Card>
        <CardHeader title={t("contracts.doc.preview")} icon={<FileText className="size-4" aria-hidden />} />
        <CardBody>
          {c.parts.length === 0 ? (
            <p className="text-sm text-slate-400">{t("contracts.doc.none")}</p>
          ) : (
            <ContractDocument
              doc={{
                parts: c.parts,
                values,
                lines: c.lines,
                instalments: c.instalments,
                amountFen: c.amountFen,
                terms: c.terms,
              }}
            />
          )}
        </CardBody>
      </Card>
      {editable ? (
        <>
          {c.parts.map((part) => (
            <SectionCard key={part.id} title={part.title} icon={FileText}>
              <PartForm revision={c.revision} part={part} errors={errors} />
            </SectionCard>
          ))}
          <SectionCard title={t("contracts.doc.addPart")} icon={Plus}>
            <PartForm revision={c.revision} part={null} errors={errors} />
          </SectionCard>
        </>
      ) : null}
    </div>
  );
}
