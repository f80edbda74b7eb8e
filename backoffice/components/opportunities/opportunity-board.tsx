import {
  DndContext,
  PointerSensor,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
  type DragEndEvent,
} from "@dnd-kit/core";
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { Link, useFetcher, useNavigate } from "react-router";
import { formatCalendarDate } from "#app/lib/format/dates.ts";
import { formatMoney } from "#app/lib/format/money.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { Locale } from "#app/lib/i18n/locales.ts";
import { isFailure } from "#app/lib/service-result.ts";
import { cn } from "#app/ui/cn.ts";
import { stageName, stageTone, type StageLike } from "./stage-ui.tsx";

// The kanban: a column per stage, cards the actor may move by dragging (@dnd-kit/core pointer
// sensor, decision 038), by arrow keys on a focused card (← → to the adjacent stage, Enter opens it)
// or by the card's own move form (works without JavaScript too). Every way posts the same "move"
// intent with the card's version; a refusal (conflict, lost without reason) is announced and the
// card goes back.
//
// Render cost (decision 052 update, 2026-12-07): the board prints up to 15 cards a column, so what a
// card renders is paid ~100 times per page. Per card only its own data and hooks; the strings every
// card shares (stage options, labels, the keyboard hint) and the formatters are made once per board.

export interface BoardCard {
  id: number;
  number: string;
  name: string;
  amount: string;
  probability: number;
  expectedCloseDate: Date | null;
  version: string;
  owner: { id: number; name: string };
  company: { id: number; name: string } | null;
}

export interface BoardColumnData {
  stage: StageLike & { probability: number };
  /** null when a filter matched more than the count cap (decision 052): no totals then. */
  count: number | null;
  totals: { amount: string; weighted: string } | null;
  cards: BoardCard[];
}

const TONE_BAR: Record<string, string> = {
  slate: "bg-slate-300",
  blue: "bg-blue-500",
  violet: "bg-violet-500",
  amber: "bg-amber-500",
  green: "bg-emerald-500",
  red: "bg-red-500",
};

/** The keyboard hint every card points to (one element, not one per card). */
const HINT_ID = "board-keyboard-hint";

/** What every card shares, built once per board render. */
interface CardLabels {
  money: (amount: string) => string;
  day: (date: Date | string) => string;
  moveMenu: (name: string) => string;
  moveTo: string;
  stageOptions: ReactNode;
  open: (href: string) => void;
}

/** Formats a value once per board render: many cards share a close date (and often an amount). */
function memoized<V extends string | Date>(format: (value: V) => string): (value: V) => string {
  const seen = new Map<string, string>();
  return (value) => {
    const key = value instanceof Date ? value.toISOString() : String(value);
    let text = seen.get(key);
    if (text === undefined) seen.set(key, (text = format(value)));
    return text;
  };
}

function useCardLabels(columns: BoardColumnData[], locale: Locale): CardLabels {
  const { t } = useI18n();
  const navigate = useNavigate();
  return useMemo(
    () => ({
      money: memoized((amount: string) => formatMoney(amount, locale)),
      day: memoized((date: Date | string) => formatCalendarDate(date, locale)),
      moveMenu: (name: string) => t("opportunities.board.moveMenu", { name }),
      moveTo: t("opportunities.board.moveTo"),
      stageOptions: columns.map(({ stage }) => (
        <option key={stage.id} value={stage.id}>
          {stageName(stage, locale)}
        </option>
      )),
      open: (href: string) => void navigate(href),
    }),
    [columns, locale, t, navigate],
  );
}

