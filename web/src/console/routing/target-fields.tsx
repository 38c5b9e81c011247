import { CheckField } from '../../ui/check-field.tsx';
import { Field, SelectField, TextAreaField } from '../../ui/field.tsx';
import { useConsoleText } from '../texts.ts';
import type { Member } from '../types.ts';
import type { TargetDraft } from './draft.ts';

/**
 * Where a key, an intent or the fallback sends the call: the kind, then that kind's fields.
 * `label` names the whole (e.g. "Key 1: where the call goes"); `path` is the API's field path,
 * so each field shows its own error.
 */
export function TargetFields({
  label,
  kinds,
  target,
  members,
  onChange,
  error,
  path,
}: {
  label: string;
  kinds: readonly TargetDraft['kind'][];
  target: TargetDraft;
  members: Member[];
  onChange: (target: TargetDraft) => void;
  error: (path: string) => string | undefined;
  path: string;
}) {
  const t = useConsoleText();
  const set = (change: Partial<TargetDraft>) => onChange({ ...target, ...change });
  const at = (field: string) => error(`${path}.${field}`);
  return (
    <div className="target-fields">
      <SelectField
        label={label}
        value={target.kind}
        onChange={(e) => {
          const kind = e.target.value as TargetDraft['kind'];
          // Choosing one member starts from the first member rather than an empty choice.
          set({ kind, memberId: target.memberId || (kind === 'member' ? (members[0]?.id ?? '') : '') });
        }}
        error={at('kind') ?? error(path)}
      >
        {kinds.map((kind) => (
          <option key={kind} value={kind}>
            {t(`routing.target.${kind}`)}
          </option>
        ))}
      </SelectField>
      {target.kind === 'member' ? (
        <SelectField
          label={t('routing.target.memberLabel')}
          value={target.memberId}
          onChange={(e) => set({ memberId: e.target.value })}
          error={at('memberId')}
        >
          {members.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </SelectField>
      ) : null}
      {target.kind === 'members' ? (
        <MemberChecks
          members={members}
          selected={target.memberIds}
          onChange={(memberIds) => set({ memberIds })}
          error={at('memberIds')}
        />
      ) : null}
      {target.kind === 'member' || target.kind === 'members' ? (
        <Field
          label={t('routing.ringSeconds')}
          inputMode="numeric"
          value={target.ringSeconds}
          onChange={(e) => set({ ringSeconds: e.target.value })}
          error={at('ringSeconds')}
        />
      ) : null}
      {target.kind === 'announcement' ? (
        <>
          <TextAreaField
            label={t('routing.target.text')}
            value={target.text}
            rows={2}
            onChange={(e) => set({ text: e.target.value })}
            error={at('text')}
          />
          <LanguageField
            value={target.language}
            onChange={(language) => set({ language })}
            error={at('language')}
          />
        </>
      ) : null}
      {target.kind === 'forward' ? (
        <Field
          label={t('routing.forwardTo')}
          type="tel"
          value={target.to}
          onChange={(e) => set({ to: e.target.value })}
          error={at('to')}
        />
      ) : null}
    </div>
  );
}

/** The language a text is read aloud in: the voice must match the words. */
export function LanguageField({
  value,
  onChange,
  error,
}: {
  value: 'fr' | 'en';
  onChange: (language: 'fr' | 'en') => void;
  error?: string | undefined;
}) {
  const t = useConsoleText();
  return (
    <SelectField
      label={t('routing.spokenLanguage')}
      value={value}
      onChange={(e) => onChange(e.target.value === 'en' ? 'en' : 'fr')}
      error={error}
    >
      <option value="fr">{t('routing.language.fr')}</option>
      <option value="en">{t('routing.language.en')}</option>
    </SelectField>
  );
}

/** Members to ring at once, ticked in a list: the same for a whole number and for a menu key. */
export function MemberChecks({
  members,
  selected,
  onChange,
  error,
}: {
  members: Member[];
  selected: string[];
  onChange: (selected: string[]) => void;
  error: string | undefined;
}) {
  const t = useConsoleText();
  return (
    <fieldset>
      <legend>{t('routing.members')}</legend>
      {members.map((m) => (
        <CheckField
          key={m.id}
          label={m.name}
          checked={selected.includes(m.id)}
          onChange={(e) =>
            onChange(e.target.checked ? [...selected, m.id] : selected.filter((id) => id !== m.id))
          }
        />
      ))}
      <ListError text={error} />
    </fieldset>
  );
}

/** An error about a whole list (too few, too many), under its legend rather than beside one field. */
export function ListError({ text }: { text: string | undefined }) {
  return text ? (
    <p className="field-error" role="alert">
      {text}
    </p>
  ) : null;
}
