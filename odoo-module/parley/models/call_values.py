"""What `parley.call.upsert_calls` accepts, checked without Odoo.

Pure functions on plain dicts (no Odoo import), so they run in the offline checks
(`odoo-module/checks`) and inside Odoo alike. Every refusal is a per-call result,
not an exception: one bad call in a batch must not fail the others.
"""

import re

from markupsafe import Markup

DIRECTIONS = [('inbound', 'Inbound'), ('outbound', 'Outbound')]

# Parley's call results (connectors/core/connector.ts CallResultSchema).
RESULTS = [
    ('answered', 'Answered'),
    ('missed', 'Missed'),
    ('voicemail', 'Voicemail'),
    ('abandoned', 'Abandoned'),
    ('busy', 'Busy'),
    ('failed', 'Failed'),
    ('after_hours', 'After hours'),
]

# The CRM outcomes admins map Parley's results and dispositions onto (GET /api/crm/connections).
OUTCOMES = [
    ('interested', 'Interested'),
    ('not_interested', 'Not interested'),
    ('callback', 'Call back'),
    ('wrong_number', 'Wrong number'),
]

SELECTIONS = {'direction': DIRECTIONS, 'result': RESULTS, 'outcome': OUTCOMES}

TEXT_FIELDS = ('from_number', 'to_number', 'disposition', 'recording_url', 'transcript', 'summary', 'notes')
MANY2ONE_FIELDS = ('partner_id', 'user_id')

# Every key a call may carry; the connector sends exactly these (connectors/odoo/map.ts callVals),
# and connectors/odoo/addon-contract.test.ts reads this literal.
UPSERT_FIELDS = (
    'call_id',
    'started_at',
    'duration',
    'partner_id',
    'user_id',
    'direction',
    'result',
    'outcome',
    'from_number',
    'to_number',
    'disposition',
    'recording_url',
    'transcript',
    'summary',
    'notes',
)

ODOO_DATETIME = re.compile(r'^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$')


def refusal(call_id, kind, message):
    """A per-call failure; `kind` is the connector's CrmError kind (invalid, not_found)."""
    return {'call_id': call_id if isinstance(call_id, str) else '', 'error': kind, 'message': message}


def clean_call_vals(vals):
    """(values ready for create/write, None) or (None, refusal) for one call of the batch."""
    if not isinstance(vals, dict):
        return None, refusal('', 'invalid', 'Each call must be a dict of parley.call values.')
    call_id = vals.get('call_id')
    if not isinstance(call_id, str) or not call_id.strip():
        return None, refusal(call_id, 'invalid', 'A call needs its call_id (Parley\'s call id).')
    unknown = sorted(set(vals) - set(UPSERT_FIELDS))
    if unknown:
        return None, refusal(call_id, 'invalid', 'Unknown parley.call field(s): %s.' % ', '.join(unknown))
    clean = {'call_id': call_id}
    for name, value in vals.items():
        if name == 'call_id':
            continue
        problem = _field_problem(name, value)
        if problem:
            return None, refusal(call_id, 'invalid', problem)
        clean[name] = value
    return clean, None


def _field_problem(name, value):
    if value is False:
        return None if name not in ('duration',) else 'duration must be a number of seconds.'
    if name in SELECTIONS:
        if value not in {key for key, _label in SELECTIONS[name]}:
            return 'Wrong value for parley.call.%s: %r' % (name, value)
    elif name in MANY2ONE_FIELDS:
        if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
            return '%s must be a record id.' % name
    elif name == 'duration':
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            return 'duration must be a number of seconds.'
    elif name == 'started_at':
        # Odoo's RPC datetimes: 'YYYY-MM-DD HH:MM:SS' in UTC, nothing else (research/odoo.md §0.6).
        if not isinstance(value, str) or not ODOO_DATETIME.match(value):
            return "started_at must be 'YYYY-MM-DD HH:MM:SS' in UTC, not %r." % (value,)
    elif not isinstance(value, str):
        return '%s must be text.' % name
    return None


def changed_vals(current, vals):
    """Only the values that differ from what the record holds, so a re-sent call writes nothing.

    `current` is the record as `read()` gives it server-side: many2one as (id, name) or False,
    empty as False, datetimes as `datetime` (only RPC turns them into strings).
    """
    changed = {}
    for name, value in vals.items():
        held = current.get(name, False)
        if isinstance(held, (list, tuple)):
            held = held[0] if held else False
        if hasattr(held, 'strftime'):
            held = held.strftime('%Y-%m-%d %H:%M:%S')
        if (held or False) != (value or False):
            changed[name] = value
    return changed


def _label(selection, key):
    return dict(selection).get(key, key or '')


def chatter_body(vals, partner_url=None):
    """The note posted on the partner when a call is logged: HTML built here as Markup, so
    Odoo keeps the markup and escapes every value (research/odoo.md §1.5)."""
    direction = _label(DIRECTIONS, vals.get('direction'))
    result = _label(RESULTS, vals.get('result'))
    minutes, seconds = divmod(int(vals.get('duration') or 0), 60)
    lines = [Markup('<b>%s</b>') % ('Parley: %s call, %s' % (direction.lower() or 'a', result.lower() or 'logged'))]
    lines.append(Markup('Duration: %s min %02d s') % (minutes, seconds))
    if vals.get('from_number'):
        lines.append(Markup('From: %s') % vals['from_number'])
    if vals.get('to_number'):
        lines.append(Markup('To: %s') % vals['to_number'])
    if vals.get('outcome'):
        lines.append(Markup('Outcome: %s') % _label(OUTCOMES, vals['outcome']))
    if vals.get('notes'):
        lines.append(Markup('Notes: %s') % vals['notes'])
    if vals.get('summary'):
        lines.append(Markup('Summary: %s') % vals['summary'])
    recording = vals.get('recording_url')
    if recording and re.match(r'^https?://', recording):
        lines.append(Markup('<a href="%s" target="_blank" rel="noopener">Recording</a>') % recording)
    return Markup('<br/>').join(lines)
