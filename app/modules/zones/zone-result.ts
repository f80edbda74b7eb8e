import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { conflict, forbidden, invalid, notFound, ok, type ServiceResult } from "#app/lib/service-result.ts";
import { ZoneError, type ZoneErrorCode } from "./zones.server.ts";

// The zone services throw ZoneError (their tests and transactions rely on it); pages answer with one
// ServiceResult. This turns the first into the second, with the surface's own wording per code.

export type ZoneMessages = Partial<Record<ZoneErrorCode, MessageKey>> & { fallback: MessageKey };

export async function zoneResult<T>(work: Promise<T>, messages: ZoneMessages): Promise<ServiceResult<T>> {
  try {
    return ok(await work);
  } catch (error) {
    if (!(error instanceof ZoneError)) throw error;
    const message = messages[error.code] ?? messages.fallback;
    switch (error.code) {
      case "forbidden":
        return forbidden(message);
      case "not-found":
        return notFound(message);
      case "invalid-input":
        return invalid({}, [message]);
      default:
        return conflict(message);
    }
  }
}
