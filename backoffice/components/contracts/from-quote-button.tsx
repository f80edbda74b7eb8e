import { FileSignature } from "lucide-react";
import { Form } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { SubmitButton } from "#app/ui/form/index.ts";

/**
 * "由报价单生成合同" on an accepted quote: posts to /crm/contracts/new, which copies the quote's lines
 * and terms into a new draft contract (once per quote) and opens it.
 */
export function FromQuoteButton({ quoteId }: { quoteId: number }) {
  const { t } = useI18n();
  return (
    <Form method="post" action="/crm/contracts/new" className="inline">
      <input type="hidden" name="quoteId" value={quoteId} />
      <SubmitButton intent="from-quote" variant="secondary" icon={FileSignature}>
        {t("contracts.fromQuote")}
      </SubmitButton>
    </Form>
  );
}
