import { Extensions } from 'attio/client';
import { LastCallWidget } from './last-call-widget';

export default Extensions.defineExtension({
  type: 'record-widget',
  id: 'parley-calls',
  label: 'Parley calls',
  objects: 'people',
  Widget: LastCallWidget,
});
