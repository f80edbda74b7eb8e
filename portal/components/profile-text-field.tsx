import type { ComponentProps } from "react";
import { TextField, type TextFieldProps } from "#app/ui/form/index.ts";

/**
 * The member profile's text inputs with their autofill hints and the lengths the profile schemas
 * allow, so registration and 个人资料 offer the same fields the same way.
 */
const PROFILE_INPUTS = {
  nickname: { autoComplete: "nickname", maxLength: 40 },
  realName: { autoComplete: "name", maxLength: 50 },
  phone: { type: "tel", autoComplete: "tel", maxLength: 30 },
  title: { autoComplete: "organization-title", maxLength: 100 },
  companyName: { autoComplete: "organization", maxLength: 200 },
  province: { autoComplete: "address-level1", maxLength: 50 },
  city: { autoComplete: "address-level2", maxLength: 50 },
  address: { autoComplete: "street-address", maxLength: 255 },
} satisfies Record<string, Pick<ComponentProps<"input">, "type" | "autoComplete" | "maxLength">>;

export type ProfileInput = keyof typeof PROFILE_INPUTS;

export function ProfileTextField({ name, ...props }: Omit<TextFieldProps, "name"> & { name: ProfileInput }) {
  return <TextField name={name} {...PROFILE_INPUTS[name]} {...props} />;
}
