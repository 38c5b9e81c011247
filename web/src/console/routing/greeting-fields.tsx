import { TextAreaField } from '../../ui/field.tsx';
import { useConsoleText } from '../texts.ts';
import type { Draft } from './draft.ts';
import { LanguageField } from './target-fields.tsx';

/** What callers hear first, for a menu or the receptionist. */
export function GreetingFields({
  greeting,
  onChange,
  error,
}: {
  greeting: Draft['greeting'];
  onChange: (greeting: Draft['greeting']) => void;
  error: (path: string) => string | undefined;
}) {
  const t = useConsoleText();
  return (
    <>
      <TextAreaField
        label={t('routing.greeting')}
        value={greeting.text}
        rows={3}
        onChange={(e) => onChange({ ...greeting, text: e.target.value })}
        error={error('greeting.text') ?? error('greeting')}
      />
      <LanguageField
        value={greeting.language}
        onChange={(language) => onChange({ ...greeting, language })}
        error={error('greeting.language')}
      />
    </>
  );
}
