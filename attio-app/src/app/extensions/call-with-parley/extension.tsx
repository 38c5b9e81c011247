import { Extensions } from 'attio/client';
import { callFromRecord } from './call-from-record';

export default Extensions.defineExtension({
  type: 'record-action',
  id: 'call-with-parley',
  label: 'Call with Parley',
  icon: 'Phone',
  objects: ['people', 'companies'],
  onTrigger: callFromRecord,
});
