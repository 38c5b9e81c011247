from odoo import _, api, fields, models

from .phone_match import like_pattern, rank_partners, same_line, significant_digits


class ResPartner(models.Model):
    _inherit = 'res.partner'

    parley_call_ids = fields.One2many('parley.call', 'partner_id', string='Parley calls')
    parley_call_count = fields.Integer(string='Calls', compute='_compute_parley_call_count')

    @api.depends('parley_call_ids')
    def _compute_parley_call_count(self):
        counts = {
            partner.id: count
            for partner, count in self.env['parley.call']._read_group(
                [('partner_id', 'in', self.ids)], ['partner_id'], ['__count']
            )
        }
        for partner in self:
            partner.parley_call_count = counts.get(partner.id, 0)

    def action_view_parley_calls(self):
        self.ensure_one()
        return {
            'type': 'ir.actions.act_window',
            'name': _('Calls'),
            'res_model': 'parley.call',
            'view_mode': 'tree,form',
            'domain': [('partner_id', '=', self.id)],
            'context': {'default_partner_id': self.id},
        }

    def action_parley_call(self):
        """The form's "Call" button: hands the number to the systray dialer (client action `parley.dial`)."""
        self.ensure_one()
        number = self.mobile or self.phone
        if not number:
            return {
                'type': 'ir.actions.client',
                'tag': 'display_notification',
                'params': {'message': _('This contact has no phone number.'), 'type': 'warning'},
            }
        return {'type': 'ir.actions.client', 'tag': 'parley.dial', 'params': {'number': number}}

    @api.model
    def parley_find_partner(self, number):
        """The partner to open when `number` calls (screen pop): its id, or False."""
        digits = significant_digits(number)
        if not digits:
            return False
        pattern = like_pattern(digits)
        found = self.search_read(
            ['|', ('phone', '=ilike', pattern), ('mobile', '=ilike', pattern)],
            ['phone', 'mobile', 'is_company'],
            limit=50,
        )
        matches = [row for row in found if same_line(row['phone'], number) or same_line(row['mobile'], number)]
        return rank_partners(matches)[0]['id'] if matches else False
