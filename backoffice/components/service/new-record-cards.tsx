import { Plus } from "lucide-react";
import { Form } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import type { FieldErrors } from "#app/lib/service-result.ts";
import { Card, CardHeader } from "#app/ui/card.tsx";
import { SubmitButton } from "#app/ui/form/index.ts";
import { AssetFormFields, type AssetFormValues } from "#backoffice/components/asset-form.tsx";
import { ContractFormFields, type ContractFormValues } from "#backoffice/components/contract-form.tsx";

// The "record a new asset" and "draft a new contract" cards under the two lists. A refused form comes
// back with what was typed (`sent`) and its field errors.

type Option = { id: number; name: string };

/** The asset and contract fields show one message per field. */
function firstErrors(errors: FieldErrors): Record<string, MessageKey> {
  return Object.fromEntries(Object.entries(errors).flatMap(([field, keys]) => (keys?.[0] ? [[field, keys[0]]] : [])));
}

const idOf = (value: string | undefined) => Number(value) || null;

export function NewAssetCard({
  companyId,
  parentId,
  sent,
  errors,
  companies,
  parents,
}: {
  companyId: number | null;
  parentId: number | null;
  sent: Record<string, string> | null;
  errors: FieldErrors;
  companies: readonly Option[];
  parents: ReadonlyArray<{ id: number; number: string; name: string }>;
}) {
  const { t } = useI18n();
  const values: AssetFormValues = sent
    ? ({
        ...sent,
        companyId: idOf(sent.companyId),
        parentId: idOf(sent.parentId),
        quantity: Number(sent.quantity) || 1,
      } as AssetFormValues)
    : { companyId, parentId };
  return (
    <Card id="new-asset">
      <CardHeader
        icon={<Plus aria-hidden className="size-4" />}
        title={t("zones.bo.assets.create")}
        description={companyId ? t("zones.bo.assets.createHintCompany") : t("zones.bo.assets.createHint")}
      />
      <Form method="post" className="space-y-4 px-5 py-4">
        <AssetFormFields values={values} errors={firstErrors(errors)} companies={companies} parents={parents} />
        <SubmitButton>{t("zones.bo.assets.createSubmit")}</SubmitButton>
      </Form>
    </Card>
  );
}

export function NewContractCard({
  companyId,
  sent,
  errors,
  companies,
  owners,
}: {
  companyId: number | null;
  sent: Record<string, string> | null;
  errors: FieldErrors;
  companies: readonly Option[];
  owners: readonly Option[];
}) {
  const { t } = useI18n();
  const values: ContractFormValues = sent
    ? ({ ...sent, companyId: idOf(sent.companyId), ownerId: idOf(sent.ownerId) } as ContractFormValues)
    : { companyId };
  return (
    <Card id="new-contract">
      <CardHeader
        icon={<Plus aria-hidden className="size-4" />}
        title={t("zones.bo.contracts.create")}
        description={t("zones.bo.contracts.createHint")}
      />
      <Form method="post" className="space-y-4 px-5 py-4">
        <ContractFormFields values={values} errors={firstErrors(errors)} companies={companies} owners={owners} />
        <SubmitButton>{t("zones.bo.contracts.createSubmit")}</SubmitButton>
      </Form>
    </Card>
  );
}
