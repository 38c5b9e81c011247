import type { CountryCode } from 'libphonenumber-js';
import type { CallerView } from './live-event.ts';
import { displayNumber } from './phone-format.ts';
import { useDialerText } from './texts.ts';

/** Who is on the line: the recognised contact's name and company, or the number alone. */
export function CallerCard({ caller, country }: { caller: CallerView; country: CountryCode }) {
  const t = useDialerText();
  const number = displayNumber(caller.from, country);
  return (
    <div className="caller">
      <p className="caller-name">{caller.contact?.name ?? t('incoming.unknown')}</p>
      {caller.contact?.company ? <p className="caller-company">{caller.contact.company}</p> : null}
      <p className="caller-number">{number}</p>
    </div>
  );
}
