import { createRealmCookie } from "./realm-cookie.server.ts";

// The staff realm's cookie; members have their own (`relay_member`).
const staffCookie = createRealmCookie("relay_staff");

export const staffCookieName = staffCookie.name;
export const serializeStaffCookie = staffCookie.serialize;
export const clearStaffCookie = staffCookie.clear;
export const readStaffCookie = staffCookie.read;
