"""Reading the addon without Odoo: its files, its pure helper modules, its models as source."""

import ast
import importlib.util
from pathlib import Path

ADDON = Path(__file__).resolve().parent.parent / 'parley'
RELATIONAL = {'Many2one', 'One2many', 'Many2many'}


def load_helper(relative):
    """A helper module of the addon by path: importing the package would import Odoo."""
    path = ADDON / relative
    spec = importlib.util.spec_from_file_location('parley_' + path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _string_value(node):
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.List) and node.elts and isinstance(node.elts[0], ast.Constant):
        return node.elts[0].value
    return None


def addon_models():
    """{model: {'new': bool, 'fields': {name: (type, comodel)}, 'methods': {name: [args]}, 'decorators': {...}}}"""
    models = {}
    for path in sorted((ADDON / 'models').glob('*.py')):
        for node in ast.walk(ast.parse(path.read_text())):
            if not isinstance(node, ast.ClassDef):
                continue
            attrs = {}
            for item in node.body:
                if isinstance(item, ast.Assign) and len(item.targets) == 1 and isinstance(item.targets[0], ast.Name):
                    attrs[item.targets[0].id] = item.value
            name = _string_value(attrs.get('_name')) or _string_value(attrs.get('_inherit'))
            if not name:
                continue
            model = models.setdefault(name, {'new': False, 'fields': {}, 'methods': {}, 'decorators': {}, 'file': path})
            model['new'] = model['new'] or '_name' in attrs
            for field, value in attrs.items():
                call = value
                if (
                    isinstance(call, ast.Call)
                    and isinstance(call.func, ast.Attribute)
                    and isinstance(call.func.value, ast.Name)
                    and call.func.value.id == 'fields'
                ):
                    kind = call.func.attr
                    comodel = _string_value(call.args[0]) if kind in RELATIONAL and call.args else None
                    model['fields'][field] = (kind, comodel)
            for item in node.body:
                if isinstance(item, ast.FunctionDef):
                    model['methods'][item.name] = [arg.arg for arg in item.args.args]
                    model['decorators'][item.name] = [ast.unparse(d) for d in item.decorator_list]
    return models
