import { Field, type FieldProps } from "./form/field.tsx";
import { RichTextEditor } from "./rich-text-editor.tsx";

/** The rich-text editor as a form-kit field: label, hint and errors wired like every other field. */
export function RichTextField({
  defaultValue,
  minRows,
  ...field
}: FieldProps & { label: string; defaultValue?: string; minRows?: number }) {
  return (
    <Field {...field}>
      {(control) => (
        <RichTextEditor
          id={control.id}
          name={control.name}
          label={field.label}
          defaultValue={defaultValue}
          invalid={control["aria-invalid"]}
          describedBy={control["aria-describedby"]}
          minRows={minRows}
        />
      )}
    </Field>
  );
}
