import { GraduationCap } from "lucide-react";
import { titleMeta } from "#app/ui/meta.ts";
import { ComingSoonPage } from "#portal/components/coming-soon-page.tsx";

export const meta = titleMeta("portal.forum.title");

export default function ForumPage() {
  return <ComingSoonPage icon={GraduationCap} area="forum" secondaryTo="/knowledge" />;
}
