import { connectors } from '@parley/connectors';
import type { Descriptors } from './connector-cache.ts';

/** The connectors this build ships: the typed registry of `@parley/connectors`. */
export const installedConnectors: Descriptors = connectors;
