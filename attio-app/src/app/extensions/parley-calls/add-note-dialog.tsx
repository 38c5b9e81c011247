import { Forms, showToast, useForm } from 'attio/client';
import type { PersonCall } from '../../../parley/schemas';
import { callLine } from '../../../utils/format';
import addNote from './add-note.server';

const NOTE_FORM = { text: Forms.string().multiline() };

/** A note on one call; Parley keeps it under the call's notes and logs it back into Attio. */
export function AddNoteDialog({
  call,
  hideDialog,
  onAdded,
}: {
  call: PersonCall;
  hideDialog: () => void;
  onAdded: () => void;
}) {
  const { Form, TextArea, SubmitButton } = useForm(NOTE_FORM, { text: '' });
  return (
    <Form
      onSubmit={async ({ text }) => {
        if (text.trim() === '') {
          await showToast({ variant: 'warning', title: 'Write the note first' });
          return;
        }
        const outcome = await addNote(call.id, text);
        if (!outcome.ok) {
          await showToast({ variant: 'error', title: 'Parley kept no note', text: outcome.problem.message });
          return;
        }
        await showToast({ variant: 'success', title: 'Note added', text: callLine(call) });
        onAdded();
        hideDialog();
      }}
    >
      <TextArea name="text" label="Note" placeholder="What was agreed, what comes next…" />
      <SubmitButton label="Add note" />
    </Form>
  );
}
