import { defineContactSource } from '../core/contact-source.ts';
import { GoogleConfigSchema } from './config.ts';
import { googleSetup } from './oauth.ts';
import { GOOGLE_RATE } from './rate.ts';
import { GoogleSource } from './source.ts';

export const google = defineContactSource({
  kind: 'google',
  config: GoogleConfigSchema,
  rate: GOOGLE_RATE,
  setup: googleSetup,
  create: (config, deps) => new GoogleSource(config, deps),
});
