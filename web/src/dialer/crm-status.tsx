import { useDialerText } from './texts.ts';
import type { SyncView } from './use-crm-sync.ts';

const CRM_NAMES: Record<string, string> = {
  hubspot: 'HubSpot',
  salesforce: 'Salesforce',
  attio: 'Attio',
  odoo: 'Odoo',
};

/** Where the call stands in each connected CRM: pending, logged with a link, or failed with the CRM's words. */
export function CrmStatus({
  syncs,
  onOpen,
}: {
  syncs: SyncView[] | null;
  /** The host decides how a CRM page opens (a new tab, or the CRM's own navigation when embedded). */
  onOpen: (url: string, crm: string) => void;
}) {
  const t = useDialerText();
  return (
    <section className="crm-status" aria-labelledby="crm-title">
      <h3 id="crm-title">{t('crm.title')}</h3>
      {syncs === null ? <p className="muted">{t('crm.checking')}</p> : null}
      {syncs?.length === 0 ? <p className="muted">{t('crm.none')}</p> : null}
      <ul aria-live="polite">
        {(syncs ?? []).map((sync) => {
          const crm = CRM_NAMES[sync.crm] ?? sync.crm;
          return (
            <li key={sync.crm} className={`sync-${sync.state}`}>
              {sync.state === 'pending' ? t('crm.pending', { crm }) : null}
              {sync.state === 'failed' ? t('crm.failed', { crm, message: sync.message }) : null}
              {sync.state === 'logged' ? (
                <>
                  {t('crm.logged', { crm })}{' '}
                  {sync.url ? (
                    <a
                      href={sync.url}
                      target="_blank"
                      rel="noopener noreferrer"
                      onClick={(event) => {
                        event.preventDefault();
                        if (sync.url) onOpen(sync.url, sync.crm);
                      }}
                    >
                      {t('crm.open', { crm })}
                    </a>
                  ) : null}
                </>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
