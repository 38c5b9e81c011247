import type { MessageKey } from './en.ts';

/** Textes français; les mêmes clés que en.ts, sans exception (le compilateur le vérifie). */
export const fr = {
  'app.title': 'Parley',
  'lang.switch': 'English',
  'signin.title': 'Se connecter à Parley',
  'signin.email': 'E-mail',
  'signin.password': 'Mot de passe',
  'signin.submit': 'Se connecter',
  'signin.failed': 'Vérifiez votre e-mail et votre mot de passe.',
  signout: 'Se déconnecter',
  'common.save': 'Enregistrer',
  'common.saving': 'Enregistrement…',
  'common.saved': 'Enregistré',
  'common.loading': 'Chargement…',
  'common.retry': 'Réessayer',
  'common.error': 'Un problème est survenu : {message}',
} as const satisfies Record<MessageKey, string>;
