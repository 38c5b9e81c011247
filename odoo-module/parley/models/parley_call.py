import logging

from psycopg2 import errors

from odoo import api, fields, models

from .call_values import DIRECTIONS, OUTCOMES, RESULTS, chatter_body, changed_vals, clean_call_vals, refusal

_logger = logging.getLogger(__name__)

UNIQUE_CALL_ID = 'parley_call_call_id_uniq'


class ParleyCall(models.Model):
    _name = 'parley.call'
    _description = 'Parley call'
    _inherit = ['mail.thread']
    _order = 'started_at desc, id desc'
    _rec_name = 'call_id'

    call_id = fields.Char(string='Call', required=True, index=True, copy=False, readonly=True)
    partner_id = fields.Many2one('res.partner', string='Contact', index=True, ondelete='set null', tracking=True)
    user_id = fields.Many2one('res.users', string='User', ondelete='set null')
    direction = fields.Selection(DIRECTIONS, string='Direction')
    from_number = fields.Char(string='From')
    to_number = fields.Char(string='To')
    started_at = fields.Datetime(string='Started at')
    duration = fields.Integer(string='Duration (s)')
    result = fields.Selection(RESULTS, string='Result')
    outcome = fields.Selection(OUTCOMES, string='Outcome', tracking=True)
    disposition = fields.Char(string='Disposition')
    recording_url = fields.Char(string='Recording')
    transcript = fields.Text(string='Transcript')
    summary = fields.Text(string='AI summary')
    notes = fields.Text(string='Notes')

    _sql_constraints = [
        ('call_id_uniq', 'unique(call_id)', 'A call with this call_id already exists.'),
    ]

    @api.model
    def parley_dialer_settings(self):
        """What the systray needs to frame the dialer: [Parley URL or False]. The token stays server-side."""
        return [self.env['ir.config_parameter'].sudo().get_param('parley.url') or False]

    @api.model
    def upsert_calls(self, calls):
        """Create or update calls by `call_id`: what Parley's connector calls over XML-RPC.

        `calls` is a list of dicts of the fields in `call_values.UPSERT_FIELDS`. Returns one dict
        per call, in order: `{'call_id', 'id'}` when logged, `{'call_id', 'error', 'message'}` when
        refused (`error` is `invalid` or `not_found`), so one bad call fails alone. Never None:
        XML-RPC cannot marshal it (research/odoo.md §0.4).
        """
        if not isinstance(calls, list):
            calls = [calls]
        return [self._upsert_one(vals) for vals in calls]

    def _upsert_one(self, vals):
        clean, refused = clean_call_vals(vals)
        if refused:
            return refused
        call_id = clean['call_id']
        for field, model, label in (('partner_id', 'res.partner', 'contact'), ('user_id', 'res.users', 'user')):
            target = clean.get(field)
            if target and not self.env[model].with_context(active_test=False).browse(target).exists():
                return refusal(
                    call_id, 'not_found', 'The Odoo %s %s no longer exists (deleted in Odoo?).' % (label, target)
                )
        call = self.search([('call_id', '=', call_id)], limit=1)
        if call:
            self._update(call, clean)
            return {'call_id': call_id, 'id': call.id}
        try:
            with self.env.cr.savepoint():
                call = self.create(clean)
        except errors.UniqueViolation as error:
            if error.diag.constraint_name != UNIQUE_CALL_ID:
                raise
            self._replay_after_race(call_id)
            call = self.search([('call_id', '=', call_id)], limit=1)
            self._update(call, clean)
            return {'call_id': call_id, 'id': call.id}
        self._post_on_partner(call, clean)
        return {'call_id': call_id, 'id': call.id}

    def _update(self, call, clean):
        before = call.partner_id
        changed = changed_vals(call.read(list(clean))[0], clean)
        if changed:
            call.write(changed)
        if call.partner_id and call.partner_id != before:
            self._post_on_partner(call, clean)

    def _replay_after_race(self, call_id):
        """Another transaction committed this call_id after ours began. Odoo runs RPC in
        REPEATABLE READ, so this transaction can never see that row; probing it with
        ON CONFLICT makes PostgreSQL raise a serialization failure, which Odoo's `retrying`
        (odoo/service/model.py) answers by replaying the whole request on a fresh snapshot,
        where the search finds the row. Under READ COMMITTED the probe does nothing and the
        row is visible already."""
        _logger.info('parley.call %s was logged concurrently; replaying on a fresh snapshot', call_id)
        self.env.cr.execute(
            'INSERT INTO parley_call (call_id) VALUES (%s) ON CONFLICT (call_id) DO NOTHING',
            (call_id,),
        )

    def _post_on_partner(self, call, clean):
        if not call.partner_id:
            return
        call.partner_id.message_post(
            body=chatter_body(clean),
            message_type='comment',
            subtype_xmlid='mail.mt_note',
        )
