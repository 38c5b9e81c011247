"""The addon's pure helpers, run without Odoo: what upsert_calls accepts, what it writes again,
the chatter note it posts, the caller matching of the screen pop, the settings' connection test."""

import unittest
from datetime import datetime

from markupsafe import Markup

from .addon import load_helper

values = load_helper('models/call_values.py')
phone = load_helper('models/phone_match.py')
connection = load_helper('models/connection.py')

CALL = {
    'call_id': 'CA1',
    'partner_id': 12,
    'user_id': 2,
    'direction': 'inbound',
    'started_at': '2026-11-02 09:15:00',
    'duration': 125,
    'result': 'answered',
    'from_number': '+33612345678',
    'to_number': '+33199000000',
    'outcome': 'callback',
    'notes': False,
}


class CleanCallValsTest(unittest.TestCase):
    def test_a_full_call_passes_unchanged(self):
        self.assertEqual(values.clean_call_vals(CALL), (CALL, None))

    def test_refusals_name_the_call_and_say_why(self):
        cases = [
            ({**CALL, 'outcome': 'nope'}, "Wrong value for parley.call.outcome: 'nope'"),
            ({**CALL, 'direction': 'sideways'}, 'Wrong value for parley.call.direction'),
            ({**CALL, 'started_at': '2026-11-02T09:15:00Z'}, "started_at must be 'YYYY-MM-DD HH:MM:SS'"),
            ({**CALL, 'duration': -1}, 'duration must be a number of seconds'),
            ({**CALL, 'duration': True}, 'duration must be a number of seconds'),
            ({**CALL, 'partner_id': '12'}, 'partner_id must be a record id'),
            ({**CALL, 'notes': 3}, 'notes must be text'),
            ({**CALL, 'colour': 'red'}, 'Unknown parley.call field(s): colour.'),
        ]
        for vals, message in cases:
            with self.subTest(message=message):
                clean, refused = values.clean_call_vals(vals)
                self.assertIsNone(clean)
                self.assertEqual((refused['call_id'], refused['error']), ('CA1', 'invalid'))
                self.assertIn(message, refused['message'])

    def test_a_call_without_call_id_or_not_a_dict_is_invalid(self):
        for vals in ({**CALL, 'call_id': ''}, {'duration': 3}, ['CA1']):
            clean, refused = values.clean_call_vals(vals)
            self.assertIsNone(clean)
            self.assertEqual(refused['error'], 'invalid')
            self.assertEqual(refused['call_id'], '')

    def test_refusals_hold_no_none_for_xml_rpc(self):
        import xmlrpc.client

        _clean, refused = values.clean_call_vals({'call_id': None})
        xmlrpc.client.dumps(([refused],), methodresponse=True, allow_none=False)


class UpsertFieldsTest(unittest.TestCase):
    def test_every_field_of_parley_call_and_no_other_is_upserted(self):
        from .addon import addon_models

        model_fields = set(addon_models()['parley.call']['fields'])
        self.assertEqual(set(values.UPSERT_FIELDS), model_fields)
        typed = {'call_id', 'started_at', 'duration'} | set(values.MANY2ONE_FIELDS) | set(values.SELECTIONS)
        self.assertEqual(set(values.UPSERT_FIELDS), typed | set(values.TEXT_FIELDS))


class ChangedValsTest(unittest.TestCase):
    def test_a_resent_call_changes_nothing(self):
        started = datetime(2026, 11, 2, 9, 15)
        held = {**CALL, 'partner_id': (12, 'Alice'), 'user_id': (2, 'Mitchell'), 'notes': False, 'started_at': started}
        self.assertEqual(values.changed_vals(held, CALL), {})

    def test_only_the_new_values_are_written(self):
        held = {**CALL, 'partner_id': (12, 'Alice'), 'user_id': False, 'notes': False}
        later = {**CALL, 'notes': 'Wants a quote', 'user_id': 2}
        self.assertEqual(values.changed_vals(held, later), {'notes': 'Wants a quote', 'user_id': 2})


class ChatterBodyTest(unittest.TestCase):
    def test_markup_keeps_its_tags_and_escapes_the_values(self):
        body = values.chatter_body({**CALL, 'notes': '<script>alert(1)</script> & co'})
        self.assertIsInstance(body, Markup)
        self.assertIn('<b>Parley: inbound call, answered</b>', body)
        self.assertIn('Duration: 2 min 05 s', body)
        self.assertIn('Outcome: Call back', body)
        self.assertIn('&lt;script&gt;alert(1)&lt;/script&gt; &amp; co', body)
        self.assertNotIn('<script>', body)

    def test_a_recording_link_only_for_http_urls(self):
        linked = values.chatter_body({**CALL, 'recording_url': 'https://p.example/r/1?a=1&b=2'})
        self.assertIn('<a href="https://p.example/r/1?a=1&amp;b=2"', linked)
        self.assertNotIn('<a', values.chatter_body({**CALL, 'recording_url': 'javascript:alert(1)'}))


class PhoneMatchTest(unittest.TestCase):
    def test_the_same_line_whatever_the_format(self):
        for stored in ('+33 6 12 34 56 78', '06.12.34.56.78', '0033612345678', '(06) 12-34-56-78'):
            with self.subTest(stored=stored):
                self.assertTrue(phone.same_line(stored, '+33612345678'))
        self.assertFalse(phone.same_line('06 12 34 56 79', '+33612345678'))
        self.assertFalse(phone.same_line(False, '+33612345678'))

    def test_the_search_pattern_allows_any_separator(self):
        self.assertEqual(phone.significant_digits('+33 6 12 34 56 78'), '612345678')
        self.assertEqual(phone.like_pattern('612'), '%6%1%2')
        self.assertEqual(phone.significant_digits('12'), '')

    def test_people_rank_before_companies_then_oldest_first(self):
        ranked = phone.rank_partners(
            [{'id': 9, 'is_company': True}, {'id': 7, 'is_company': False}, {'id': 3, 'is_company': False}]
        )
        self.assertEqual([partner['id'] for partner in ranked], [3, 7, 9])


class ConnectionVerdictTest(unittest.TestCase):
    def test_names_the_member_and_account_on_success(self):
        kind, message = connection.connection_verdict(
            200, {'member': {'name': 'Ada Lovelace'}, 'account': {'name': 'Acme'}}
        )
        self.assertEqual((kind, message), ('success', 'Connected to Parley as Ada Lovelace (Acme).'))

    def test_a_refused_token_says_to_make_a_new_one(self):
        kind, message = connection.connection_verdict(401, {'error': {'code': 'unauthorized'}})
        self.assertEqual(kind, 'danger')
        self.assertIn('create a new API token', message)

    def test_other_answers_quote_parley(self):
        kind, message = connection.connection_verdict(503, {'error': {'message': 'Starting up'}})
        self.assertEqual((kind, message), ('danger', 'Parley answered 503: Starting up.'))

    def test_the_me_url_ignores_a_trailing_slash(self):
        self.assertEqual(connection.me_url('https://phone.example.com/'), 'https://phone.example.com/api/me')


if __name__ == '__main__':
    unittest.main()