export function OpportunityBoard({
  columns,
  moreHref,
}: {
  columns: BoardColumnData[];
  moreHref: (stageId: number) => string;
}) {
  const { t, locale } = useI18n();
  const fetcher = useFetcher<{ status: string }>();
  const [pending, setPending] = useState<Record<number, number>>({});
  const [announce, setAnnounce] = useState("");
  const [focusId, setFocusId] = useState<number | null>(null);
  const lastMove = useRef<{ card: BoardCard; stage: StageLike } | null>(null);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }));

  // The loader data after the move replaces the optimistic placement; a refusal undoes it.
  const result = fetcher.data;
  useEffect(() => {
    if (fetcher.state !== "idle" || !lastMove.current) return;
    const { card, stage } = lastMove.current;
    lastMove.current = null;
    if (isFailure(result)) {
      const key =
        result.status === "invalid" ? (Object.values(result.fieldErrors)[0]?.[0] ?? "form.fixErrors") : result.message;
      setAnnounce(t("opportunities.board.moveFailed", { name: card.name, reason: t(key) }));
    } else {
      setAnnounce(t("opportunities.board.moved", { name: card.name, stage: stageName(stage, locale) }));
    }
    setPending({});
  }, [fetcher.state, result, t, locale]);

  const placed = columns.map((column) => ({
    ...column,
    cards: [
      ...columns
        .flatMap((c) => c.cards)
        .filter((card) => pending[card.id] === column.stage.id && !column.cards.includes(card)),
      ...column.cards.filter((card) => pending[card.id] === undefined || pending[card.id] === column.stage.id),
    ],
  }));

  const labels = useCardLabels(columns, locale);

  function move(card: BoardCard, stage: StageLike) {
    // One move at a time: the next one needs the version the first one produces.
    if (fetcher.state !== "idle") return;
    let reason = "";
    if (stage.kind === "lost") {
      reason = window.prompt(t("opportunities.board.lostPrompt"))?.trim() ?? "";
      if (!reason) return;
    }
    lastMove.current = { card, stage };
    setPending((p) => ({ ...p, [card.id]: stage.id }));
    setFocusId(card.id);
    void fetcher.submit(
      { intent: "move", opportunityId: String(card.id), stageId: String(stage.id), version: card.version, reason },
      { method: "post" },
    );
  }

  /** The card's move form names the target stage by id. */
  function moveTo(card: BoardCard, stageId: string) {
    const from = placed.find((c) => c.cards.some((x) => x.id === card.id))?.stage;
    const to = placed.find((c) => String(c.stage.id) === stageId)?.stage;
    if (to && from && to.id !== from.id) move(card, to);
  }

  function onDragEnd(event: DragEndEvent) {
    const card = event.active.data.current?.card as BoardCard | undefined;
    const stage = event.over?.data.current?.stage as StageLike | undefined;
    const from = placed.find((c) => c.cards.some((x) => x.id === card?.id))?.stage;
    if (card && stage && from && stage.id !== from.id) move(card, stage);
  }

  function onCardKey(event: KeyboardEvent, card: BoardCard, index: number) {
    if (event.key === "ArrowRight" || event.key === "ArrowLeft") {
      const target = placed[index + (event.key === "ArrowRight" ? 1 : -1)];
      if (target) {
        event.preventDefault();
        move(card, target.stage);
      }
    }
  }

  return (
    <DndContext
      sensors={sensors}
      onDragEnd={onDragEnd}
      accessibility={{ screenReaderInstructions: { draggable: t("opportunities.board.keyboardHint") } }}
    >
      <p role="status" aria-live="polite" className="sr-only" data-testid="board-status">
        {announce}
      </p>
      <span id={HINT_ID} className="sr-only">
        {t("opportunities.board.keyboardHint")}
      </span>
      <div className="-mx-4 overflow-x-auto px-4 pb-2 sm:mx-0 sm:px-0">
        <div className="flex min-w-max gap-4" data-testid="opportunity-board">
          {placed.map((column, index) => (
            <BoardColumn
              key={column.stage.id}
              column={column}
              labels={labels}
              moreHref={moreHref(column.stage.id)}
              focusId={focusId}
              onKey={(e, card) => onCardKey(e, card, index)}
              onMove={moveTo}
            />
          ))}
        </div>
      </div>
    </DndContext>
  );
}

