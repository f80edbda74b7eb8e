import { useRouteLoaderData } from "react-router";
import { titleMeta } from "#app/ui/meta.ts";
import { FeatureGrid } from "#portal/components/home/feature-grid.tsx";
import { HomeHero } from "#portal/components/home/home-hero.tsx";
import { HowItWorks } from "#portal/components/home/how-it-works.tsx";
import { KnowledgeBand } from "#portal/components/home/knowledge-band.tsx";
import { VisitorBands } from "#portal/components/home/visitor-bands.tsx";

export const meta = titleMeta("portal.home.title");

export default function PortalHome() {
  const signedIn = Boolean(useRouteLoaderData<{ member: unknown }>("portal")?.member);
  return (
    <>
      <HomeHero />
      <FeatureGrid />
      <HowItWorks />
      <KnowledgeBand />
      {signedIn ? null : <VisitorBands />}
    </>
  );
}
