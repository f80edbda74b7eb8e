import { Plus } from "lucide-react";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { ButtonLink } from "#app/ui/button.tsx";

// "新建机会" on a company or contact page: the new form, prefilled with that record.

export function NewOpportunityLink({ company, contact }: { company?: number; contact?: number }) {
  const { t } = useI18n();
  const query = company ? `company=${company}` : `contact=${contact ?? ""}`;
  return (
    <ButtonLink to={`/crm/opportunities/new?${query}`} variant="secondary" size="sm" icon={Plus}>
      {t("opportunities.companyAction")}
    </ButtonLink>
  );
}
