import { ReceiptText } from "lucide-react";
import { Form } from "react-router";
import type { SalesOrderSource } from "#app/generated/prisma/enums.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { ORDERS_PATH } from "#app/modules/orders/order-paths.ts";
import { SubmitButton } from "#app/ui/form/index.ts";

/**
 * "生成销售订单" on an opportunity, an accepted quote or a contract in execution: posts to the order
 * list's action, which makes the order (or finds the one already made) and opens it.
 */
export function CreateOrderButton({
  source,
  sourceId,
  variant = "secondary",
}: {
  source: SalesOrderSource;
  sourceId: number;
  variant?: "primary" | "secondary";
}) {
  const { t } = useI18n();
  return (
    <Form method="post" action={ORDERS_PATH} className="inline">
      <input type="hidden" name="source" value={source} />
      <input type="hidden" name="sourceId" value={sourceId} />
      <SubmitButton intent="create" variant={variant} title={t("orders.create.help")}>
        <ReceiptText aria-hidden className="size-4" />
        {t("orders.create")}
      </SubmitButton>
    </Form>
  );
}
