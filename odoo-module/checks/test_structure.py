"""The addon's manifest, data files, access rules, views and web assets hang together, and name
only models, fields, views, menus and groups the addon or its declared dependencies define."""

import ast
import csv
import re
import unittest
import xml.etree.ElementTree as ET

from .addon import ADDON, addon_models
from .odoo_fields import (
    DEPENDENCY_FIELDS,
    DEPENDENCY_GROUPS,
    DEPENDENCY_JS,
    DEPENDENCY_MENUS,
    DEPENDENCY_TEMPLATES,
    DEPENDENCY_VIEWS,
    DEPENDENCY_WIDGETS,
    MAGIC_FIELDS,
    MAIL_THREAD_FIELDS,
)

MANIFEST = ast.literal_eval((ADDON / '__manifest__.py').read_text())
MODELS = addon_models()
# ir.module.module.license selection, odoo/addons/base/models/ir_module.py
LICENSES = {'GPL-2', 'GPL-2 or any later version', 'GPL-3', 'GPL-3 or any later version', 'AGPL-3', 'LGPL-3',
            'Other OSI approved licence', 'OEEL-1', 'OPL-1', 'Other proprietary'}
QUOTED_FROM = r'from [\'"]([^\'"]+)[\'"]'
EXPRESSION_WORDS = {'not', 'and', 'or', 'True', 'False', 'None', 'context', 'parent', 'uid', 'in'}


def fields_of(model):
    known = dict(MAGIC_FIELDS)
    known.update(DEPENDENCY_FIELDS.get(model, {}))
    addon = MODELS.get(model)
    if addon:
        known.update({name: comodel for name, (_kind, comodel) in addon['fields'].items()})
        if addon['new']:
            known.update(MAIL_THREAD_FIELDS)
    return known


def known_model(model):
    return model in MODELS or model in DEPENDENCY_FIELDS


def data_files():
    return [ADDON / name for name in MANIFEST['data']]


def xml_records():
    for path in data_files():
        if path.suffix != '.xml':
            continue
        for record in ET.parse(path).getroot().iter('record'):
            yield path, record


def record_field(record, name):
    return next((field for field in record.findall('field') if field.get('name') == name), None)


def addon_ids():
    ids = {record.get('id') for _path, record in xml_records()}
    for path in data_files():
        if path.suffix == '.xml':
            ids.update(menu.get('id') for menu in ET.parse(path).getroot().iter('menuitem'))
    return ids


class ManifestTest(unittest.TestCase):
    def test_depends_on_base_mail_and_contacts_only(self):
        self.assertEqual(MANIFEST['depends'], ['base', 'mail', 'contacts'])

    def test_version_and_license_are_ones_odoo_17_accepts(self):
        # odoo/modules/module.py adapt_version: 17.0.x.y.z; 18.0 is not declared (not verified here).
        self.assertRegex(MANIFEST['version'], r'^17\.0\.\d+\.\d+\.\d+$')
        self.assertIn(MANIFEST['license'], LICENSES)
        self.assertTrue(MANIFEST['installable'])

    def test_every_data_file_exists_and_access_rules_load_first(self):
        for path in data_files():
            self.assertTrue(path.is_file(), path)
        self.assertEqual(MANIFEST['data'][0], 'security/ir.model.access.csv')

    def test_the_backend_bundle_takes_every_web_file(self):
        self.assertEqual(MANIFEST['assets'], {'web.assets_backend': ['parley/static/src/**/*']})
        self.assertTrue(list((ADDON / 'static/src').rglob('*.js')))


class XmlTest(unittest.TestCase):
    def test_every_xml_file_parses(self):
        paths = sorted(ADDON.rglob('*.xml'))
        self.assertGreaterEqual(len(paths), 6)
        for path in paths:
            with self.subTest(path=path.relative_to(ADDON)):
                ET.parse(path)

    def test_data_files_are_odoo_documents(self):
        for path in data_files():
            if path.suffix == '.xml':
                self.assertEqual(ET.parse(path).getroot().tag, 'odoo', path)


