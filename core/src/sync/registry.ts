import { connectors, contactSources } from '@parley/connectors';
import type { Descriptors, SourceDescriptors } from './connector-cache.ts';

/** The connectors this build ships: the typed registries of `@parley/connectors`. */
export const installedConnectors: Descriptors = connectors;
export const installedSources: SourceDescriptors = contactSources;
