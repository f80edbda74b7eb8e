import type { ReactNode } from "react";
import { Card, CardBody } from "#app/ui/card.tsx";
import { BackLink } from "#app/ui/records/back-link.tsx";
import { ZoneNav } from "./zone-nav.tsx";

// The frame of every zone page below /zone: the zone band with its tabs, then the page.

export function ZoneShell({
  zoneName,
  narrow = false,
  children,
}: {
  zoneName: string;
  /** A reading column (one request, a poll) instead of the full width. */
  narrow?: boolean;
  children: ReactNode;
}) {
  return (
    <>
      <ZoneNav zoneName={zoneName} />
      <div className={`mx-auto ${narrow ? "max-w-4xl" : "max-w-6xl"} space-y-6 px-4 py-8 sm:px-6 lg:px-8`}>
        {children}
      </div>
    </>
  );
}

/**
 * A zone record page (an asset, a contract, a quote): the way back to its list above the record's
 * heading, then its facts in a card, then the rest of the page.
 */
export function ZoneRecordPage({
  zoneName,
  back,
  heading,
  facts,
  children,
}: {
  zoneName: string;
  back: { to: string; label: string };
  heading: ReactNode;
  /** The record's fact list (FactList), shown in the first card. */
  facts: ReactNode;
  children: ReactNode;
}) {
  return (
    <ZoneShell zoneName={zoneName}>
      <div>
        <BackLink to={back.to}>{back.label}</BackLink>
        {heading}
      </div>
      <Card>
        <CardBody>{facts}</CardBody>
      </Card>
      {children}
    </ZoneShell>
  );
}
