import { DialogList, runQuery, showDialog, showToast } from 'attio/client';
import personPhones from '../../../graphql/person-phones.graphql';
import { startedMessage } from '../../../utils/format';
import { companyChoices, type PhoneChoice, personChoices } from '../../../utils/phones';
import companyPhones from './company-phones.graphql';
import startCall from './start-call.server';

async function choicesFor(recordId: string, object: string): Promise<PhoneChoice[]> {
  if (object === 'companies') {
    const { company } = await runQuery(companyPhones, { recordId });
    return companyChoices(company?.team);
  }
  const { person } = await runQuery(personPhones, { recordId });
  return personChoices(person);
}

/** Parley rings the Attio user's own phone, then the number; the toast says which or why not. */
export async function placeCall(choice: PhoneChoice): Promise<void> {
  const outcome = await startCall(choice.number, choice.personId);
  if (outcome.ok)
    await showToast({
      variant: 'success',
      title: 'Calling with Parley',
      text: startedMessage(outcome.value),
    });
  else await showToast({ variant: 'error', title: 'Parley could not call', text: outcome.problem.message });
}

export function PhonePicker({
  choices,
  onPick,
}: {
  choices: readonly PhoneChoice[];
  onPick: (choice: PhoneChoice) => void | Promise<void>;
}) {
  return (
    <DialogList emptyState="No phone number">
      {choices.map((choice) => (
        <DialogList.Item key={choice.number} icon="Phone" actionLabel="Call" onTrigger={() => onPick(choice)}>
          {choice.label}
        </DialogList.Item>
      ))}
    </DialogList>
  );
}

/** The record action: one number calls at once, several open a picker, none says what to add. */
export async function callFromRecord({
  recordId,
  object,
}: {
  recordId: string;
  object: string;
}): Promise<void> {
  const choices = await choicesFor(recordId, object);
  const [only] = choices;
  if (!only) {
    await showToast({
      variant: 'error',
      title: 'No phone number',
      text:
        object === 'companies'
          ? "Add a phone number to one of this company's people, then call again."
          : 'Add a phone number to this person, then call again.',
    });
    return;
  }
  if (choices.length === 1) return placeCall(only);
  await showDialog({
    title: 'Which number?',
    // biome-ignore lint/correctness/noComponentHookFactories: showDialog takes the dialog's component when it opens, as Attio's API is made
    Dialog: ({ hideDialog }) => (
      <PhonePicker
        choices={choices}
        onPick={async (choice) => {
          hideDialog();
          await placeCall(choice);
        }}
      />
    ),
  });
}
