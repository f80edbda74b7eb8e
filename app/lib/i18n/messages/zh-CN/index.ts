import { common } from "./common.ts";

// One file per area so features add strings without touching each other's files.
export const zhCN = {
  ...common,
};

export type MessageKey = keyof typeof zhCN;
