import { Bookmark, ChevronDown, Settings2, Users } from "lucide-react";
import { useId, type ReactNode } from "react";
import { Link, useFetcher, useLocation } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { Button } from "../button.tsx";
import { cn } from "../cn.ts";
import { filterInputClass } from "./filter-bar.tsx";
import { LIST_VIEWS_ACTION, type ListViewsState, type SavedViewItem } from "./list-views-state.ts";

// Saved views of a list: pick one (a link to its URL), save the current filters + sort + columns
// as a new view, save changes to the active one, and rename / share / delete one's own. Forms post
// to the list-views resource route; with JavaScript they go through a fetcher so a refusal shows in
// place, and success lands on the view's URL.

type Failure = { status: string; message?: MessageKey; fieldErrors?: Record<string, MessageKey[]> };

export function SavedViews({ state, action = LIST_VIEWS_ACTION }: { state: ListViewsState; action?: string }) {
  const { t } = useI18n();
  const active = state.views.find((v) => v.id === state.activeId) ?? null;
  const mine = state.views.filter((v) => v.mine);
  const team = state.views.filter((v) => !v.mine);
  return (
    <div className="flex flex-wrap items-center gap-1">
      <Menu
        icon={<Bookmark className="size-4" aria-hidden />}
        label={
          <>
            <span className="sr-only">{t("list.views.label")}: </span>
            {active?.name ?? t("list.views.default")}
            {state.modified && active ? (
              <span className="ml-1 text-xs font-normal text-amber-700">({t("list.views.modified")})</span>
            ) : null}
            <ChevronDown className="size-3.5" aria-hidden />
          </>
        }
        testId="saved-views-menu"
      >
        <ul className="space-y-0.5 text-sm">
          <ViewLink href={state.defaultHref} current={!active} name={t("list.views.default")} />
        </ul>
        {mine.length ? <ViewGroup title={t("list.views.mine")} views={mine} activeId={state.activeId} /> : null}
        {team.length ? <ViewGroup title={t("list.views.team")} views={team} activeId={state.activeId} /> : null}
      </Menu>

      {active?.mine && state.modified ? (
        <ViewForm
          action={action}
          intent="update"
          state={state}
          viewId={active.id}
          submitLabel={t("list.views.update")}
          variant="subtle"
        />
      ) : null}

      <Menu label={t("list.views.saveAs")} testId="saved-views-save-as">
        <ViewForm action={action} intent="create" state={state} submitLabel={t("common.save")} withName />
      </Menu>

      {mine.length ? (
        <Menu icon={<Settings2 className="size-4" aria-hidden />} label={t("list.views.manage")} wide>
          <ul className="divide-y divide-slate-100">
            {mine.map((view) => (
              <li key={view.id} className="space-y-2 py-2.5 first:pt-0 last:pb-0">
                <ViewForm
                  action={action}
                  intent="rename"
                  state={state}
                  viewId={view.id}
                  defaultName={view.name}
                  submitLabel={t("common.rename")}
                  withName
                />
                <div className="flex flex-wrap items-center gap-2">
                  {state.canShare ? (
                    <ViewForm
                      action={action}
                      intent="share"
                      state={state}
                      viewId={view.id}
                      shared={!view.sharedWithTeam}
                      submitLabel={view.sharedWithTeam ? t("list.views.shared") : t("list.views.share")}
                      variant={view.sharedWithTeam ? "subtle" : "ghost"}
                      pressed={view.sharedWithTeam}
                    />
                  ) : null}
                  <ViewForm
                    action={action}
                    intent="delete"
                    state={state}
                    viewId={view.id}
                    submitLabel={t("list.views.delete")}
                    variant="ghost"
                    confirm={t("list.views.deleteConfirm", { name: view.name })}
                  />
                </div>
              </li>
            ))}
          </ul>
        </Menu>
      ) : null}
    </div>
  );
}

function Menu({
  icon,
  label,
  children,
  wide = false,
  testId,
}: {
  icon?: ReactNode;
  label: ReactNode;
  children: ReactNode;
  wide?: boolean;
  testId?: string;
}) {
  return (
    <details className="relative" data-testid={testId}>
      <summary className="inline-flex h-8 cursor-pointer list-none items-center gap-1.5 rounded-md px-2.5 text-sm font-medium text-slate-600 select-none hover:bg-slate-100 hover:text-slate-900 [&::-webkit-details-marker]:hidden">
        {icon}
        {label}
      </summary>
      <div
        className={cn(
          "absolute left-0 z-20 mt-1 rounded-lg border border-slate-200 bg-white p-3 shadow-lg",
          wide ? "w-80" : "w-64",
        )}
      >
        {children}
      </div>
    </details>
  );
}

