import { runStoreSuite } from './store.suite.ts';
import { testStores } from './testing.ts';

for (const store of testStores()) runStoreSuite(store);
