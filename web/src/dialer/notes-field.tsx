import { useId } from 'react';
import { useDialerText } from './texts.ts';

/** The rep's notes: typed during the call and kept for the after-call screen, where they are saved. */
export function NotesField({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (notes: string) => void;
  /** The API's message for `notes`, shown under the field. */
  error?: string | undefined;
}) {
  const t = useDialerText();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{t('notes.label')}</label>
      <textarea
        id={id}
        rows={3}
        maxLength={10_000}
        placeholder={t('notes.placeholder')}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {error ? (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
