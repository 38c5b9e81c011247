import { showDialog, showToast, useAsyncCache, useForm, useQuery } from 'attio/client';
import { createElement } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { findAll, findOne, render, textOf } from '../../../../test/render';
import { fakeNetwork, installedWorkspace, personCall } from '../../../../test/workspace';
import type { Outcome } from '../../../parley/outcome';
import type { PersonCall } from '../../../parley/schemas';
import { AddNoteDialog } from './add-note-dialog';
import { CallHistory, HISTORY_LIMIT } from './call-history';
import extension from './extension';
import listCalls from './list-calls.server';

const PERSON = '9a8b7c6d-0000-4000-8000-00000000abcd';
const PHONES = ['+33698765432'];
const invalidate = vi.fn();

function loaded(calls: Outcome<PersonCall[]>) {
  vi.mocked(useQuery).mockReturnValue({ person: { id: PERSON, name: null, phone_numbers: PHONES } });
  vi.mocked(useAsyncCache).mockReturnValue({ values: { calls }, invalidate });
}

function widget() {
  if (extension.type !== 'record-widget') throw new Error('not a widget');
  const { Widget } = extension;
  return render(<Widget recordId={PERSON} />);
}

beforeEach(installedWorkspace);
afterEach(() => vi.unstubAllGlobals());

describe('the Parley record widget', () => {
  it("shows the last call's outcome, duration and Parley's summary", () => {
    loaded({
      ok: true,
      value: [personCall({ summary: 'Wants a quote for 12 seats.' }), personCall({ id: 'older' })],
    });
    const card = widget();
    expect(findOne(card, 'Widget.Title').children).toEqual(['Parley']);
    expect(textOf(findAll(card, 'Widget.Text.Primary'))).toBe('Outbound · Answered · 2 min 05 s');
    expect(textOf(findAll(card, 'Widget.Text.Secondary'))).toBe('Wants a quote for 12 seats.');
    expect(useAsyncCache).toHaveBeenCalledWith({ calls: [listCalls, PERSON, PHONES, HISTORY_LIMIT] });
  });

  it('says who took the last call and when, until Parley has a summary', () => {
    loaded({
      ok: true,
      value: [personCall({ direction: 'inbound', result: 'missed', durationSeconds: 0, member: null })],
    });
    const card = widget();
    expect(textOf(findAll(card, 'Widget.Text.Primary'))).toBe('Inbound · Missed');
    expect(textOf(findAll(card, 'Widget.Text.Secondary'))).toMatch(/2026/);
  });

  it('shows a live call as in progress, with the disposition once there is one', () => {
    loaded({ ok: true, value: [personCall({ live: true, result: null, durationSeconds: 0 })] });
    expect(textOf(findAll(widget(), 'Widget.Text.Primary'))).toBe('Outbound · In progress');
    loaded({ ok: true, value: [personCall({ disposition: 'Interested', durationSeconds: 45 })] });
    expect(textOf(findAll(widget(), 'Widget.Text.Primary'))).toBe('Outbound · Answered · Interested · 45 s');
  });

  it('invites a first call when Parley has none with this person', () => {
    loaded({ ok: true, value: [] });
    expect(textOf(widget())).toBe('Parley No calls yet Use “Call with Parley” in the record’s actions.');
  });

  it('tells what to fix instead of failing when Parley cannot answer', () => {
    loaded({
      ok: false,
      problem: { code: 'not_configured', message: 'An Attio admin must enter the Parley URL.' },
    });
    expect(textOf(widget())).toBe('Parley Parley is not available An Attio admin must enter the Parley URL.');
  });

  it('opens the full history in a dialog', async () => {
    loaded({ ok: true, value: [personCall()] });
    const trigger = findOne(widget(), 'Widget.TextWidget').props.onTrigger as () => Promise<void>;
    await trigger();
    const { title, Dialog } = vi.mocked(showDialog).mock.calls[0]![0];
    expect(title).toBe('Calls in Parley');
    const history = render(<Dialog hideDialog={() => {}} />);
    expect(findOne(history, 'Section').props.title).toBe('Outbound · Answered · 2 min 05 s');
  });
});

