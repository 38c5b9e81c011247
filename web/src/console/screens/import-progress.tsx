import { useConsoleText } from '../texts.ts';
import type { CrmConnection } from '../types.ts';

/** Where the CRM's contact import stands, announced politely as it moves. */
export function ImportProgress({ connection }: { connection: CrmConnection }) {
  const t = useConsoleText();
  const run = connection.import;
  if (!run) return null;
  const text =
    run.state === 'running'
      ? t('crm.import.running', { count: run.imported })
      : run.state === 'done'
        ? t('crm.import.done', { count: run.imported })
        : t('crm.import.failed', { error: run.error ?? '' });
  return (
    <span role="status" className={run.state === 'failed' ? 'error' : undefined}>
      {text}
    </span>
  );
}
