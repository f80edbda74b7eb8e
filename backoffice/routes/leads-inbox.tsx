import type { LoaderFunctionArgs } from "react-router";
import { requirePermission } from "#app/modules/auth/staff-guard.server.ts";

// Placeholder: filled in by the lead-intake work.
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "leads", "browse");
  return null;
}

export default function Page() {
  return null;
}
