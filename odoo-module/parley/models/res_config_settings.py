import requests

from odoo import _, fields, models

from .connection import connection_verdict, me_url


class ResConfigSettings(models.TransientModel):
    _inherit = 'res.config.settings'

    parley_url = fields.Char(string='Parley URL', config_parameter='parley.url')
    parley_token = fields.Char(string='Parley API token', config_parameter='parley.token')

    def action_parley_test_connection(self):
        """Asks Parley who the token belongs to (GET /api/me) and says so in a notification."""
        self.ensure_one()
        url, token = self.parley_url, self.parley_token
        if not url or not token:
            kind, message = 'warning', _('Fill in the Parley URL and API token first.')
        else:
            try:
                response = requests.get(
                    me_url(url), headers={'Authorization': 'Bearer %s' % token}, timeout=10
                )
                body = response.json() if response.headers.get('content-type', '').startswith('application/json') else {}
                kind, message = connection_verdict(response.status_code, body)
            except requests.RequestException as error:
                kind, message = 'danger', _('Parley cannot be reached at %s: %s') % (url, error)
        return {
            'type': 'ir.actions.client',
            'tag': 'display_notification',
            'params': {'title': _('Parley'), 'message': message, 'type': kind, 'sticky': kind != 'success'},
        }