function ViewGroup({ title, views, activeId }: { title: string; views: SavedViewItem[]; activeId: number | null }) {
  const { t } = useI18n();
  return (
    <div className="mt-3">
      <p className="mb-1 text-xs font-medium text-slate-400">{title}</p>
      <ul className="space-y-0.5 text-sm">
        {views.map((v) => (
          <ViewLink
            key={v.id}
            href={v.href}
            current={v.id === activeId}
            name={v.name}
            note={v.mine ? null : t("list.views.sharedBy", { name: v.ownerName })}
            shared={v.mine && v.sharedWithTeam}
          />
        ))}
      </ul>
    </div>
  );
}

function ViewLink(props: { href: string; current: boolean; name: string; note?: string | null; shared?: boolean }) {
  const { t } = useI18n();
  return (
    <li>
      <Link
        to={props.href}
        aria-current={props.current ? "true" : undefined}
        className={cn(
          "flex items-center justify-between gap-2 rounded-md px-2 py-1.5 hover:bg-slate-50",
          props.current ? "font-medium text-blue-700" : "text-slate-700",
        )}
      >
        <span className="min-w-0 truncate">{props.name}</span>
        {props.note ? <span className="shrink-0 text-xs text-slate-400">{props.note}</span> : null}
        {props.shared ? (
          <Users className="size-3.5 shrink-0 text-slate-400" aria-label={t("list.views.shared")} />
        ) : null}
      </Link>
    </li>
  );
}

function ViewForm(props: {
  action: string;
  intent: "create" | "update" | "rename" | "share" | "delete";
  state: ListViewsState;
  viewId?: number;
  submitLabel: string;
  withName?: boolean;
  defaultName?: string;
  shared?: boolean;
  pressed?: boolean;
  confirm?: string;
  variant?: "primary" | "subtle" | "ghost";
}) {
  const { t } = useI18n();
  const fetcher = useFetcher<Failure>();
  const location = useLocation();
  const nameId = useId();
  const failure = fetcher.state === "idle" ? fetcher.data : undefined;
  const error = failure?.fieldErrors?.name?.[0] ?? failure?.message;
  const carriesList = props.intent === "create" || props.intent === "update";
  return (
    <fetcher.Form
      method="post"
      action={props.action}
      className={cn(props.withName ? "space-y-2" : "inline")}
      onSubmit={(e) => {
        if (props.confirm && !window.confirm(props.confirm)) e.preventDefault();
      }}
    >
      <input type="hidden" name="intent" value={props.intent} />
      <input type="hidden" name="listKey" value={props.state.listKey} />
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      {props.viewId ? <input type="hidden" name="viewId" value={props.viewId} /> : null}
      {carriesList ? (
        <>
          <input type="hidden" name="query" value={props.state.search} />
          <input type="hidden" name="columns" value={props.state.visible.join(",")} />
        </>
      ) : null}
      {props.intent === "share" ? <input type="hidden" name="shared" value={props.shared ? "1" : "0"} /> : null}
      {props.withName ? (
        <div>
          <label htmlFor={nameId} className="mb-1 block text-xs font-medium text-slate-500">
            {t("list.views.name")}
          </label>
          <input
            id={nameId}
            name="name"
            required
            maxLength={60}
            defaultValue={props.defaultName}
            aria-invalid={error ? true : undefined}
            className={filterInputClass}
          />
        </div>
      ) : null}
      {props.intent === "create" && props.state.canShare ? (
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" name="shared" value="1" className="size-4 rounded border-slate-300" />
          {t("list.views.share")}
        </label>
      ) : null}
      {error ? (
        <p role="alert" className="text-xs text-red-700">
          {t(error)}
        </p>
      ) : null}
      <Button
        type="submit"
        size="sm"
        variant={props.variant ?? "primary"}
        aria-pressed={props.pressed}
        disabled={fetcher.state !== "idle"}
      >
        {props.submitLabel}
      </Button>
    </fetcher.Form>
  );
}
