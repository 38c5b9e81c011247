/** English texts; every key must exist in fr.ts too (the compiler checks). `{name}` is filled in by `t`. */
export const en = {
  'app.title': 'Parley',
  'lang.switch': 'Français',
  'signin.title': 'Sign in to Parley',
  'signin.email': 'Email',
  'signin.password': 'Password',
  'signin.submit': 'Sign in',
  'signin.failed': 'Check your email and password.',
  signout: 'Sign out',
  'common.save': 'Save',
  'common.saving': 'Saving…',
  'common.saved': 'Saved',
  'common.loading': 'Loading…',
  'common.retry': 'Try again',
  'common.error': 'Something went wrong: {message}',
} as const;

export type MessageKey = keyof typeof en;
