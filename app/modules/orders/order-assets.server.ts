import type { Tx } from "#app/lib/db.server.ts";
import { nextRecordNumber } from "#app/modules/settings/record-number.server.ts";
import { MAX_UNIT_ASSETS } from "./order-status.ts";

// Sold products become customer assets (seed 000 §3.1, decision 046). A line of up to
// MAX_UNIT_ASSETS units (machines, instruments) gives one asset per delivered unit, each with its own
// serial number; a bigger line (consumables by 支/箱) gives one asset per delivery carrying the
// quantity. `deliveredUnit` is the first unit an asset stands for, unique with its line, so the same
// units can never become assets twice.

export interface DeliveredAsset {
  id: number;
  number: string;
  lineId: number;
  serialNumber: string | null;
}

/** The last day of a warranty of `months` starting on `start` (a DATE at UTC midnight). */
export function warrantyEndFor(start: Date, months: number): Date {
  const end = new Date(start);
  const day = end.getUTCDate();
  end.setUTCDate(1);
  end.setUTCMonth(end.getUTCMonth() + months);
  // the same day-of-month (or the month's last day), minus one: 2026-01-31 + 1 month → 2026-02-27
  const lastDay = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() + 1, 0)).getUTCDate();
  end.setUTCDate(Math.min(day, lastDay));
  end.setUTCDate(end.getUTCDate() - 1);
  return end;
}

/** A serial number the order gives a unit nobody typed one for: order, line and unit (editable later). */
export function provisionalSerial(orderNumber: string, position: number, unit: number): string {
  return `${orderNumber}-${position}-${String(unit).padStart(3, "0")}`;
}

export async function createDeliveryAssets(
  tx: Tx,
  delivery: {
    order: { number: string; companyId: number; contactId: number | null };
    line: {
      id: number;
      position: number;
      productId: number | null;
      sku: string;
      name: string;
      quantity: number;
      deliveredQuantity: number;
      warrantyMonths: number | null;
    };
    quantity: number;
    serials: string[];
    deliveredOn: Date;
  },
): Promise<DeliveredAsset[]> {
  const { order, line, quantity, serials, deliveredOn } = delivery;
  const months = line.warrantyMonths ?? 0;
  const warranty = months > 0 ? { warrantyStart: deliveredOn, warrantyEnd: warrantyEndFor(deliveredOn, months) } : {};
  const base = {
    companyId: order.companyId,
    contactId: order.contactId,
    productId: line.productId,
    name: line.name,
    model: line.sku,
    status: "installed" as const,
    installedOn: deliveredOn,
    referenceNo: order.number,
    salesOrderLineId: line.id,
    ...warranty,
  };
  const first = line.deliveredQuantity + 1;
  const units =
    line.quantity <= MAX_UNIT_ASSETS
      ? Array.from({ length: quantity }, (_, i) => ({
          unit: first + i,
          count: 1,
          serial: serials[i] ?? provisionalSerial(order.number, line.position, first + i),
        }))
      : [{ unit: first, count: quantity, serial: serials.length === 1 ? serials[0]! : null }];
  const made: DeliveredAsset[] = [];
  for (const u of units) {
    const number = await nextRecordNumber(tx, "asset");
    const asset = await tx.asset.create({
      data: {
        ...base,
        number,
        quantity: u.count,
        serialNumber: u.serial,
        deliveredUnit: u.unit,
      },
      select: { id: true, number: true, serialNumber: true },
    });
    made.push({ id: asset.id, number: asset.number, lineId: line.id, serialNumber: asset.serialNumber });
  }
  return made;
}
