export interface InvitationInput {
  locale: 'fr' | 'en';
  accountName: string;
  inviterName: string;
  acceptUrl: string;
  expiresAt: Date;
  /** IANA zone of the account, e.g. `Europe/Paris`: the expiry is shown in the team's local time. */
  timeZone: string;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

interface Copy {
  subject: string;
  greeting: string;
  invitation: string;
  action: string;
  button: string;
  fallback: string;
  expiry: string;
  ignore: string;
}

// French typography: a no-break space before the colon, the typographic apostrophe.
const NBSP = '\u00a0';

function copyFor(input: InvitationInput, expiry: string): Copy {
  const { accountName: account, inviterName: inviter } = input;
  if (input.locale === 'fr') {
    return {
      subject: `Vous êtes invité(e) à rejoindre ${account} sur Parley`,
      greeting: 'Bonjour,',
      invitation: `${inviter} vous invite à rejoindre l’équipe ${account} sur Parley, le téléphone de votre équipe.`,
      action: `Pour accepter l’invitation, ouvrez ce lien${NBSP}:`,
      button: 'Accepter l’invitation',
      fallback: `Si le bouton ne fonctionne pas, copiez ce lien dans votre navigateur${NBSP}:`,
      expiry: `Ce lien expire le ${expiry}.`,
      ignore: 'Si vous ne vous attendiez pas à cette invitation, vous pouvez ignorer ce message.',
    };
  }
  return {
    subject: `You're invited to join ${account} on Parley`,
    greeting: 'Hello,',
    invitation: `${inviter} has invited you to join the ${account} team on Parley, your team's phone system.`,
    action: 'To accept the invitation, open this link:',
    button: 'Accept the invitation',
    fallback: 'If the button does not work, copy this link into your browser:',
    expiry: `This link expires on ${expiry}.`,
    ignore: 'If you were not expecting this invitation, you can ignore this message.',
  };
}

export function formatExpiry(expiresAt: Date, locale: 'fr' | 'en', timeZone: string): string {
  return new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
    timeZone,
  }).format(expiresAt);
}

export function invitationEmail(input: InvitationInput): RenderedEmail {
  const copy = copyFor(input, formatExpiry(input.expiresAt, input.locale, input.timeZone));
  const text = [
    copy.greeting,
    '',
    copy.invitation,
    '',
    copy.action,
    input.acceptUrl,
    '',
    copy.expiry,
    '',
    copy.ignore,
    '',
  ].join('\n');
  return { subject: copy.subject, text, html: renderHtml(input, copy) };
}

function renderHtml(input: InvitationInput, copy: Copy): string {
  const e = escapeHtml;
  const url = e(input.acceptUrl);
  const p = 'margin:0 0 16px;';
  return `<!doctype html>
<html lang="${input.locale}">
<head><meta charset="utf-8"><title>${e(copy.subject)}</title></head>
<body style="margin:0;padding:24px;background:#f4f4f5;font-family:Helvetica,Arial,sans-serif;font-size:16px;line-height:1.5;color:#18181b;">
<div style="max-width:560px;margin:0 auto;padding:32px;background:#ffffff;border-radius:8px;">
<p style="${p}">${e(copy.greeting)}</p>
<p style="${p}">${e(copy.invitation)}</p>
<p style="margin:24px 0;"><a href="${url}" style="display:inline-block;padding:12px 20px;background:#2563eb;color:#ffffff;text-decoration:none;border-radius:6px;font-weight:bold;">${e(copy.button)}</a></p>
<p style="${p}font-size:14px;color:#52525b;">${e(copy.fallback)}<br><a href="${url}" style="color:#2563eb;word-break:break-all;">${url}</a></p>
<p style="${p}">${e(copy.expiry)}</p>
<p style="margin:0;font-size:14px;color:#52525b;">${e(copy.ignore)}</p>
</div>
</body>
</html>
`;
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] ?? ch);
}
