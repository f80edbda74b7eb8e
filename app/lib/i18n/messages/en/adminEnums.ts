import type { adminEnums as zh } from "../zh-CN/adminEnums.ts";

export const adminEnums: Record<keyof typeof zh, string> = {
  "adminEnums.leadSource.label": "Lead source",
  "adminEnums.leadSource.change": "Change lead source",
  "adminEnums.leadSource.byChannel": "By intake channel (staff entry)",
  "adminEnums.leadSource.entryHint":
    "Exhibition, referral, inbound call…; the admin maintains the choices under System tables.",
  "adminEnums.leadSource.invalid": "Choose a valid lead source.",
  "adminEnums.taskKind.label": "Task kind",
  "adminEnums.taskKind.change": "Change kind",
};
