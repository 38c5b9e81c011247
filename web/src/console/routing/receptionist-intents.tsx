import { Field, TextAreaField } from '../../ui/field.tsx';
import { useConsoleText } from '../texts.ts';
import type { Member } from '../types.ts';
import { type Draft, emptyTarget, TARGET_KINDS } from './draft.ts';
import { GreetingFields } from './greeting-fields.tsx';
import { ListError, TargetFields } from './target-fields.tsx';

/** The AI receptionist: a greeting, then intents — what callers say (FR and EN) and where that sends them. */
export function ReceptionistIntents({
  draft,
  members,
  onChange,
  error,
  errorUnder,
}: {
  draft: Draft;
  members: Member[];
  onChange: (draft: Draft) => void;
  error: (path: string) => string | undefined;
  /** A phrase box shows the error of any of its lines (`intents.0.phrases.fr.2`). */
  errorUnder: (path: string) => string | undefined;
}) {
  const t = useConsoleText();
  const intents = draft.intents;
  const setIntent = (index: number, change: Partial<Draft['intents'][number]>) =>
    onChange({ ...draft, intents: intents.map((it, i) => (i === index ? { ...it, ...change } : it)) });
  return (
    <>
      <GreetingFields
        greeting={draft.greeting}
        onChange={(greeting) => onChange({ ...draft, greeting })}
        error={error}
      />
      <fieldset>
        <legend>{t('routing.ai.intents')}</legend>
        <p className="muted">{t('routing.ai.help')}</p>
        <ListError text={error('intents')} />
        <ol className="steps">
          {intents.map((intent, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: an intent is its position (inputs are controlled)
            <li key={index} className="step">
              <Field
                label={t('routing.ai.name', { n: index + 1 })}
                value={intent.name}
                onChange={(e) => setIntent(index, { name: e.target.value })}
                error={error(`intents.${index}.name`)}
              />
              <TextAreaField
                label={t('routing.ai.phrasesFr', { n: index + 1 })}
                value={intent.phrasesFr}
                rows={3}
                onChange={(e) => setIntent(index, { phrasesFr: e.target.value })}
                error={errorUnder(`intents.${index}.phrases.fr`) ?? error(`intents.${index}.phrases`)}
              />
              <TextAreaField
                label={t('routing.ai.phrasesEn', { n: index + 1 })}
                value={intent.phrasesEn}
                rows={3}
                onChange={(e) => setIntent(index, { phrasesEn: e.target.value })}
                error={errorUnder(`intents.${index}.phrases.en`)}
              />
              <TargetFields
                label={t('routing.ai.target', { n: index + 1 })}
                kinds={TARGET_KINDS}
                target={intent.target}
                members={members}
                onChange={(target) => setIntent(index, { target })}
                error={error}
                path={`intents.${index}.target`}
              />
              <div className="step-actions">
                <button
                  type="button"
                  className="secondary"
                  onClick={() => onChange({ ...draft, intents: intents.filter((_, i) => i !== index) })}
                >
                  {t('routing.ai.remove', { n: index + 1 })}
                </button>
              </div>
            </li>
          ))}
        </ol>
        <button
          type="button"
          className="secondary"
          onClick={() =>
            onChange({
              ...draft,
              intents: [
                ...intents,
                { name: '', phrasesFr: '', phrasesEn: '', target: emptyTarget(draft.greeting.language) },
              ],
            })
          }
        >
          {t('routing.ai.add')}
        </button>
      </fieldset>
    </>
  );
}
