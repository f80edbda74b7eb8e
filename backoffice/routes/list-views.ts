// POST /crm/list-views — the saved-views menu and the column chooser of every list page post here
// (app/ui/list). Intents: create / update / rename / share / delete a view, columns / columns-reset.
// Services scope every change to the actor's own views; success goes back to the list.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { z } from "zod";
import { db } from "#app/lib/db.server.ts";
import { redirectWithFlash } from "#app/lib/flash.server.ts";
import { safeRedirectPath } from "#app/lib/safe-redirect.ts";
import { fail, invalid, type ServiceResult } from "#app/lib/service-result.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { saveColumnChoice } from "#app/modules/views/list-columns.server.ts";
import {
  createSavedView,
  deleteSavedView,
  renameSavedView,
  shareSavedView,
  updateSavedViewQuery,
  type SavedView,
} from "#app/modules/views/saved-views.server.ts";

const ViewId = z.coerce.number().int().positive().max(2_147_483_647);

/** Only back into the back office, and never to another host. */
function backTo(raw: FormDataEntryValue | null): string {
  return safeRedirectPath(raw, "/crm", { under: "/crm" });
}

/** The list URL that opens a view: its filters and sort, its columns, and `view=<id>`. */
function viewHref(back: string, view: SavedView): string {
  const path = back.split("?")[0]!;
  const params = new URLSearchParams(view.query);
  params.set("view", String(view.id));
  if (view.columns) params.set("cols", view.columns.join(","));
  return `${path}?${params.toString()}`;
}

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

function answer(result: ServiceResult<SavedView>, to: (view: SavedView) => string) {
  if (result.status !== "ok") return fail(result);
  return redirectWithFlash(to(result.value), "flash.saved");
}

async function createView(actor: StaffActor, form: FormData, back: string) {
  const result = await createSavedView(db, actor, {
    listKey: text(form, "listKey"),
    name: text(form, "name"),
    query: text(form, "query"),
    columns: text(form, "columns"),
    sharedWithTeam: form.get("shared") === "1",
  });
  return answer(result, (view) => viewHref(back, view));
}

async function changeView(actor: StaffActor, intent: string, form: FormData, back: string) {
  const id = ViewId.safeParse(form.get("viewId"));
  if (!id.success) return fail(invalid({ viewId: ["list.views.error.notFound"] }));
  switch (intent) {
    case "update":
      return answer(
        await updateSavedViewQuery(db, actor, id.data, { query: text(form, "query"), columns: text(form, "columns") }),
        (view) => viewHref(back, view),
      );
    case "rename":
      return answer(await renameSavedView(db, actor, id.data, text(form, "name")), () => back);
    case "share":
      return answer(await shareSavedView(db, actor, id.data, form.get("shared") === "1"), () => back);
    default: {
      const result = await deleteSavedView(db, actor, id.data);
      if (result.status !== "ok") return fail(result);
      return redirectWithFlash(back.split("?")[0]!, "flash.deleted");
    }
  }
}

async function chooseColumns(actor: StaffActor, intent: string, form: FormData, back: string) {
  const columns = intent === "columns-reset" ? null : form.getAll("column").filter((c) => typeof c === "string");
  const saved = await saveColumnChoice(db, actor, text(form, "listKey"), columns);
  if (!saved) return fail(invalid({ listKey: ["list.views.error.list"] }));
  // Show the remembered choice, not the columns the URL asked for before.
  const url = new URL(back, "http://relay.invalid");
  url.searchParams.delete("cols");
  return redirect(url.pathname + url.search);
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireStaffActor(request, "signedIn");
  const form = await request.formData().catch(() => new FormData());
  const intent = text(form, "intent");
  const back = backTo(form.get("redirectTo"));
  switch (intent) {
    case "create":
      return createView(actor, form, back);
    case "update":
    case "rename":
    case "share":
    case "delete":
      return changeView(actor, intent, form, back);
    case "columns":
    case "columns-reset":
      return chooseColumns(actor, intent, form, back);
    default:
      return fail(invalid({ intent: ["validation.invalid"] }));
  }
}

// Nothing to show: a GET (a stray link) goes back to the dashboard.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaffActor(request, "signedIn");
  return redirect("/crm");
}
