// The form kit (decision 021). Server side: app/lib/forms.server.ts (parseForm), app/lib/schemas.ts,
// app/lib/service-result.ts (ServiceResult, respond), app/lib/flash.server.ts (redirectWithFlash).
export { CheckboxField, type CheckboxFieldProps } from "./checkbox-field.tsx";
export { DateField, dateControlValue, type DateFieldProps } from "./date-field.tsx";
export { ErrorList } from "./error-list.tsx";
export { Field, fieldIds, type ControlProps, type FieldProps } from "./field.tsx";
export { FailureNotice, FormNotice, type NoticeTone } from "./form-notice.tsx";
export { checkboxClass, inputClass, singleLineClass } from "./input-styles.ts";
export { MoneyField, moneyInputValue, type MoneyFieldProps } from "./money-field.tsx";
export { SelectField, type SelectFieldProps, type SelectOption } from "./select-field.tsx";
export { SubmitButton, useSubmitting, type SubmitButtonProps } from "./submit-button.tsx";
export { TextareaField, type TextareaFieldProps } from "./textarea-field.tsx";
export { TextField, type TextFieldProps } from "./text-field.tsx";
export { fieldErrors, formErrors, submittedValues } from "./action-result.ts";
