"""The settings' "Test connection" verdict, without Odoo: pure, so the offline checks run it."""


def me_url(parley_url):
    return parley_url.rstrip('/') + '/api/me'


def connection_verdict(status, body):
    """(notification type, message) for Parley's answer to GET /api/me with the token."""
    if status == 200:
        member = (body or {}).get('member') or {}
        account = (body or {}).get('account') or {}
        who = member.get('name') or member.get('email') or 'an unnamed member'
        return 'success', 'Connected to Parley as %s (%s).' % (who, account.get('name') or 'no account name')
    if status in (401, 403):
        return 'danger', 'Parley refused the token: create a new API token in Parley (Profile, API tokens).'
    error = ((body or {}).get('error') or {}).get('message')
    return 'danger', 'Parley answered %s%s.' % (status, ': %s' % error if error else '')
