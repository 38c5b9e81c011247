import { hubspot } from '@hubspot/ui-extensions';
import { CallHistory } from './CallHistory.tsx';

hubspot.extend<'crm.record.tab'>(() => <CallHistory />);
