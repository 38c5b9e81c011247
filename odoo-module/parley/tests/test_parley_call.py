from markupsafe import Markup

from odoo.tests import TransactionCase, tagged


@tagged('post_install', '-at_install')
class TestParleyCall(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.partner = cls.env['res.partner'].create({'name': 'Alice Martin', 'phone': '+33 6 12 34 56 78'})
        cls.calls = cls.env['parley.call']

    def vals(self, **extra):
        return dict(
            {
                'call_id': 'CA-test-1',
                'partner_id': self.partner.id,
                'direction': 'inbound',
                'started_at': '2026-11-02 09:15:00',
                'duration': 42,
                'result': 'answered',
                'from_number': '+33612345678',
                'to_number': '+33199000000',
            },
            **extra,
        )

    def test_upsert_creates_then_updates_the_same_record(self):
        [first] = self.calls.upsert_calls([self.vals()])
        [again] = self.calls.upsert_calls([self.vals(notes='Wants a quote', summary='Pricing')])
        self.assertEqual(again, {'call_id': 'CA-test-1', 'id': first['id']})
        call = self.calls.browse(first['id'])
        self.assertEqual(self.calls.search_count([('call_id', '=', 'CA-test-1')]), 1)
        self.assertEqual((call.notes, call.summary, call.duration), ('Wants a quote', 'Pricing', 42))

    def test_one_bad_call_fails_alone(self):
        gone = self.env['res.partner'].create({'name': 'Gone'})
        gone_id = gone.id
        gone.unlink()
        results = self.calls.upsert_calls(
            [self.vals(call_id='A'), self.vals(call_id='B', partner_id=gone_id), self.vals(call_id='C', outcome='nope')]
        )
        self.assertIn('id', results[0])
        self.assertEqual(results[1]['error'], 'not_found')
        self.assertEqual(results[2]['error'], 'invalid')
        self.assertIn('Wrong value for parley.call.outcome', results[2]['message'])
        self.assertEqual(self.calls.search([]).mapped('call_id'), ['A'])

    def test_logging_a_call_posts_markup_on_the_partner(self):
        self.calls.upsert_calls([self.vals(notes='<script>x</script> & co')])
        message = self.partner.message_ids[0]
        self.assertIsInstance(message.body, Markup)
        self.assertIn('<b>Parley: inbound call, answered</b>', message.body)
        self.assertIn('&lt;script&gt;', message.body)
        # A re-sent call does not post again.
        self.calls.upsert_calls([self.vals(notes='<script>x</script> & co')])
        self.assertEqual(len(self.partner.message_ids.filtered(lambda m: 'Parley:' in m.body)), 1)

    def test_smart_button_counts_and_opens_the_partner_calls(self):
        self.calls.upsert_calls([self.vals(call_id='X1'), self.vals(call_id='X2')])
        self.partner.invalidate_recordset(['parley_call_count'])
        self.assertEqual(self.partner.parley_call_count, 2)
        action = self.partner.action_view_parley_calls()
        self.assertEqual(action['domain'], [('partner_id', '=', self.partner.id)])

    def test_finds_the_partner_a_number_calls_from(self):
        partners = self.env['res.partner']
        self.assertEqual(partners.parley_find_partner('+33612345678'), self.partner.id)
        self.assertFalse(partners.parley_find_partner('+33755555555'))

    def test_call_button_hands_the_number_to_the_dialer(self):
        action = self.partner.action_parley_call()
        self.assertEqual(action, {'type': 'ir.actions.client', 'tag': 'parley.dial', 'params': {'number': '+33 6 12 34 56 78'}})

    def test_upsert_over_rpc_returns_marshallable_values(self):
        import xmlrpc.client

        results = self.calls.upsert_calls([self.vals()])
        # Odoo answers XML-RPC with allow_none=False (research/odoo.md §0.4).
        xmlrpc.client.dumps((results,), methodresponse=True, allow_none=False)