describe('the call history dialog', () => {
  it('lists every call with its notes, summary, recording and voicemail', () => {
    loaded({
      ok: true,
      value: [
        personCall({
          notes: 'Wants a quote',
          summary: 'Asked for pricing.',
          recordingUrl: 'https://phone.example.com/r/1',
        }),
        personCall({
          id: 'vm',
          direction: 'inbound',
          result: 'voicemail',
          durationSeconds: 0,
          voicemail: { url: 'https://phone.example.com/v/2', transcript: 'Call me back' },
        }),
      ],
    });
    const dialog = render(<CallHistory recordId={PERSON} phones={PHONES} />);
    const sections = findAll(dialog, 'Section');
    expect(sections.map((s) => s.props.title)).toEqual([
      'Outbound · Answered · 2 min 05 s',
      'Inbound · Voicemail',
    ]);
    expect(sections[0]!.props.description).toMatch(/^Max Member, .+ · \+33698765432$/);
    expect(textOf([sections[0]!])).toContain('Summary: Asked for pricing.');
    expect(textOf([sections[0]!])).toContain('Notes: Wants a quote');
    expect(findAll([sections[0]!], 'Link').map((l) => [l.props.href, textOf([l])])).toEqual([
      ['https://phone.example.com/r/1', 'Recording'],
    ]);
    expect(findAll([sections[1]!], 'Link').map((l) => l.props.href)).toEqual([
      'https://phone.example.com/v/2',
    ]);
    expect(textOf([sections[1]!])).toContain('Voicemail transcript: Call me back');
  });

  it('says there are no calls yet, or why Parley cannot list them', () => {
    loaded({ ok: true, value: [] });
    expect(textOf(render(<CallHistory recordId={PERSON} phones={PHONES} />))).toBe(
      'No calls with this person in Parley yet.',
    );
    loaded({
      ok: false,
      problem: { code: 'member_not_found', message: 'No Parley member uses max@example.com.' },
    });
    expect(textOf(render(<CallHistory recordId={PERSON} phones={PHONES} />))).toBe(
      'No Parley member uses max@example.com.',
    );
  });

  it('adds a note to a call, then refreshes the history', async () => {
    const call = personCall();
    loaded({ ok: true, value: [call] });
    const item = findOne(render(<CallHistory recordId={PERSON} phones={PHONES} />), 'DialogList.Item');
    expect(item.props.actionLabel).toBe('Add note');
    await (item.props.onTrigger as () => Promise<void>)();
    const { Dialog } = vi.mocked(showDialog).mock.calls[0]![0];

    const form = fakeForm();
    const hideDialog = vi.fn();
    const net = fakeNetwork(() => ({
      status: 201,
      body: { id: call.id, notes: 'Max Member: Sent the quote' },
    }));
    const tree = render(<Dialog hideDialog={hideDialog} />);
    expect(findOne(tree, 'SubmitButton').props.label).toBe('Add note');
    await form.submit(tree, { text: 'Sent the quote' });

    expect(net.parleyRequests()[0]).toMatchObject({
      url: expect.stringContaining(`/api/attio-app/calls/${call.id}/notes`),
      body: { text: 'Sent the quote' },
    });
    expect(showToast).toHaveBeenCalledWith(
      expect.objectContaining({ variant: 'success', title: 'Note added' }),
    );
    expect(invalidate).toHaveBeenCalledWith('calls');
    expect(hideDialog).toHaveBeenCalled();
  });

  it('keeps the note dialog open and says why when Parley refuses the note', async () => {
    const form = fakeForm();
    const hideDialog = vi.fn();
    const onAdded = vi.fn();
    fakeNetwork(() => ({
      status: 404,
      body: { error: { code: 'call_not_found', message: 'No such call in this account.' } },
    }));
    const tree = render(<AddNoteDialog call={personCall()} hideDialog={hideDialog} onAdded={onAdded} />);
    await form.submit(tree, { text: 'Too late' });
    expect(showToast).toHaveBeenCalledWith({
      variant: 'error',
      title: 'Parley kept no note',
      text: 'No such call in this account.',
    });
    expect(onAdded).not.toHaveBeenCalled();
    expect(hideDialog).not.toHaveBeenCalled();
  });

  it('sends nothing for an empty note', async () => {
    const form = fakeForm();
    const net = fakeNetwork(() => ({ status: 201, body: {} }));
    const tree = render(<AddNoteDialog call={personCall()} hideDialog={() => {}} onAdded={() => {}} />);
    await form.submit(tree, { text: '   ' });
    expect(net.sent).toHaveLength(0);
    expect(showToast).toHaveBeenCalledWith({ variant: 'warning', title: 'Write the note first' });
  });
});

/** `useForm` as the SDK hands it out: named form components; submitting runs the form's `onSubmit`. */
function fakeForm() {
  const named = (name: string) => (props: Record<string, unknown>) => createElement(name, props);
  vi.mocked(useForm).mockReturnValue({
    Form: named('Form'),
    TextArea: named('TextArea'),
    SubmitButton: named('SubmitButton'),
  } as never);
  return {
    async submit(tree: ReturnType<typeof render>, values: { text: string }) {
      const onSubmit = findOne(tree, 'Form').props.onSubmit as (v: { text: string }) => Promise<void>;
      await onSubmit(values);
    },
  };
}
