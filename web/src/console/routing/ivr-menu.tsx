import { Field, SelectField } from '../../ui/field.tsx';
import { useConsoleText } from '../texts.ts';
import type { Member } from '../types.ts';
import { type Draft, emptyTarget, nextDigit, TARGET_KINDS } from './draft.ts';
import { GreetingFields } from './greeting-fields.tsx';
import { ListError, TargetFields } from './target-fields.tsx';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '*', '#'];

/** The voice menu: a greeting, one target per key, how long to wait and how often to repeat. */
export function IvrMenu({
  draft,
  members,
  onChange,
  error,
}: {
  draft: Draft;
  members: Member[];
  onChange: (draft: Draft) => void;
  error: (path: string) => string | undefined;
}) {
  const t = useConsoleText();
  const options = draft.options;
  const setOptions = (next: Draft['options']) => onChange({ ...draft, options: next });
  const free = nextDigit(options);
  return (
    <>
      <GreetingFields
        greeting={draft.greeting}
        onChange={(greeting) => onChange({ ...draft, greeting })}
        error={error}
      />
      <fieldset>
        <legend>{t('routing.ivr.options')}</legend>
        <ListError text={error('options')} />
        <ol className="steps">
          {options.map((option, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: an option is its position (inputs are controlled)
            <li key={index} className="step">
              <SelectField
                label={t('routing.ivr.key', { n: index + 1 })}
                value={option.digit}
                onChange={(e) =>
                  setOptions(options.map((o, i) => (i === index ? { ...o, digit: e.target.value } : o)))
                }
                error={error(`options.${index}.digit`)}
              >
                {KEYS.map((key) => (
                  <option key={key} value={key}>
                    {key}
                  </option>
                ))}
              </SelectField>
              <TargetFields
                label={t('routing.ivr.target', { key: option.digit })}
                kinds={TARGET_KINDS}
                target={option.target}
                members={members}
                onChange={(target) => setOptions(options.map((o, i) => (i === index ? { ...o, target } : o)))}
                error={error}
                path={`options.${index}.target`}
              />
              <div className="step-actions">
                <button
                  type="button"
                  className="secondary"
                  onClick={() => setOptions(options.filter((_, i) => i !== index))}
                >
                  {t('routing.ivr.remove', { key: option.digit })}
                </button>
              </div>
            </li>
          ))}
        </ol>
        {free ? (
          <button
            type="button"
            className="secondary"
            onClick={() =>
              setOptions([...options, { digit: free, target: emptyTarget(draft.greeting.language) }])
            }
          >
            {t('routing.ivr.add')}
          </button>
        ) : null}
      </fieldset>
      <Field
        label={t('routing.ivr.timeout')}
        inputMode="numeric"
        value={draft.timeoutSeconds}
        onChange={(e) => onChange({ ...draft, timeoutSeconds: e.target.value })}
        error={error('timeoutSeconds')}
      />
      <Field
        label={t('routing.ivr.retries')}
        inputMode="numeric"
        value={draft.maxRetries}
        onChange={(e) => onChange({ ...draft, maxRetries: e.target.value })}
        error={error('maxRetries')}
      />
    </>
  );
}
