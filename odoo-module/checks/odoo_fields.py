"""What the addon relies on from its declared dependencies (base, mail, contacts), with where each
is defined in the Odoo 17.0 source (https://github.com/odoo/odoo/tree/17.0). The structural check
accepts a model, field, view, menu, group or widget only from the addon or from this list, so the
list must stay small and every entry sourced."""

# model -> {field: comodel or None}
DEPENDENCY_FIELDS = {
    # odoo/addons/base/models/res_partner.py (phone, mobile: class Partner; the fields are plain Char)
    'res.partner': {'name': None, 'phone': None, 'mobile': None, 'is_company': None},
    # odoo/addons/base/models/res_users.py
    'res.users': {'name': None, 'login': None},
    # odoo/addons/base/models/res_config.py (class ResConfigSettings, a TransientModel with no own fields used here)
    'res.config.settings': {},
    # odoo/addons/base/models/ir_config_parameter.py
    'ir.config_parameter': {'key': None, 'value': None},
    # odoo/addons/base/models/ir_ui_view.py
    'ir.ui.view': {'name': None, 'model': None, 'inherit_id': 'ir.ui.view', 'arch': None, 'priority': None},
    # odoo/addons/base/models/ir_actions.py (class IrActionsActWindow)
    'ir.actions.act_window': {
        'name': None, 'res_model': None, 'view_mode': None, 'target': None, 'context': None, 'help': None,
    },
}

# Fields every model of the addon gets from `_inherit = ['mail.thread']`: addons/mail/models/mail_thread.py
MAIL_THREAD_FIELDS = {'message_follower_ids': 'mail.followers', 'message_ids': 'mail.message'}

# Fields every model has: odoo/models.py (BaseModel, LOG_ACCESS_COLUMNS and `id`, `display_name`)
MAGIC_FIELDS = {'id': None, 'display_name': None, 'create_date': None, 'write_date': None,
                'create_uid': 'res.users', 'write_uid': 'res.users'}

# Views the addon inherits: odoo/addons/base/views/res_partner_views.xml (view_partner_form, with
# <div class="oe_button_box" name="button_box"> and a <notebook>), odoo/addons/base/views/res_config_settings_views.xml
DEPENDENCY_VIEWS = {'base.view_partner_form': 'res.partner', 'base.res_config_settings_view_form': 'res.config.settings'}

# Menus the addon hangs its own under: addons/contacts/views/contact_views.xml
DEPENDENCY_MENUS = {'contacts.menu_contacts', 'contacts.res_partner_menu_config'}

# odoo/addons/base/security/base_groups.xml
DEPENDENCY_GROUPS = {'base.group_user', 'base.group_system', 'base.group_no_one'}

# Field widgets: addons/web/static/src/views/fields/{stat_info,url}/ ('statinfo', 'url'),
# addons/mail/static/src/views/web/fields/many2one_avatar_user_field/ ('many2one_avatar_user')
DEPENDENCY_WIDGETS = {'statinfo', 'url', 'many2one_avatar_user'}

# OWL templates the addon extends: addons/web/static/src/views/fields/phone/phone_field.xml
DEPENDENCY_TEMPLATES = {'web.PhoneField', 'web.FormPhoneField'}

# JS modules the addon imports: addons/web/static/src/** (module name = @web/<path>), and OWL.
DEPENDENCY_JS = {
    '@odoo/owl',
    '@web/core/l10n/translation',
    '@web/core/registry',
    '@web/core/utils/hooks',
    '@web/core/utils/patch',
    '@web/session',
    '@web/views/fields/phone/phone_field',
}

