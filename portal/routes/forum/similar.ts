import type { LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { similarQuestions } from "#app/modules/forum/forum-search.server.ts";
import { portalForumViewer } from "#app/modules/forum/forum-viewer.server.ts";

// "Similar questions" while a member types a title: the search index (decision 043), visible threads only.

export async function loader({ request }: LoaderFunctionArgs) {
  const q = (new URL(request.url).searchParams.get("q") ?? "").trim().slice(0, 200);
  const viewer = await portalForumViewer(request);
  return { threads: q.length >= 2 ? await similarQuestions(db, viewer, q) : [] };
}
