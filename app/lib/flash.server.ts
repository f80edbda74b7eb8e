import { redirect } from "react-router";
import { flashLocation, type FlashKey, type FlashVars } from "./flash.ts";

export { readFlash, type FlashKey, type FlashVars } from "./flash.ts";

/** Post/redirect/get with a one-shot confirmation: `return redirectWithFlash("/account/profile", "flash.saved")`. */
export function redirectWithFlash(
  to: string,
  key: FlashKey,
  options: { vars?: FlashVars; headers?: HeadersInit } = {},
): Response {
  return redirect(flashLocation(to, key, options.vars), { headers: options.headers });
}
