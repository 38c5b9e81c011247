import { SelectField } from '../../ui/field.tsx';
import { useConsoleText } from '../texts.ts';
import type { Assignment, Member } from '../types.ts';

/** Who a number rings, as one select value: "" nobody, "team" the shared line, else a member id. */
export function assignmentValue(a: { assignedMemberId: string | null; isTeamLine: boolean }): string {
  return a.isTeamLine ? 'team' : (a.assignedMemberId ?? '');
}

export function assignmentOf(value: string): Assignment {
  if (value === '') return null;
  if (value === 'team') return { team: true };
  return { memberId: value };
}

export function AssignSelect({
  label,
  value,
  members,
  onChange,
  error,
  disabled,
}: {
  label: string;
  value: string;
  members: Member[];
  onChange: (value: string) => void;
  error?: string | undefined;
  disabled?: boolean;
}) {
  const t = useConsoleText();
  return (
    <SelectField
      label={label}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={error}
      disabled={disabled}
    >
      <option value="">{t('numbers.nobody')}</option>
      <option value="team">{t('numbers.team')}</option>
      {members.map((m) => (
        <option key={m.id} value={m.id}>
          {m.name}
        </option>
      ))}
    </SelectField>
  );
}
