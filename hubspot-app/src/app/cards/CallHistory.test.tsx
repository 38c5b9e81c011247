import {
  Alert,
  Button,
  EmptyState,
  ErrorState,
  hubspot,
  Link,
  LoadingSpinner,
  Text,
  TextArea,
  Tile,
} from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CallHistory } from './CallHistory.tsx';
import { PARLEY_URL } from './parley-url.ts';

const CALL = {
  id: 'c-1',
  direction: 'outbound',
  number: '+33698765432',
  startedAt: '2026-11-02T09:30:00.000Z',
  member: 'Max Member',
  talkSeconds: 125,
  result: 'answered',
  disposition: null,
  notes: 'Wants a quote',
  summary: 'Asked for a quote on 12 seats.',
  recordingUrl: 'https://parley.example.com/api/recordings/c-1?signature=x',
};

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** What the card asked Parley, as `hubspot.fetch` received it (HubSpot signs and adds the caller itself). */
function parley(...answers: Response[]) {
  const fetch = vi.spyOn(hubspot, 'fetch');
  for (const answer of answers) fetch.mockResolvedValueOnce(answer);
  return fetch;
}

function renderCard(
  options: { objectTypeId?: string; phone?: string; contacts?: number[]; locale?: string } = {},
) {
  const renderer = createRenderer('crm.record.tab');
  renderer.mocks.context.crm.objectTypeId = options.objectTypeId ?? '0-1';
  renderer.mocks.context.crm.objectId = 901;
  renderer.mocks.context.user.locale = options.locale ?? 'en-us';
  renderer.mocks.useCrmProperties.willCall(() => ({
    properties: { phone: options.phone ?? '+33698765432', mobilephone: '' },
    error: null,
    isLoading: false,
    isRefetching: false,
    refetch: async () => {},
  }));
  renderer.mocks.useAssociations.willCall(() => ({
    results: (options.contacts ?? []).map((toObjectId) => ({
      toObjectId,
      associationTypes: [],
      properties: {},
    })),
    error: null,
    isLoading: false,
    isRefetching: false,
    refetch: async () => {},
    pagination: {
      hasNextPage: false,
      hasPreviousPage: false,
      currentPage: 1,
      pageSize: 100,
      nextPage: () => {},
      previousPage: () => {},
      reset: () => {},
    },
  }));
  renderer.render(<CallHistory />);
  return renderer;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the Parley calls card', () => {
  it('lists the record’s calls with direction, member, duration, outcome, summary, notes and recording', async () => {
    const fetch = parley(json(200, { calls: [CALL] }));
    const card = renderCard();
    expect(card.maybeFind(LoadingSpinner)).not.toBeNull();
    await card.waitFor(() => expect(card.findAll(Tile)).toHaveLength(1));
    expect(fetch).toHaveBeenCalledWith(`${PARLEY_URL}/hubspot/card/calls?objectTypeId=0-1&objectId=901`, {
      method: 'GET',
    });
    const texts = card
      .find(Tile)
      .findAll(Text)
      .map((text) => text.text);
    expect(texts[0]).toContain('Outbound · +33698765432');
    expect(texts[0]).toContain('by Max Member · 2:05 · Answered');
    expect(texts).toContain('Summary: Asked for a quote on 12 seats.');
    expect(texts).toContain('Notes: Wants a quote');
    expect(card.find(Link).props.href).toEqual({ url: CALL.recordingUrl, external: true });
    expect(card.maybeFind(EmptyState)).toBeNull();
  });

  it('says so when Parley never called the record, in French for a French HubSpot user', async () => {
    parley(json(200, { calls: [] }));
    const card = renderCard({ locale: 'fr-fr' });
    await card.waitFor(() => expect(card.maybeFind(EmptyState)).not.toBeNull());
    expect(card.find(EmptyState).props.title).toBe('Pas encore d’appel');
    expect(card.find(EmptyState).find(Text).text).toBe('Aucun appel Parley avec cette fiche pour l’instant.');
    expect(card.findAll(Tile)).toHaveLength(0);
  });

  it('shows Parley’s own error message and loads again on retry', async () => {
    parley(
      json(404, {
        error: {
          code: 'hubspot_portal_unknown',
          message: 'HubSpot portal 123 is not connected to Parley.',
          details: {},
        },
      }),
      json(200, { calls: [CALL] }),
    );
    const card = renderCard();
    await card.waitFor(() => expect(card.maybeFind(ErrorState)).not.toBeNull());
    expect(card.find(ErrorState).find(Text).text).toBe('HubSpot portal 123 is not connected to Parley.');
    card.find(ErrorState).find(Button).trigger('onClick');
    await card.waitFor(() => expect(card.findAll(Tile)).toHaveLength(1));
  });

  it('reads a company’s calls through its associated contacts', async () => {
    const fetch = parley(json(200, { calls: [] }));
    const card = renderCard({ objectTypeId: '0-2', contacts: [11, 12] });
    await card.waitFor(() => expect(card.maybeFind(EmptyState)).not.toBeNull());
    expect(fetch).toHaveBeenCalledWith(
      `${PARLEY_URL}/hubspot/card/calls?objectTypeId=0-2&objectId=901&contactIds=11%2C12`,
      { method: 'GET' },
    );
  });

  it('places a call to the record’s number for the rep and tells them their phone rings first', async () => {
    const fetch = parley(
      json(200, { calls: [] }),
      json(201, { to: '+33698765432' }),
      json(200, { calls: [CALL] }),
    );
    const card = renderCard();
    await card.waitFor(() => expect(card.maybeFind(EmptyState)).not.toBeNull());
    card.findByTestId(Button, 'call').trigger('onClick');
    await card.waitFor(() => expect(card.maybeFind(Alert)).not.toBeNull());
    expect(fetch).toHaveBeenNthCalledWith(2, `${PARLEY_URL}/hubspot/card/calls`, {
      method: 'POST',
      body: { to: '+33698765432', contactId: '901' },
    });
    expect(card.find(Alert).text).toBe('Parley rings your phone, then +33698765432.');
    await card.waitFor(() => expect(card.findAll(Tile)).toHaveLength(1));
  });

  it('cannot call a record without a phone number', async () => {
    parley(json(200, { calls: [] }));
    const card = renderCard({ phone: '' });
    await card.waitFor(() => expect(card.maybeFind(EmptyState)).not.toBeNull());
    expect(card.findByTestId(Button, 'call').props.disabled).toBe(true);
  });

  it('adds a note to a call and shows Parley’s refusal when there is one', async () => {
    const fetch = parley(
      json(200, { calls: [CALL] }),
      json(400, {
        error: { code: 'invalid_input', message: 'Keep notes under 5,000 characters', details: {} },
      }),
      json(201, { id: 'c-1', notes: 'Wants a quote\n\nSend the quote' }),
      json(200, { calls: [{ ...CALL, notes: 'Wants a quote\n\nSend the quote' }] }),
    );
    const card = renderCard();
    await card.waitFor(() => expect(card.findAll(Tile)).toHaveLength(1));
    card.findByTestId(Button, 'add-note').trigger('onClick');
    // trigger() passes its argument to the handler; 0.17's typing asks for the handler's own type.
    card.find(TextArea).trigger('onChange', 'Send the quote' as unknown as (value: string) => void);
    card.findByTestId(Button, 'save-note').trigger('onClick');
    await card.waitFor(() => expect(card.maybeFind(Alert)).not.toBeNull());
    expect(card.find(Alert).text).toBe('The note was not saved: Keep notes under 5,000 characters');
    card.findByTestId(Button, 'save-note').trigger('onClick');
    await card.waitFor(() => expect(card.find(Alert).text).toBe('Note saved on the call.'));
    expect(fetch).toHaveBeenNthCalledWith(3, `${PARLEY_URL}/hubspot/card/notes`, {
      method: 'POST',
      body: { callId: 'c-1', note: 'Send the quote' },
    });
    await card.waitFor(() =>
      expect(
        card
          .find(Tile)
          .findAll(Text)
          .map((t) => t.text),
      ).toContain('Notes: Wants a quote\n\nSend the quote'),
    );
  });
});
