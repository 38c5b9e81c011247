{
    'name': 'Parley',
    'version': '17.0.1.0.0',
    'category': 'Productivity/Phone',
    'summary': 'Call from Odoo with Parley: click-to-dial, screen pop, calls logged on contacts',
    'description': 'Parley phone system inside Odoo: a dialer in the systray, click-to-dial on phone '
    'fields, the caller\'s contact opened on incoming calls, and every call logged on the contact.',
    'author': 'Parley',
    'license': 'LGPL-3',
    'depends': ['base', 'mail', 'contacts'],
    'data': [
        'security/ir.model.access.csv',
        'data/parley_data.xml',
        'views/parley_call_views.xml',
        'views/res_partner_views.xml',
        'views/res_config_settings_views.xml',
    ],
    'assets': {
        'web.assets_backend': [
            'parley/static/src/**/*',
        ],
    },
    'installable': True,
    'application': False,
}
