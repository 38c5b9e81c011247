import { Field, SelectField } from '../../ui/field.tsx';
import { useConsoleText } from '../texts.ts';
import type { Member } from '../types.ts';
import type { Step } from './draft.ts';
import { ListError } from './target-fields.tsx';

/** The cascade's members in ring order, moved with buttons (keyboard-friendly, unlike drag and drop). */
export function CascadeSteps({
  steps,
  members,
  onChange,
  error,
}: {
  steps: Step[];
  members: Member[];
  onChange: (steps: Step[]) => void;
  error: (path: string) => string | undefined;
}) {
  const t = useConsoleText();
  const move = (from: number, to: number) => {
    const next = [...steps];
    const [step] = next.splice(from, 1);
    if (step) next.splice(to, 0, step);
    onChange(next);
  };
  const unused = members.find((m) => !steps.some((s) => s.memberId === m.id));
  return (
    <fieldset>
      <legend>{t('routing.cascade')}</legend>
      <ol className="steps">
        {steps.map((step, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a step is its position (inputs are controlled, so values follow the state)
          <li key={`${step.memberId}-${index}`} className="step">
            <SelectField
              label={t('routing.stepMember', { n: index + 1 })}
              value={step.memberId}
              onChange={(e) =>
                onChange(steps.map((s, i) => (i === index ? { ...s, memberId: e.target.value } : s)))
              }
              error={error(`steps.${index}.memberId`)}
            >
              {members.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </SelectField>
            <Field
              label={t('routing.stepSeconds', { n: index + 1 })}
              inputMode="numeric"
              value={step.ringSeconds}
              onChange={(e) =>
                onChange(steps.map((s, i) => (i === index ? { ...s, ringSeconds: e.target.value } : s)))
              }
              error={error(`steps.${index}.ringSeconds`)}
            />
            <div className="step-actions">
              <button
                type="button"
                className="secondary small"
                disabled={index === 0}
                onClick={() => move(index, index - 1)}
              >
                {t('routing.up', { n: index + 1 })}
              </button>
              <button
                type="button"
                className="secondary small"
                disabled={index === steps.length - 1}
                onClick={() => move(index, index + 1)}
              >
                {t('routing.down', { n: index + 1 })}
              </button>
              <button
                type="button"
                className="secondary small"
                onClick={() => onChange(steps.filter((_, i) => i !== index))}
              >
                {t('routing.removeStep', { n: index + 1 })}
              </button>
            </div>
          </li>
        ))}
      </ol>
      <ListError text={error('steps')} />
      <button
        type="button"
        className="secondary small"
        disabled={!unused}
        onClick={() => unused && onChange([...steps, { memberId: unused.id, ringSeconds: '15' }])}
      >
        {t('routing.addStep')}
      </button>
    </fieldset>
  );
}