function BoardColumn({
  column,
  labels,
  moreHref,
  focusId,
  onKey,
  onMove,
}: {
  column: BoardColumnData;
  labels: CardLabels;
  moreHref: string;
  focusId: number | null;
  onKey: (event: KeyboardEvent, card: BoardCard) => void;
  onMove: (card: BoardCard, stageId: string) => void;
}) {
  const { t, locale } = useI18n();
  const { stage } = column;
  const { setNodeRef, isOver } = useDroppable({ id: `stage-${stage.id}`, data: { stage } });
  const name = stageName(stage, locale);
  const headingId = `board-stage-${stage.id}`;
  return (
    <section
      ref={setNodeRef}
      aria-labelledby={headingId}
      data-stage={stage.id}
      className={cn(
        "flex w-72 shrink-0 flex-col rounded-xl border bg-slate-50 transition-colors",
        isOver ? "border-blue-400 bg-blue-50" : "border-slate-200",
      )}
    >
      <header className="border-b border-slate-200 px-3 py-2.5">
        <div className="flex items-center gap-2">
          <span aria-hidden className={cn("size-2.5 rounded-full", TONE_BAR[stageTone(stage)])} />
          <h2 id={headingId} className="text-sm font-semibold text-slate-900">
            {name}
          </h2>
          <span className="ml-auto text-xs text-slate-500 tabular-nums">{stage.probability}%</span>
        </div>
        <p className="mt-1 text-xs text-slate-600 tabular-nums" data-testid="column-sum">
          {column.count === null || !column.totals
            ? t("opportunityTotals.columnCapped")
            : t("opportunities.board.columnTotal", {
                count: column.count,
                amount: labels.money(column.totals.amount),
              })}
        </p>
        {stage.kind === "open" && column.totals ? (
          <p className="text-xs text-slate-400 tabular-nums">
            {t("opportunities.board.weighted", { amount: labels.money(column.totals.weighted) })}
          </p>
        ) : null}
      </header>
      <ul className="flex min-h-24 flex-1 flex-col gap-2 p-2" aria-label={name}>
        {column.cards.map((card) => (
          <li key={card.id}>
            <Card
              card={card}
              stage={stage}
              labels={labels}
              autoFocus={focusId === card.id}
              onKey={onKey}
              onMove={onMove}
            />
          </li>
        ))}
        {column.cards.length === 0 ? (
          <li className="px-2 py-6 text-center text-xs text-slate-400">{t("opportunities.board.empty")}</li>
        ) : null}
      </ul>
      {column.count === null ? (
        <Link to={moreHref} className="border-t border-slate-200 px-3 py-2 text-xs text-blue-700 hover:underline">
          {t("opportunityTotals.seeList")}
        </Link>
      ) : column.count > column.cards.length ? (
        <Link to={moreHref} className="border-t border-slate-200 px-3 py-2 text-xs text-blue-700 hover:underline">
          {t("opportunities.board.more", { count: column.count - column.cards.length })}
        </Link>
      ) : null}
    </section>
  );
}

/** Lucide's move-right as a static element: one per card, so no icon component per render. */
const MOVE_ICON = (
  <svg
    viewBox="0 0 24 24"
    className="size-3.5"
    fill="none"
    stroke="currentColor"
    strokeWidth={2}
    strokeLinecap="round"
    strokeLinejoin="round"
    aria-hidden
  >
    <path d="M18 8L22 12L18 16M2 12H22" />
  </svg>
);

