import type { CountryCode } from 'libphonenumber-js';
import { type FormEvent, useId, useLayoutEffect, useRef } from 'react';
import { dialableBefore, positionAfterDialable } from './caret.ts';
import { Keypad } from './keypad.tsx';
import { dialable, formatAsYouType, toE164 } from './phone-format.ts';
import { useDialerText } from './texts.ts';

/**
 * The number field (formatted as typed, sent as E.164), the keypad and the call button.
 * The raw digits are the state; what the field shows is derived, so editing never fights the caret
 * more than the formatter must.
 */
export function DialScreen({
  raw,
  onRawChange,
  country,
  onCall,
  busy,
  error,
  message,
}: {
  raw: string;
  onRawChange: (raw: string) => void;
  country: CountryCode;
  onCall: (e164: string) => void;
  busy: boolean;
  error: string | null;
  message: string | null;
}) {
  const t = useDialerText();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  // Reformatting moves the caret to the end; put it back after the same digit it followed.
  const caretDigits = useRef<number | null>(null);
  const formatted = formatAsYouType(raw, country);
  useLayoutEffect(() => {
    const field = input.current;
    if (!field || caretDigits.current === null || document.activeElement !== field) return;
    const position = positionAfterDialable(formatted, caretDigits.current);
    field.setSelectionRange(position, position);
    caretDigits.current = null;
  }, [formatted]);
  const e164 = toE164(raw, country);
  const showInvalid = raw.replace(/\D/g, '').length >= 6 && !e164;
  function submit(event: FormEvent) {
    event.preventDefault();
    if (e164) onCall(e164);
  }
  return (
    <form className="dial-screen" onSubmit={submit} noValidate>
      <div className="field number-field">
        <label htmlFor={id}>{t('number.label')}</label>
        <div className="number-row">
          <input
            id={id}
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            placeholder={t('number.placeholder')}
            ref={input}
            value={formatted}
            onChange={(event) => {
              const { value, selectionStart } = event.target;
              caretDigits.current = dialableBefore(value, selectionStart ?? value.length);
              onRawChange(dialable(value));
            }}
            aria-invalid={showInvalid ? true : undefined}
            aria-describedby={showInvalid ? `${id}-error` : undefined}
          />
          <button
            type="button"
            className="secondary backspace"
            aria-label={t('number.clear')}
            disabled={!raw}
            onClick={() => onRawChange(raw.slice(0, -1))}
          >
            <span aria-hidden="true">⌫</span>
          </button>
        </div>
        {showInvalid ? (
          <p className="field-error" id={`${id}-error`}>
            {t('number.invalid')}
          </p>
        ) : null}
      </div>
      <Keypad label={t('keypad.label')} onKey={(key) => onRawChange(dialable(raw + key))} />
      <button type="submit" className="call-button" disabled={!e164 || busy}>
        {busy ? t('call.starting') : t('call.start')}
      </button>
      {error ? (
        <p role="alert" className="field-error">
          {error}
        </p>
      ) : null}
      {message ? <output className="notice">{message}</output> : null}
    </form>
  );
}
