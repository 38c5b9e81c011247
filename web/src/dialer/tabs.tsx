import { useDialerText } from './texts.ts';

export type Tab = 'keypad' | 'recent' | 'contacts';
const TABS: Tab[] = ['keypad', 'recent', 'contacts'];

/**
 * Three tabs; each is a plain button in the Tab order (no roving focus to learn), marked up as a
 * tablist so screen readers say which section is open.
 */
export function Tabs({ current, onChange }: { current: Tab; onChange: (tab: Tab) => void }) {
  const t = useDialerText();
  return (
    <div className="tabs" role="tablist" aria-label={t('tabs.label')}>
      {TABS.map((tab) => (
        <button
          key={tab}
          type="button"
          role="tab"
          id={`tab-${tab}`}
          aria-selected={tab === current}
          aria-controls={tab === current ? `panel-${tab}` : undefined}
          className={tab === current ? 'tab current' : 'tab'}
          onClick={() => onChange(tab)}
        >
          {t(`tabs.${tab}`)}
        </button>
      ))}
    </div>
  );
}
