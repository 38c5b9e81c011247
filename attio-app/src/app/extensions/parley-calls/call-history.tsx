import { DialogList, Link, Section, showDialog, TextBlock, useAsyncCache } from 'attio/client';
import type { PersonCall } from '../../../parley/schemas';
import { callByline, callLine } from '../../../utils/format';
import { AddNoteDialog } from './add-note-dialog';
import listCalls from './list-calls.server';

/** The dialog lists more than the widget's one line; Parley caps a page at 200. */
export const HISTORY_LIMIT = 50;

function CallDetails({ call, onNote }: { call: PersonCall; onNote: () => void }) {
  return (
    <Section title={callLine(call)} description={`${callByline(call)} · ${call.number}`}>
      {call.summary ? <TextBlock align="left">{`Summary: ${call.summary}`}</TextBlock> : null}
      {call.notes ? <TextBlock align="left">{`Notes: ${call.notes}`}</TextBlock> : null}
      {call.recordingUrl ? <Link href={call.recordingUrl}>Recording</Link> : null}
      {call.voicemail ? <Link href={call.voicemail.url}>Voicemail</Link> : null}
      {call.voicemail?.transcript ? (
        <TextBlock align="left">{`Voicemail transcript: ${call.voicemail.transcript}`}</TextBlock>
      ) : null}
      <DialogList emptyState="">
        <DialogList.Item icon="NotePlus" actionLabel="Add note" onTrigger={onNote}>
          Add a note to this call
        </DialogList.Item>
      </DialogList>
    </Section>
  );
}

/** Every call with the person, newest first, each with its recording, notes and "Add note". */
export function CallHistory({ recordId, phones }: { recordId: string; phones: readonly string[] }) {
  const { values, invalidate } = useAsyncCache({ calls: [listCalls, recordId, phones, HISTORY_LIMIT] });
  const outcome = values.calls;
  if (!outcome.ok) return <TextBlock>{outcome.problem.message}</TextBlock>;
  if (outcome.value.length === 0) return <TextBlock>No calls with this person in Parley yet.</TextBlock>;
  return (
    <>
      {outcome.value.map((call) => (
        <CallDetails
          key={call.id}
          call={call}
          onNote={() =>
            showDialog({
              title: 'Add a note',
              // biome-ignore lint/correctness/noComponentHookFactories: showDialog takes the dialog's component when it opens, as Attio's API is made
              Dialog: ({ hideDialog }) => (
                <AddNoteDialog call={call} hideDialog={hideDialog} onAdded={() => invalidate('calls')} />
              ),
            })
          }
        />
      ))}
    </>
  );
}
