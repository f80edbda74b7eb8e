import { useLoaderData, useRouteLoaderData, type LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { hotKnowledgeSearches } from "#app/modules/knowledge/knowledge-search-quality.server.ts";
import { portalKnowledgeReader } from "#app/modules/knowledge/knowledge-reader.server.ts";
import { titleMeta } from "#app/ui/meta.ts";
import { FeatureGrid } from "#portal/components/home/feature-grid.tsx";
import { HomeHero } from "#portal/components/home/home-hero.tsx";
import { HowItWorks } from "#portal/components/home/how-it-works.tsx";
import { KnowledgeBand } from "#portal/components/home/knowledge-band.tsx";
import { VisitorBands } from "#portal/components/home/visitor-bands.tsx";

export const meta = titleMeta("portal.home.title");

/** 热门搜索 in the knowledge band: real queries that find something for this reader (decision 039). */
export async function loader({ request }: LoaderFunctionArgs) {
  return { hotSearches: await hotKnowledgeSearches(db, await portalKnowledgeReader(db, request)) };
}

export default function PortalHome() {
  const signedIn = Boolean(useRouteLoaderData<{ member: unknown }>("portal")?.member);
  const { hotSearches } = useLoaderData<typeof loader>();
  return (
    <>
      <HomeHero />
      <FeatureGrid />
      <HowItWorks />
      <KnowledgeBand hotSearches={hotSearches} />
      {signedIn ? null : <VisitorBands />}
    </>
  );
}
