import type { stageEditor as zh } from "../zh-CN/stageEditor.ts";

export const stageEditor: Record<keyof typeof zh, string> = {
  "stageEditor.title": "Sales methods",
  "stageEditor.homeHint": "Sales stages: names, order, probability, forecast and how they close.",
  "stageEditor.intro":
    "Each sales method is a sequence of sales stages. A stage that opportunities or their stage history use cannot be deleted; deactivate it instead: it is no longer offered, and opportunities at it stay where they are.",
  "stageEditor.inactive": "Inactive",
  "stageEditor.inUse": "In use · {count} opportunities",
  "stageEditor.inUseHint": "Opportunities or stage history use this stage: it cannot be deleted, only deactivated.",
  "stageEditor.stageLabel": "Stage “{name}”",
  "stageEditor.addStage": "Add stage",
  "stageEditor.up": "Move “{name}” up",
  "stageEditor.down": "Move “{name}” down",
  "stageEditor.delete": "Delete “{name}”",
  "stageEditor.column.nameZh": "Chinese name",
  "stageEditor.column.nameEn": "English name",
  "stageEditor.column.probability": "Probability %",
  "stageEditor.column.kind": "Closes as",
  "stageEditor.column.phase": "Counts as (open)",
  "stageEditor.column.forecast": "In forecast",
  "stageEditor.column.active": "Active",
  "stageEditor.kind.open": "Open",
  "stageEditor.kind.won": "Closed won",
  "stageEditor.kind.lost": "Closed lost",
  "stageEditor.method.nameZh": "Method name (Chinese)",
  "stageEditor.method.nameEn": "Method name (English)",
  "stageEditor.method.default": "Default method",
  "stageEditor.method.usage": "{count} opportunities use this method",
  "stageEditor.method.add": "New sales method",
  "stageEditor.method.addHint":
    "A new method starts with three stages (first contact → closed won / closed lost); add, edit and reorder from there.",
  "stageEditor.error.name": "Enter a name (at most 100 characters).",
  "stageEditor.error.probability": "Probability must be a whole number from 0 to 100.",
  "stageEditor.error.kind": "Choose how the stage closes.",
  "stageEditor.error.invalid": "Please check your input.",
  "stageEditor.error.inUse":
    "Opportunities or stage history use this stage, so it cannot be deleted; deactivate it instead.",
  "stageEditor.error.kindInUse":
    "This stage is in use, so how it closes and the phase it counts as cannot change; add a new stage and deactivate this one.",
  "stageEditor.error.required":
    "Each sales method needs at least one active open stage, one closed-won stage and one closed-lost stage.",
  "stageEditor.error.defaultActive":
    "The default sales method cannot be deactivated; make another method the default first.",
  "stageEditor.error.methodInUse": "Opportunities use this sales method, so it cannot be deactivated.",
};
