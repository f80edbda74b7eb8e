import type { LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { similarThreads } from "#app/modules/forum/forum-threads.server.ts";
import { portalForumViewer } from "#app/modules/forum/forum-viewer.server.ts";

// "Similar questions" while a member types a title: visible threads only, titles only.

export async function loader({ request }: LoaderFunctionArgs) {
  const q = (new URL(request.url).searchParams.get("q") ?? "").trim().slice(0, 200);
  const viewer = await portalForumViewer(request);
  return { threads: q.length >= 2 ? await similarThreads(db, viewer, q) : [] };
}
