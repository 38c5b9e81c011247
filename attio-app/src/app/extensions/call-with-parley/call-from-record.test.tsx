import { runQuery, showDialog, showToast } from 'attio/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { findAll, render, textOf } from '../../../../test/render';
import { fakeNetwork, installedWorkspace } from '../../../../test/workspace';
import { callFromRecord } from './call-from-record';
import extension from './extension';

const PERSON = '9a8b7c6d-0000-4000-8000-00000000abcd';
const called = {
  mode: 'call_me_first',
  to: '+33698765432',
  callerId: '+33180000000',
  callId: 'c1',
  ringing: '+33611223344',
};

beforeEach(installedWorkspace);
afterEach(() => vi.unstubAllGlobals());

function personWith(...phone_numbers: string[]) {
  vi.mocked(runQuery).mockResolvedValue({
    person: { id: PERSON, name: { full_name: 'Paula Person' }, phone_numbers },
  });
}

describe('the “Call with Parley” record action', () => {
  it('is offered on people and companies', () => {
    expect(extension).toMatchObject({
      type: 'record-action',
      label: 'Call with Parley',
      objects: ['people', 'companies'],
    });
  });

  it("calls a person's only number at once and says Parley is ringing the rep's phone", async () => {
    personWith('+33698765432');
    const net = fakeNetwork(() => ({ status: 201, body: called }));
    await callFromRecord({ recordId: PERSON, object: 'people' });
    expect(showDialog).not.toHaveBeenCalled();
    expect(net.parleyRequests()[0]?.body).toEqual({ to: '+33698765432', recordId: PERSON });
    expect(showToast).toHaveBeenCalledWith({
      variant: 'success',
      title: 'Calling with Parley',
      text: 'Parley is ringing your phone (+33611223344): pick up to be connected to +33698765432.',
    });
  });

  it('lets the rep pick when the person has several numbers, then calls the one picked', async () => {
    personWith('+33698765432', '+15555550100', '+33698765432');
    const net = fakeNetwork(() => ({ status: 201, body: called }));
    await callFromRecord({ recordId: PERSON, object: 'people' });
    expect(net.parleyRequests()).toHaveLength(0);
    const { Dialog } = vi.mocked(showDialog).mock.calls[0]![0];
    const hideDialog = vi.fn();
    const items = findAll(render(<Dialog hideDialog={hideDialog} />), 'DialogList.Item');
    expect(items.map((item) => textOf([item]))).toEqual(['+33698765432', '+15555550100']);
    await (items[1]!.props.onTrigger as () => Promise<void>)();
    expect(hideDialog).toHaveBeenCalled();
    expect(net.parleyRequests()[0]?.body).toEqual({ to: '+15555550100', recordId: PERSON });
  });

  it("offers a company's people's numbers, each with whose it is, and links the call to that person", async () => {
    vi.mocked(runQuery).mockResolvedValue({
      company: {
        team: [
          { id: 'p1', name: { full_name: 'Ann Able' }, phone_numbers: ['+33611111111'] },
          { id: 'p2', name: { full_name: 'Bob Baker' }, phone_numbers: ['+33622222222', '+33611111111'] },
          { id: 'p3', name: null, phone_numbers: [] },
        ],
      },
    });
    const net = fakeNetwork(() => ({ status: 201, body: called }));
    await callFromRecord({ recordId: 'company-1', object: 'companies' });
    const { Dialog } = vi.mocked(showDialog).mock.calls[0]![0];
    const items = findAll(render(<Dialog hideDialog={() => {}} />), 'DialogList.Item');
    expect(items.map((item) => textOf([item]))).toEqual([
      'Ann Able · +33611111111',
      'Bob Baker · +33622222222',
    ]);
    await (items[1]!.props.onTrigger as () => Promise<void>)();
    expect(net.parleyRequests()[0]?.body).toEqual({ to: '+33622222222', recordId: 'p2' });
  });

  it('says what to add when the record has no number', async () => {
    personWith();
    await callFromRecord({ recordId: PERSON, object: 'people' });
    expect(showToast).toHaveBeenCalledWith(
      expect.objectContaining({
        variant: 'error',
        title: 'No phone number',
        text: expect.stringMatching(/this person/),
      }),
    );
  });

  it("shows Parley's own reason when it cannot call", async () => {
    personWith('+33698765432');
    fakeNetwork(() => ({
      status: 400,
      body: {
        error: {
          code: 'phone_required',
          message: 'Call-me-first rings your own phone first: add it to your profile (phone).',
        },
      },
    }));
    await callFromRecord({ recordId: PERSON, object: 'people' });
    expect(showToast).toHaveBeenCalledWith({
      variant: 'error',
      title: 'Parley could not call',
      text: 'Call-me-first rings your own phone first: add it to your profile (phone).',
    });
  });
});
