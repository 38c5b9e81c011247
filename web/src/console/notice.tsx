import type { ApiError } from '../api/client.ts';
import { Link } from './router.tsx';
import { useConsoleText } from './texts.ts';

/**
 * An API refusal that is not about one field, said for what it means to the admin: a Business
 * feature on Starter is an upgrade message (not an error), a missing number or payment links to
 * where it is fixed, anything else shows the API's own message.
 */
export function ApiNotice({
  error,
  showFieldless = true,
}: {
  error: ApiError | null;
  showFieldless?: boolean;
}) {
  const t = useConsoleText();
  if (!error) return null;
  if (error.code === 'plan_required') return <UpgradeNotice />;
  if (error.code === 'number_required')
    return (
      <p className="notice" role="status">
        {t('notice.numberFirst')} <Link to="/numbers">{t('notice.numberLink')}</Link>
      </p>
    );
  if (error.status === 402)
    return (
      <p className="notice" role="alert">
        {t('notice.payment')} <Link to="/billing">{t('nav.billing')}</Link>
      </p>
    );
  if (error.code === 'admin_only')
    return (
      <p className="notice" role="alert">
        {t('notice.adminOnly')}
      </p>
    );
  // Field errors show next to their fields; the summary line would repeat them.
  if (Object.keys(error.fields).length > 0 || !showFieldless) return null;
  return (
    <p className="error" role="alert">
      {error.message}
    </p>
  );
}

export function UpgradeNotice() {
  const t = useConsoleText();
  return (
    <p className="notice upgrade" role="status">
      {t('notice.upgrade')} <Link to="/billing">{t('notice.upgradeLink')}</Link>
    </p>
  );
}

/** A success line that screen readers announce without moving focus. */
export function Done({ text }: { text: string | null }) {
  return text ? (
    <p className="done" role="status">
      {text}
    </p>
  ) : null;
}
