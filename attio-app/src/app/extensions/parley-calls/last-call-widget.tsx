import { showDialog, useAsyncCache, useQuery, Widget } from 'attio/client';
import personPhones from '../../../graphql/person-phones.graphql';
import type { Outcome } from '../../../parley/outcome';
import type { PersonCall } from '../../../parley/schemas';
import { callByline, callLine } from '../../../utils/format';
import { CallHistory, HISTORY_LIMIT } from './call-history';
import listCalls from './list-calls.server';

function LastCall({ calls }: { calls: Outcome<PersonCall[]> }) {
  if (!calls.ok)
    return (
      <>
        <Widget.Text.Primary>Parley is not available</Widget.Text.Primary>
        <Widget.Text.Secondary>{calls.problem.message}</Widget.Text.Secondary>
      </>
    );
  const [last] = calls.value;
  if (!last)
    return (
      <>
        <Widget.Text.Primary>No calls yet</Widget.Text.Primary>
        <Widget.Text.Secondary>Use “Call with Parley” in the record’s actions.</Widget.Text.Secondary>
      </>
    );
  return (
    <>
      <Widget.Text.Primary>{callLine(last)}</Widget.Text.Primary>
      <Widget.Text.Secondary>{last.summary ?? callByline(last)}</Widget.Text.Secondary>
    </>
  );
}

/**
 * Parley's last call with this person. Record widgets are small text cards, so the history lives
 * in the dialog it opens; both ask for the same page of calls, so the dialog opens from the cache.
 */
export function LastCallWidget({ recordId }: { recordId: string }) {
  const { person } = useQuery(personPhones, { recordId });
  const phones = person?.phone_numbers ?? [];
  const { values } = useAsyncCache({ calls: [listCalls, recordId, phones, HISTORY_LIMIT] });
  return (
    <Widget.TextWidget
      onTrigger={() =>
        showDialog({
          title: 'Calls in Parley',
          // biome-ignore lint/correctness/noComponentHookFactories: showDialog takes the dialog's component when it opens, as Attio's API is made
          Dialog: () => <CallHistory recordId={recordId} phones={phones} />,
        })
      }
    >
      <Widget.Title>Parley</Widget.Title>
      <LastCall calls={values.calls} />
    </Widget.TextWidget>
  );
}
