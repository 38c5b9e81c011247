import {
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useId,
} from 'react';

interface Labelled {
  label: string;
  /** The API's message for this field, shown under it and announced to screen readers. */
  error?: string | undefined;
}

/** The attributes that tie a control to its label and its error message. */
interface ControlIds {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/**
 * The one layout of every form field: a label, the control, and the API's field-level error next
 * to it. Inputs, selects and text areas differ only in the control they render.
 */
function FieldFrame({ label, error, control }: Labelled & { control: (ids: ControlIds) => ReactNode }) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {control({
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': error ? errorId : undefined,
      })}
      {error ? (
        <p className="field-error" id={errorId} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function Field({ label, error, ...input }: Labelled & InputHTMLAttributes<HTMLInputElement>) {
  return <FieldFrame label={label} error={error} control={(ids) => <input {...ids} {...input} />} />;
}

export function TextAreaField({
  label,
  error,
  ...area
}: Labelled & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return <FieldFrame label={label} error={error} control={(ids) => <textarea {...ids} {...area} />} />;
}

export function SelectField({
  label,
  error,
  children,
  ...select
}: Labelled & SelectHTMLAttributes<HTMLSelectElement> & { children: ReactNode }) {
  return (
    <FieldFrame
      label={label}
      error={error}
      control={(ids) => (
        <select {...ids} {...select}>
          {children}
        </select>
      )}
    />
  );
}
