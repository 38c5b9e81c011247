import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml, type InvitationInput, invitationEmail } from './invitation.ts';

const base: InvitationInput = {
  locale: 'fr',
  accountName: 'Acme',
  inviterName: 'Camille Martin',
  acceptUrl: 'https://parley.example.com/invitations/abc123?ref=mail',
  // 17:00 UTC is 18:00 in Paris and 13:00 in New York (daylight time) on that day.
  expiresAt: new Date('2025-03-14T17:00:00Z'),
  timeZone: 'Europe/Paris',
};

describe('invitationEmail', () => {
  it('writes the French invitation with the link and the expiry in the account time zone', () => {
    const mail = invitationEmail(base);

    expect(mail.subject).toBe('Vous êtes invité(e) à rejoindre Acme sur Parley');
    for (const body of [mail.text, mail.html]) {
      expect(body).toContain('Camille Martin vous invite à rejoindre l’équipe Acme sur Parley');
      expect(body).toContain('vendredi 14 mars 2025 à 18:00');
    }
    expect(mail.text).toContain(`\n${base.acceptUrl}\n`);
    expect(mail.html).toContain('href="https://parley.example.com/invitations/abc123?ref=mail"');
    expect(mail.html).toContain('<html lang="fr">');
  });

  it('writes the English invitation with the link and the expiry in the account time zone', () => {
    const mail = invitationEmail({ ...base, locale: 'en', timeZone: 'America/New_York' });

    expect(mail.subject).toBe("You're invited to join Acme on Parley");
    for (const body of [mail.text, mail.html]) {
      expect(body).toContain('Camille Martin has invited you to join the Acme team on Parley');
      expect(body).toMatch(/Friday, March 14, 2025 at 1:00\sPM EDT/);
    }
    expect(mail.text).toContain(`\n${base.acceptUrl}\n`);
    expect(mail.html).toContain('<html lang="en">');
  });

  it('escapes every interpolated value in the HTML and leaves the text readable', () => {
    const mail = invitationEmail({
      ...base,
      accountName: '<script>alert("x")</script>',
      inviterName: 'Tom & Jerry',
      acceptUrl: 'https://parley.example.com/i?a=1&b="><img src=x>',
    });

    expect(mail.html).not.toContain('<script>');
    expect(mail.html).not.toContain('<img');
    expect(mail.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(mail.html).toContain('Tom &amp; Jerry');
    expect(mail.html).toContain('href="https://parley.example.com/i?a=1&amp;b=&quot;&gt;&lt;img src=x&gt;"');
    expect(mail.text).toContain('Tom & Jerry vous invite à rejoindre l’équipe <script>alert("x")</script>');
  });
});

describe('escapeHtml', () => {
  it('leaves no markup character and decodes back to the original', () => {
    const decode = (html: string) =>
      html
        .replaceAll('&lt;', '<')
        .replaceAll('&gt;', '>')
        .replaceAll('&quot;', '"')
        .replaceAll('&#39;', "'")
        .replaceAll('&amp;', '&');
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (value) => {
        const escaped = escapeHtml(value);
        expect(escaped).not.toMatch(/[<>"']/);
        expect(decode(escaped)).toBe(value);
      }),
    );
  });
});
