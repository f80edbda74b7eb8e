import { Ban, BadgePercent, Pencil, Send } from "lucide-react";
import { Form, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { formatMoney } from "#app/lib/format/money.ts";
import { requireIdParam, runIntent } from "#app/lib/forms.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { decideFromForm, withdrawFromForm } from "#app/modules/approvals/approval-actions.server.ts";
import { discardSchemeForm, submitSchemeForm } from "#app/modules/catalog/price-scheme-actions.server.ts";
import { priceSchemePage } from "#app/modules/catalog/price-schemes.server.ts";
import { zheOf } from "#app/modules/catalog/pricing.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { respond } from "#app/lib/service-result.ts";
import { ButtonLink } from "#app/ui/button.tsx";
import { Card, CardBody, CardHeader } from "#app/ui/card.tsx";
import { FailureNotice, fieldErrors, SubmitButton } from "#app/ui/form/index.ts";
import { recordMeta } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { ApprovalPanel } from "#app/ui/records/approval-panel.tsx";
import { BackLink } from "#app/ui/records/back-link.tsx";
import { FactList } from "#app/ui/records/fact-list.tsx";
import {
  SchemeApplies,
  SchemeAudience,
  SchemePeriod,
  SCHEMES_PATH,
  SchemeStatus,
} from "#backoffice/components/catalog/scheme-screen.tsx";
import { loadRecordPage } from "#backoffice/components/record-page.server.ts";
import { ShellErrorBoundary } from "#backoffice/components/shell-error-boundary.tsx";

// One price scheme (/crm/price-schemes/:schemeId): what it applies to and for whom, its tiers with
// the prices they give, and its approval — submit, approve/reject (approvers), withdraw, discard.

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadRecordPage(request, { module: "catalog", action: "browse" }, params.schemeId, priceSchemePage);
}

interface Args {
  actor: StaffActor;
  id: number;
  form: FormData;
}
const here = (id: number) => `${SCHEMES_PATH}/${id}`;

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireStaffActor(request, { module: "catalog", action: "browse" });
  const id = requireIdParam(params.schemeId);
  const form = await request.formData();
  const decideVote = async ({ actor: a, form: f }: Args) =>
    respond(await decideFromForm(db, a, f), { successTo: here(id), flash: "flash.saved" });
  return runIntent(
    form,
    {
      submit: ({ actor: a }: Args) => submitSchemeForm(db, a, id),
      discard: ({ actor: a }: Args) => discardSchemeForm(db, a, id),
      "approval-approve": decideVote,
      "approval-reject": decideVote,
      "approval-withdraw": async ({ actor: a, form: f }: Args) =>
        respond(await withdrawFromForm(db, a, f), { successTo: here(id), flash: "flash.saved" }),
    },
    { actor, id, form },
  );
}

export const meta = recordMeta<typeof loader>("catalog.schemes.title", (d) => [
  "catalog.scheme.metaTitle",
  { name: d.scheme.name },
]);

export default function PriceSchemeDetail() {
  const d = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t, locale } = useI18n();
  const s = d.scheme;
  const money = (fen: number) => formatMoney((fen / 100).toFixed(2), locale);
  const tierLabel = (tier: (typeof s.tiers)[number]) => {
    if (tier.unitPrice !== null) return formatMoney(tier.unitPrice.toString(), locale);
    const zhe = zheOf(tier.discountBp ?? 0);
    return zhe
      ? t("catalog.scheme.tierDiscount", { zhe })
      : t("catalog.scheme.tierPercent", { percent: (tier.discountBp ?? 0) / 100 });
  };
  return (
    <div className="space-y-6">
      <BackLink to={SCHEMES_PATH}>{t("catalog.schemes.title")}</BackLink>
      <PageHeader
        title={s.name}
        icon={<BadgePercent className="size-6" aria-hidden />}
        actions={
          <div className="flex flex-wrap items-center gap-2">
            <SchemeStatus status={s.status} />
            {d.canEdit ? (
              <ButtonLink to={`${here(s.id)}/edit`} variant="secondary" icon={Pencil}>
                {t("catalog.scheme.edit")}
              </ButtonLink>
            ) : null}
            <Form method="post" className="flex gap-2">
              {d.canSubmit ? (
                <SubmitButton intent="submit" icon={Send}>
                  {t("catalog.scheme.submit")}
                </SubmitButton>
              ) : null}
              {d.canDiscard ? (
                <SubmitButton intent="discard" variant="ghost" icon={Ban}>
                  {t("catalog.scheme.discard")}
                </SubmitButton>
              ) : null}
            </Form>
          </div>
        }
      />
      <FailureNotice result={answer} />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card>
            <CardBody>
              <FactList
                layout="grid"
                facts={[
                  { label: t("catalog.scheme.applies"), value: <SchemeApplies row={s} /> },
                  { label: t("catalog.scheme.audience"), value: <SchemeAudience row={s} /> },
                  { label: t("catalog.scheme.period"), value: <SchemePeriod row={s} /> },
                  { label: t("catalog.scheme.currency"), value: s.currency },
                  {
                    label: t("catalog.scheme.grants"),
                    value: s.shared ? t("catalog.scheme.shared") : s.grants.map((g) => g.staff.name).join("、"),
                  },
                  { label: t("catalog.scheme.createdBy"), value: s.createdBy?.name },
                ]}
              />
            </CardBody>
          </Card>
          <Card>
            <CardHeader title={t("catalog.scheme.tiers")} />
            <CardBody>
              <ul className="space-y-1 text-sm">
                {s.tiers.map((tier) => (
                  <li key={tier.id} className="flex justify-between gap-4 tabular-nums">
                    <span>{t("catalog.scheme.tierFrom", { quantity: tier.minQuantity })}</span>
                    <span className="font-medium">{tierLabel(tier)}</span>
                  </li>
                ))}
              </ul>
            </CardBody>
          </Card>
          {d.examples.length > 0 ? (
            <Card>
              <CardHeader title={t("catalog.scheme.example")} />
              <CardBody>
                <table className="w-full text-sm tabular-nums">
                  <thead className="text-left text-xs text-slate-500">
                    <tr>
                      <th className="py-1 font-normal">{t("catalog.scheme.exampleQuantity")}</th>
                      <th className="py-1 text-right font-normal">{t("catalog.scheme.exampleUnitPrice")}</th>
                      <th className="py-1 text-right font-normal">{t("catalog.scheme.exampleTotal")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {d.examples.map((e) => (
                      <tr key={e.quantity} className="border-t border-slate-100">
                        <td className="py-1">{e.quantity}</td>
                        <td className="py-1 text-right">{money(e.unitPriceFen)}</td>
                        <td className="py-1 text-right">{money(e.amountFen)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </CardBody>
            </Card>
          ) : null}
        </div>
        <div className="space-y-6">
          {d.approval || d.approvalFlow ? (
            <ApprovalPanel approval={d.approval} hasFlow={d.approvalFlow} commentErrors={fieldErrors(answer).comment} />
          ) : null}
        </div>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary back={SCHEMES_PATH} backLabel="catalog.schemes.title" />;
}
