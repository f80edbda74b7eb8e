import type { account as zh } from "../zh-CN/account.ts";

export const account: Record<keyof typeof zh, string> = {};
