import type { ReactNode } from "react";
import { Card, CardBody } from "../card.tsx";
import { FactList, type Fact } from "./fact-list.tsx";

// The body of a record page (a product, a price scheme, a contract, a quote): the main column (two
// thirds from `lg`) beside the side column, and the card of the record's main facts that usually
// opens the main column.

export function RecordColumns({ main, side }: { main: ReactNode; side: ReactNode }) {
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <div className="min-w-0 space-y-6 lg:col-span-2">{main}</div>
      <div className="space-y-6">{side}</div>
    </div>
  );
}

/** A record's main facts in a grid card; `children` (a description, a note) follow the facts. */
export function FactsCard({ facts, children }: { facts: readonly Fact[]; children?: ReactNode }) {
  return (
    <Card>
      <CardBody>
        <FactList layout="grid" facts={facts} />
        {children}
      </CardBody>
    </Card>
  );
}
