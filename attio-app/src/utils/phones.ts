/** A number the rep can call from a record, and the person record the call is with. */
export interface PhoneChoice {
  number: string;
  /** What the picker shows: the number, with the person's name on a company. */
  label: string;
  personId: string | null;
}

interface PersonPhones {
  id: string;
  name?: { full_name?: string | null } | null;
  phone_numbers: readonly string[];
}

/** A person's own numbers, each once. */
export function personChoices(person: PersonPhones | null | undefined): PhoneChoice[] {
  if (!person) return [];
  return unique(person.phone_numbers).map((number) => ({ number, label: number, personId: person.id }));
}

/** A company's numbers are its people's: each labelled with whose it is. */
export function companyChoices(team: readonly PersonPhones[] | null | undefined): PhoneChoice[] {
  const seen = new Set<string>();
  const choices: PhoneChoice[] = [];
  for (const person of team ?? []) {
    const name = person.name?.full_name?.trim();
    for (const number of unique(person.phone_numbers)) {
      if (seen.has(number)) continue;
      seen.add(number);
      choices.push({ number, label: name ? `${name} · ${number}` : number, personId: person.id });
    }
  }
  return choices;
}

function unique(numbers: readonly string[]): string[] {
  return [...new Set(numbers.map((n) => n.trim()).filter((n) => n !== ''))];
}
