import { FileText } from "lucide-react";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { ButtonLink } from "#app/ui/button.tsx";

// "新建报价单" on a company, contact or opportunity page: the new-quote form prefilled with that record
// (an opportunity also offers to copy its products), so a salesperson quotes during the call.

export function NewQuoteLink({
  company,
  contact,
  opportunity,
}: {
  company?: number;
  contact?: number;
  opportunity?: number;
}) {
  const { t } = useI18n();
  const query = opportunity
    ? `opportunity=${opportunity}`
    : company
      ? `company=${company}`
      : `contact=${contact ?? ""}`;
  return (
    <ButtonLink to={`/crm/quotes/new?${query}`} variant="secondary" size="sm" icon={FileText}>
      {opportunity ? t("quotes.fromOpportunity") : t("quotes.new")}
    </ButtonLink>
  );
}
