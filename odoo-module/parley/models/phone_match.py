"""Matching a caller's number to partners, without Odoo (used by res.partner.parley_find_partner).

The addon depends on base, mail and contacts only, so `phone_sanitized` and
`phone_mobile_search` (module `sms`) may be missing: the search is an `=ilike` on the
last digits with any separators between them, and every hit is re-checked here.
"""

import re

# Nine trailing digits leave the trunk prefix (0, +33, 0033) out of the comparison.
SIGNIFICANT_DIGITS = 9


def digits_of(number):
    return re.sub(r'\D', '', number or '')


def significant_digits(number):
    """The last digits identifying a line, or '' when too short to search (Odoo refuses < 3)."""
    digits = digits_of(number)[-SIGNIFICANT_DIGITS:]
    return digits if len(digits) >= 3 else ''


def like_pattern(digits):
    """`%0%6%1…`: matches the digits whatever the spaces, dots or dashes typed between them."""
    return '%' + '%'.join(digits)


def same_line(stored, number):
    """Whether a stored phone (as typed) and the caller's number are the same line."""
    wanted = significant_digits(number)
    return bool(wanted) and digits_of(stored).endswith(wanted)


def rank_partners(partners):
    """People before companies (a switchboard), then the oldest record: the screen pop opens the first.

    `partners` are dicts with `id` and `is_company`.
    """
    return sorted(partners, key=lambda partner: (bool(partner['is_company']), partner['id']))
