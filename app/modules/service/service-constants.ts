import type { ServicePriority, ServiceRequestKind, ServiceRequestStatus } from "#app/generated/prisma/enums.ts";

// Service-request vocabulary shared by the server modules and the route components (no server code).

export const SERVICE_KINDS = [
  "question",
  "opinion",
  "suggestion",
  "fault",
] as const satisfies readonly ServiceRequestKind[];
export const SERVICE_STATUSES = [
  "new",
  "accepted",
  "in_progress",
  "waiting_customer",
  "resolved",
  "closed",
] as const satisfies readonly ServiceRequestStatus[];
export const SERVICE_PRIORITIES = ["low", "normal", "high", "urgent"] as const satisfies readonly ServicePriority[];
export const OPEN_STATUSES: ServiceRequestStatus[] = ["new", "accepted", "in_progress", "waiting_customer"];

/** A member may reopen a resolved/closed request for this long after it was resolved or closed. */
export const REOPEN_WINDOW_DAYS = 7;

/** Which status changes staff may make. Closed is final for staff; members reopen within the window. */
export const STAFF_TRANSITIONS: Record<ServiceRequestStatus, ServiceRequestStatus[]> = {
  new: ["accepted", "in_progress", "waiting_customer", "resolved", "closed"],
  accepted: ["in_progress", "waiting_customer", "resolved", "closed"],
  in_progress: ["waiting_customer", "resolved", "closed"],
  waiting_customer: ["in_progress", "resolved", "closed"],
  resolved: ["in_progress", "closed"],
  closed: [],
};
