const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'] as const;
const LETTERS: Record<string, string> = {
  '2': 'ABC',
  '3': 'DEF',
  '4': 'GHI',
  '5': 'JKL',
  '6': 'MNO',
  '7': 'PQRS',
  '8': 'TUV',
  '9': 'WXYZ',
  '0': '+',
};

/**
 * The twelve keys, each a real button so Tab and Enter reach them; the same pad sends DTMF in a call.
 * A key's name is its digit: the letters are decoration, hidden from screen readers.
 */
export function Keypad({ onKey, label }: { onKey: (key: string) => void; label: string }) {
  return (
    <fieldset className="keypad">
      <legend className="visually-hidden">{label}</legend>
      {KEYS.map((key) => (
        <button key={key} type="button" className="key secondary" onClick={() => onKey(key)}>
          <span>{key}</span>
          <small aria-hidden="true">{LETTERS[key] ?? '\u00a0'}</small>
        </button>
      ))}
    </fieldset>
  );
}