class AccessTest(unittest.TestCase):
    def rows(self):
        with (ADDON / 'security/ir.model.access.csv').open(newline='') as handle:
            return list(csv.DictReader(handle))

    def test_header_is_the_one_odoo_loads(self):
        with (ADDON / 'security/ir.model.access.csv').open() as handle:
            header = handle.readline().strip()
        self.assertEqual(header, 'id,name,model_id:id,group_id:id,perm_read,perm_write,perm_create,perm_unlink')

    def test_rules_name_addon_models_and_known_groups(self):
        external = {'model_' + name.replace('.', '_'): name for name, model in MODELS.items() if model['new']}
        for row in self.rows():
            with self.subTest(rule=row['id']):
                self.assertIn(row['model_id:id'], external)
                self.assertIn(row['group_id:id'], DEPENDENCY_GROUPS)
                for perm in ('perm_read', 'perm_write', 'perm_create', 'perm_unlink'):
                    self.assertIn(row[perm], {'0', '1'})

    def test_every_new_model_has_a_rule_for_internal_users(self):
        granted = {(row['model_id:id'], row['group_id:id']) for row in self.rows()}
        for name, model in MODELS.items():
            if model['new']:
                self.assertIn(('model_' + name.replace('.', '_'), 'base.group_user'), granted)


class ViewTest(unittest.TestCase):
    def check_arch(self, model, element, problems):
        for node in element.iter():
            if node is element:
                continue
            if node.tag == 'field':
                fields = fields_of(model)
                name = node.get('name')
                if name not in fields:
                    problems.append('%s has no field %s' % (model, name))
                    continue
                widget = node.get('widget')
                if widget and widget not in DEPENDENCY_WIDGETS:
                    problems.append('unknown widget %s' % widget)
                subviews = [child for child in node if child.tag in ('tree', 'form', 'kanban')]
                for subview in subviews:
                    self.check_arch(fields[name], subview, problems)
                for subview in subviews:
                    node.remove(subview)
            if node.tag == 'button' and node.get('type') == 'object':
                methods = MODELS.get(model, {}).get('methods', {})
                if node.get('name') not in methods:
                    problems.append('%s has no method %s' % (model, node.get('name')))
            for attribute in ('invisible', 'readonly', 'required'):
                for word in re.findall(r'[A-Za-z_][A-Za-z0-9_]*', node.get(attribute, '')):
                    if word not in EXPRESSION_WORDS and word not in fields_of(model) and not word.isdigit():
                        problems.append('%s: %s names %s, not a field' % (model, attribute, word))

    def test_views_name_only_known_models_fields_and_methods(self):
        problems = []
        views = [(path, record) for path, record in xml_records() if record.get('model') == 'ir.ui.view']
        self.assertGreaterEqual(len(views), 5)
        for _path, record in views:
            model = record_field(record, 'model').text
            if not known_model(model):
                problems.append('unknown model %s' % model)
                continue
            inherit = record_field(record, 'inherit_id')
            if inherit is not None:
                self.assertEqual(DEPENDENCY_VIEWS.get(inherit.get('ref')), model, record.get('id'))
            self.check_arch(model, record_field(record, 'arch'), problems)
        self.assertEqual(problems, [])

    def test_17_view_syntax(self):
        for _path, record in xml_records():
            arch = record_field(record, 'arch')
            if arch is None:
                continue
            for node in arch.iter():
                # ir_ui_view.py 17.0 rejects attrs/states; <list> is 18.0 (17.0 wants <tree>).
                self.assertNotIn('attrs', node.attrib, record.get('id'))
                self.assertNotIn('states', node.attrib, record.get('id'))
                self.assertNotEqual(node.tag, 'list', record.get('id'))

    def test_records_fill_only_known_fields_of_known_models(self):
        for _path, record in xml_records():
            model = record.get('model')
            with self.subTest(record=record.get('id')):
                self.assertTrue(known_model(model), model)
                for field in record.findall('field'):
                    self.assertIn(field.get('name'), fields_of(model))
                res_model = record_field(record, 'res_model')
                if res_model is not None:
                    self.assertTrue(known_model(res_model.text), res_model.text)

    def test_menus_open_addon_actions_under_known_menus(self):
        ids = addon_ids()
        for path in data_files():
            if path.suffix != '.xml':
                continue
            for menu in ET.parse(path).getroot().iter('menuitem'):
                with self.subTest(menu=menu.get('id')):
                    self.assertIn(menu.get('action'), ids)
                    self.assertTrue(menu.get('parent') in DEPENDENCY_MENUS or menu.get('parent') in ids)


