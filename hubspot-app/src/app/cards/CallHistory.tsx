import {
  Alert,
  Button,
  EmptyState,
  ErrorState,
  Flex,
  Heading,
  Link,
  LoadingSpinner,
  Text,
  TextArea,
  Tile,
  useExtensionContext,
} from '@hubspot/ui-extensions';
import { useAssociations, useCrmProperties } from '@hubspot/ui-extensions/crm';
import { useCallback, useEffect, useState } from 'react';
import { addNote, type CardCall, loadCalls, placeCall } from './parley-client.ts';
import { fill, formatDuration, type Texts, textsFor } from './texts.ts';

const CONTACT = '0-1';

type Loaded =
  | { kind: 'loading' }
  | { kind: 'failed'; message: string }
  | { kind: 'ready'; calls: CardCall[] };
type Notice = { type: 'success' | 'danger'; message: string } | null;

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

function CallTile({
  call,
  t,
  onNoteSaved,
}: {
  call: CardCall;
  t: Texts;
  onNoteSaved: (notice: Notice) => void;
}) {
  const [writing, setWriting] = useState(false);
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const when = new Date(call.startedAt).toLocaleString(undefined, {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  const facts = [
    call.direction === 'inbound' ? t.inbound : t.outbound,
    call.number,
    when,
    fill(t.by, { member: call.member ?? t.unknownMember }),
    formatDuration(call.talkSeconds),
    call.result ? (t.results[call.result] ?? call.result) : null,
    call.disposition,
  ].filter((fact): fact is string => Boolean(fact));
  const save = async () => {
    setSaving(true);
    try {
      await addNote(call.id, note);
      setNote('');
      setWriting(false);
      onNoteSaved({ type: 'success', message: t.noteSaved });
    } catch (error) {
      onNoteSaved({ type: 'danger', message: fill(t.noteFailed, { message: messageOf(error) }) });
    } finally {
      setSaving(false);
    }
  };
  return (
    <Tile compact testId={`call-${call.id}`}>
      <Flex direction="column" gap="xs">
        <Text format={{ fontWeight: 'bold' }}>{facts.join(' · ')}</Text>
        {call.summary ? <Text>{`${t.summary}: ${call.summary}`}</Text> : null}
        {call.notes ? <Text>{`${t.notes}: ${call.notes}`}</Text> : null}
        {call.recordingUrl ? (
          <Link href={{ url: call.recordingUrl, external: true }}>{t.recording}</Link>
        ) : null}
        {writing ? (
          <Flex direction="column" gap="xs">
            <TextArea
              label={t.addNote}
              name={`note-${call.id}`}
              placeholder={t.notePlaceholder}
              value={note}
              onChange={setNote}
            />
            <Button
              testId="save-note"
              variant="primary"
              disabled={saving || note.trim() === ''}
              onClick={() => void save()}
            >
              {t.saveNote}
            </Button>
          </Flex>
        ) : (
          <Button testId="add-note" size="sm" variant="secondary" onClick={() => setWriting(true)}>
            {t.addNote}
          </Button>
        )}
      </Flex>
    </Tile>
  );
}

/**
 * Parley's calls with the record the card is on (a contact, or the contacts of a company or
 * deal), newest first, with "Call" (Parley rings the rep's phone, then the record's number)
 * and "Add note" on each call. Everything goes through Parley's signed card routes.
 */
export function CallHistory() {
  const context = useExtensionContext<'crm.record.tab'>();
  const t = textsFor(context.user.locale);
  const record = context.crm;
  const isContact = record.objectTypeId === CONTACT;
  const associations = useAssociations({ toObjectType: CONTACT, pageLength: 100 });
  const { properties } = useCrmProperties(['phone', 'mobilephone']);
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const [notice, setNotice] = useState<Notice>(null);
  const [version, setVersion] = useState(0);

  const contactIds = isContact ? [] : associations.results.map((association) => association.toObjectId);
  const waiting = !isContact && associations.isLoading;
  const contactKey = contactIds.join(',');

  // Reloads on a new record, a new set of associated contacts, a retry or a saved note.
  // biome-ignore lint/correctness/useExhaustiveDependencies: contactKey stands for contactIds
  useEffect(() => {
    if (waiting) return;
    let current = true;
    setLoaded({ kind: 'loading' });
    loadCalls(record, contactKey ? contactKey.split(',').map(Number) : [])
      .then((calls) => current && setLoaded({ kind: 'ready', calls }))
      .catch((error: unknown) => current && setLoaded({ kind: 'failed', message: messageOf(error) }));
    return () => {
      current = false;
    };
  }, [record.objectId, record.objectTypeId, contactKey, waiting, version]);

  const number = properties.phone || properties.mobilephone || '';
  const call = useCallback(async () => {
    try {
      const placed = await placeCall(number, isContact ? record.objectId : null);
      setNotice({ type: 'success', message: fill(t.calling, { number: placed.to }) });
      setVersion((v) => v + 1);
    } catch (error) {
      setNotice({ type: 'danger', message: fill(t.callFailed, { message: messageOf(error) }) });
    }
  }, [number, isContact, record.objectId, t]);

  const noteSaved = useCallback((next: Notice) => {
    setNotice(next);
    if (next?.type === 'success') setVersion((v) => v + 1);
  }, []);

  return (
    <Flex direction="column" gap="sm">
      <Flex direction="row" justify="between" align="center">
        <Heading>{t.title}</Heading>
        <Button testId="call" variant="primary" disabled={!number} onClick={() => void call()}>
          {t.call}
        </Button>
      </Flex>
      {number ? null : <Text variant="microcopy">{t.noNumber}</Text>}
      {notice ? (
        <Alert title={notice.type === 'success' ? t.title : t.failedTitle} variant={notice.type}>
          {notice.message}
        </Alert>
      ) : null}
      {loaded.kind === 'loading' ? (
        <LoadingSpinner label={t.loading} showLabel />
      ) : loaded.kind === 'failed' ? (
        <ErrorState title={t.failedTitle}>
          <Text>{loaded.message}</Text>
          <Button onClick={() => setVersion((v) => v + 1)}>{t.retry}</Button>
        </ErrorState>
      ) : loaded.calls.length === 0 ? (
        <EmptyState title={t.emptyTitle} layout="vertical">
          <Text>{t.empty}</Text>
        </EmptyState>
      ) : (
        loaded.calls.map((c) => <CallTile key={c.id} call={c} t={t} onNoteSaved={noteSaved} />)
      )}
    </Flex>
  );
}
