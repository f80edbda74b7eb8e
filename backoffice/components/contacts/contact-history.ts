import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { contacts } from "#app/lib/i18n/messages/zh-CN/contacts.ts";

// Field names in the contact's audit trail → their labels, when the contacts namespace has one.

export function isMessageKeyLike(key: string): key is MessageKey & keyof typeof contacts {
  return Object.hasOwn(contacts, key);
}