class ModelTest(unittest.TestCase):
    def test_every_python_file_compiles(self):
        for path in sorted(ADDON.rglob('*.py')):
            with self.subTest(path=path.relative_to(ADDON)):
                compile(path.read_text(), str(path), 'exec')

    def test_every_model_file_is_imported(self):
        imported = set(re.findall(r'from \. import (\w+)', (ADDON / 'models/__init__.py').read_text()))
        defining = {path.stem for path in (ADDON / 'models').glob('*.py') if 'models.' in path.read_text()}
        self.assertTrue(defining <= imported, defining - imported)

    def test_the_upsert_is_public_and_takes_the_calls_list(self):
        call = MODELS['parley.call']
        # Private = ^(_.*|init)$ (odoo/models.py); @api.model: args = [calls], no ids (research/odoo.md §1.3).
        self.assertEqual(call['methods']['upsert_calls'], ['self', 'calls'])
        self.assertEqual(call['decorators']['upsert_calls'], ['api.model'])

    def test_relational_fields_point_at_known_models(self):
        for name, model in MODELS.items():
            for field, (_kind, comodel) in model['fields'].items():
                if comodel:
                    self.assertTrue(known_model(comodel), '%s.%s -> %s' % (name, field, comodel))


class WebAssetsTest(unittest.TestCase):
    def js_files(self):
        return sorted((ADDON / 'static/src').rglob('*.js'))

    def test_every_js_file_is_an_odoo_module(self):
        # odoo/tools/js_transpiler.py ODOO_MODULE_RE: without the header 17.0 does not transpile the file.
        for path in self.js_files():
            self.assertTrue(path.read_text().startswith('/** @odoo-module **/'), path)

    def test_imports_resolve_to_the_addon_or_known_modules(self):
        imports = [(path, module) for path in self.js_files() for module in re.findall(QUOTED_FROM, path.read_text())]
        self.assertGreaterEqual(len(imports), 10)
        for path, module in imports:
            with self.subTest(file=path.name, module=module):
                if module.startswith('@parley/'):
                    self.assertTrue((ADDON / 'static/src' / (module[len('@parley/'):] + '.js')).is_file())
                else:
                    self.assertIn(module, DEPENDENCY_JS)

    def test_templates_used_are_defined_or_extended_from_known_ones(self):
        defined, extended = set(), set()
        for path in (ADDON / 'static/src').rglob('*.xml'):
            for node in ET.parse(path).getroot().iter('t'):
                if node.get('t-name'):
                    defined.add(node.get('t-name'))
                if node.get('t-inherit'):
                    extended.add(node.get('t-inherit'))
                if node.get('t-call'):
                    self.assertIn(node.get('t-call'), defined | {n.get('t-name') for n in ET.parse(path).getroot()})
        self.assertTrue(extended <= DEPENDENCY_TEMPLATES, extended)
        used = [name for path in self.js_files() for name in re.findall(r'static template = [\'"]([^\'"]+)', path.read_text())]
        self.assertEqual(used, ['parley.Systray'])
        for template in used:
            self.assertIn(template, defined)

    def test_server_methods_the_web_client_calls_exist(self):
        calls = [
            found for path in self.js_files() for found in re.findall(r'orm\.call\([\'"]([\w.]+)[\'"], [\'"](\w+)', path.read_text())
        ]
        self.assertEqual(len(calls), 2)
        for model, method in calls:
            with self.subTest(call='%s.%s' % (model, method)):
                self.assertIn(method, MODELS[model]['methods'])
                self.assertEqual(MODELS[model]['decorators'][method], ['api.model'])


if __name__ == '__main__':
    unittest.main()
