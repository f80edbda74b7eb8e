import { Plus } from "lucide-react";
import type { ReactNode } from "react";
import { Form } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import type { FieldErrors } from "#app/lib/service-result.ts";
import { fieldErrors, SubmitButton, submittedValues } from "#app/ui/form/index.ts";
import { SectionCard } from "#app/ui/section-card.tsx";
import { AssetFormFields, type AssetFormValues } from "#backoffice/components/asset-form.tsx";
import { ContractFormFields, type ContractFormValues } from "#backoffice/components/contract-form.tsx";

// The "record a new asset" and "draft a new contract" cards under the two lists.

type Option = { id: number; name: string };

/** The asset and contract fields show one message per field. */
function firstErrors(errors: FieldErrors): Record<string, MessageKey> {
  return Object.fromEntries(Object.entries(errors).flatMap(([field, keys]) => (keys?.[0] ? [[field, keys[0]]] : [])));
}

const idOf = (value: string | undefined) => Number(value) || null;

/** The card around a "new record" form, posted to the list's own action. */
function NewRecordCard({
  id,
  title,
  description,
  submitLabel,
  children,
}: {
  id: string;
  title: string;
  description: string;
  submitLabel: string;
  children: ReactNode;
}) {
  return (
    <SectionCard id={id} icon={Plus} title={title} description={description} flush>
      <Form method="post" className="space-y-4 px-5 py-4">
        {children}
        <SubmitButton>{submitLabel}</SubmitButton>
      </Form>
    </SectionCard>
  );
}

/** `answer`: the list action's data; a refused form comes back with what was typed and its errors. */
type ActionAnswer = { status: string } | null | undefined;

export function NewAssetCard({
  answer,
  companyId,
  parentId,
  companies,
  parents,
}: {
  answer: ActionAnswer;
  companyId: number | null;
  parentId: number | null;
  companies: readonly Option[];
  parents: ReadonlyArray<{ id: number; number: string; name: string }>;
}) {
  const { t } = useI18n();
  const sent = submittedValues(answer);
  const values: AssetFormValues = sent
    ? ({
        ...sent,
        companyId: idOf(sent.companyId),
        parentId: idOf(sent.parentId),
        quantity: Number(sent.quantity) || 1,
      } as AssetFormValues)
    : { companyId, parentId };
  return (
    <NewRecordCard
      id="new-asset"
      title={t("zones.bo.assets.create")}
      description={companyId ? t("zones.bo.assets.createHintCompany") : t("zones.bo.assets.createHint")}
      submitLabel={t("zones.bo.assets.createSubmit")}
    >
      <AssetFormFields
        values={values}
        errors={firstErrors(fieldErrors(answer))}
        companies={companies}
        parents={parents}
      />
    </NewRecordCard>
  );
}

export function NewContractCard({
  answer,
  companyId,
  companies,
  owners,
}: {
  answer: ActionAnswer;
  companyId: number | null;
  companies: readonly Option[];
  owners: readonly Option[];
}) {
  const { t } = useI18n();
  const sent = submittedValues(answer);
  const values: ContractFormValues = sent
    ? ({ ...sent, companyId: idOf(sent.companyId), ownerId: idOf(sent.ownerId) } as ContractFormValues)
    : { companyId };
  return (
    <NewRecordCard
      id="new-contract"
      title={t("zones.bo.contracts.create")}
      description={t("zones.bo.contracts.createHint")}
      submitLabel={t("zones.bo.contracts.createSubmit")}
    >
      <ContractFormFields
        values={values}
        errors={firstErrors(fieldErrors(answer))}
        companies={companies}
        owners={owners}
      />
    </NewRecordCard>
  );
}