function Card({
  card,
  stage,
  labels,
  autoFocus,
  onKey,
  onMove,
}: {
  card: BoardCard;
  stage: StageLike;
  labels: CardLabels;
  autoFocus: boolean;
  onKey: (event: KeyboardEvent, card: BoardCard) => void;
  onMove: (card: BoardCard, stageId: string) => void;
}) {
  const { listeners, setNodeRef, transform, isDragging } = useDraggable({
    id: `card-${card.id}`,
    data: { card },
  });
  const node = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (autoFocus) node.current?.focus();
  }, [autoFocus]);
  const href = `/crm/opportunities/${card.id}`;
  return (
    <article
      ref={(el) => {
        setNodeRef(el);
        node.current = el;
      }}
      {...listeners}
      // Not dnd-kit's attributes (role="button"): the card holds a link and a form, so it is a
      // focusable group with its own keys.
      tabIndex={0}
      aria-label={card.name}
      aria-describedby={HINT_ID}
      aria-keyshortcuts="ArrowLeft ArrowRight Enter"
      data-testid="board-card"
      data-card={card.id}
      onKeyDown={(e) => {
        if (e.target !== e.currentTarget) return;
        if (e.key === "Enter") labels.open(href);
        else onKey(e, card);
      }}
      style={transform ? { transform: `translate3d(${transform.x}px, ${transform.y}px, 0)` } : undefined}
      className={cn(
        "cursor-grab rounded-lg border border-slate-200 bg-white p-3 text-sm shadow-sm outline-none focus-visible:ring-2 focus-visible:ring-blue-500",
        isDragging && "relative z-10 cursor-grabbing shadow-lg",
      )}
    >
      {/* A plain anchor (a router Link per card was ~7 % of the board's render): a plain click
          navigates in the app, modified clicks open a tab as any link. */}
      <a
        href={href}
        className="font-medium text-slate-900 hover:text-blue-700"
        tabIndex={-1}
        onClick={(e) => {
          if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
          e.preventDefault();
          labels.open(href);
        }}
      >
        {card.name}
      </a>
      {card.company ? <p className="mt-0.5 truncate text-xs text-slate-500">{card.company.name}</p> : null}
      <p className="mt-2 flex items-center justify-between gap-2 text-xs text-slate-600">
        <span className="font-medium text-slate-900 tabular-nums">{labels.money(card.amount)}</span>
        <span>{card.owner.name}</span>
      </p>
      {card.expectedCloseDate ? (
        <p className="mt-1 text-xs text-slate-400">{labels.day(card.expectedCloseDate)}</p>
      ) : null}
      <MoveMenu card={card} stage={stage} labels={labels} onMove={onMove} />
    </article>
  );
}

/**
 * The card's move form: a stage select and a button (also the no-JavaScript way to move). The
 * select is uncontrolled (read on submit) and its options are built once per board.
 */
function MoveMenu({
  card,
  stage,
  labels,
  onMove,
}: {
  card: BoardCard;
  stage: StageLike;
  labels: CardLabels;
  onMove: (card: BoardCard, stageId: string) => void;
}) {
  const selectId = `move-${card.id}`;
  return (
    <form
      method="post"
      className="mt-2 flex items-center gap-1.5"
      onPointerDown={(e) => e.stopPropagation()}
      onSubmit={(e) => {
        e.preventDefault();
        onMove(card, String(new FormData(e.currentTarget).get("stageId") ?? ""));
      }}
    >
      <input type="hidden" name="intent" value="move" />
      <input type="hidden" name="opportunityId" value={card.id} />
      <input type="hidden" name="version" value={card.version} />
      <label htmlFor={selectId} className="sr-only">
        {labels.moveMenu(card.name)}
      </label>
      <select
        id={selectId}
        name="stageId"
        defaultValue={String(stage.id)}
        className="h-7 min-w-0 flex-1 rounded border border-slate-200 bg-white px-1.5 text-xs text-slate-700"
      >
        {labels.stageOptions}
      </select>
      <button
        type="submit"
        className="inline-flex h-7 items-center rounded border border-slate-200 px-1.5 text-slate-600 hover:bg-slate-50"
        aria-label={labels.moveTo}
        title={labels.moveTo}
      >
        {MOVE_ICON}
      </button>
    </form>
  );
}
