// The package's metadata, checked without an org: every XML file parses as the metadata type its
// name says, and everything that names a field (permission sets, Apex SOQL, LWC schema imports,
// the connector's writes) names one the package or the standard objects define.
const { describe, it } = require('node:test');
const assert = require('node:assert/strict');
const { readdirSync, readFileSync } = require('node:fs');
const path = require('node:path');
const { XMLParser, XMLValidator } = require('fast-xml-parser');

const ROOT = path.join(__dirname, '..');
const SOURCE = path.join(ROOT, 'force-app/main/default');
const REPO = path.join(ROOT, '..');
const METADATA_NS = 'http://soap.sforce.com/2006/04/metadata';

/** The standard fields this package reads or grants (Salesforce object reference: Task, Contact, Lead, Account). */
const STANDARD_FIELDS = {
  Task: [
    'Id',
    'Subject',
    'Description',
    'CallType',
    'CallDurationInSeconds',
    'CallDisposition',
    'CallObject',
    'ActivityDate',
    'CreatedDate',
    'WhoId',
    'WhatId',
    'AccountId',
    'OwnerId',
    'Owner.Name',
    'Status',
    'TaskSubtype',
    'Type',
    'Priority',
  ],
  Contact: [
    'Id',
    'Name',
    'FirstName',
    'LastName',
    'AccountId',
    'Email',
    'Phone',
    'MobilePhone',
    'HomePhone',
    'OtherPhone',
    'AssistantPhone',
  ],
  Lead: ['Id', 'Name', 'FirstName', 'LastName', 'Company', 'Email', 'Phone', 'MobilePhone', 'Status'],
  Account: ['Id', 'Name', 'Phone'],
};

/** File suffix → the root element a file of that metadata type has. */
const ROOT_ELEMENTS = {
  '.callCenter-meta.xml': 'CallCenter',
  '.field-meta.xml': 'CustomField',
  '.permissionset-meta.xml': 'PermissionSet',
  '.cspTrustedSite-meta.xml': 'CspTrustedSite',
  '.messageChannel-meta.xml': 'LightningMessageChannel',
  '.cls-meta.xml': 'ApexClass',
  '.js-meta.xml': 'LightningComponentBundle',
  '.labels-meta.xml': 'CustomLabels',
  '.translation-meta.xml': 'Translations',
};

function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === '__tests__' ? [] : filesUnder(full);
    return [full];
  });
}

const ALL_FILES = filesUnder(SOURCE);
const XML_FILES = ALL_FILES.filter((file) => file.endsWith('.xml'));
const parser = new XMLParser({ ignoreAttributes: false, parseTagValue: false });
const parse = (file) => parser.parse(readFileSync(file, 'utf8'));
const list = (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const relative = (file) => path.relative(ROOT, file);

/** Custom fields by object, from objects/<Object>/fields/<Field>.field-meta.xml. */
const CUSTOM_FIELDS = {};
for (const file of XML_FILES.filter((f) => f.endsWith('.field-meta.xml'))) {
  const object = path.basename(path.dirname(path.dirname(file)));
  CUSTOM_FIELDS[object] ??= {};
  CUSTOM_FIELDS[object][path.basename(file, '.field-meta.xml')] = parse(file).CustomField;
}

function isDefined(object, field) {
  return (STANDARD_FIELDS[object] ?? []).includes(field) || Boolean(CUSTOM_FIELDS[object]?.[field]);
}

function undefinedFields(references) {
  return references
    .filter(({ object, field }) => !isDefined(object, field))
    .map((r) => `${r.object}.${r.field} (${r.where})`);
}

describe('every metadata XML file', () => {
  it('is well-formed and has the root element and namespace of its metadata type', () => {
    assert.ok(XML_FILES.length >= 10, `only ${XML_FILES.length} XML files found under ${SOURCE}`);
    for (const file of XML_FILES) {
      const valid = XMLValidator.validate(readFileSync(file, 'utf8'));
      assert.equal(valid, true, `${relative(file)}: ${JSON.stringify(valid)}`);
      const suffix = Object.keys(ROOT_ELEMENTS).find((s) => file.endsWith(s));
      assert.ok(suffix, `${relative(file)}: not a metadata type this test knows`);
      const rootElement = parse(file)[ROOT_ELEMENTS[suffix]];
      assert.ok(rootElement, `${relative(file)}: the root element is not <${ROOT_ELEMENTS[suffix]}>`);
      assert.equal(rootElement['@_xmlns'], METADATA_NS, `${relative(file)}: wrong namespace`);
    }
  });

  it('names each custom field as its file does', () => {
    for (const [object, fields] of Object.entries(CUSTOM_FIELDS)) {
      for (const [name, field] of Object.entries(fields))
        assert.equal(field.fullName, name, `${object}/${name}`);
    }
  });
});

describe('field references', () => {
  it('permission sets grant only fields that exist, and only Apex classes the package has', () => {
    const classes = ALL_FILES.filter((f) => f.endsWith('.cls')).map((f) => path.basename(f, '.cls'));
    const references = [];
    for (const file of XML_FILES.filter((f) => f.endsWith('.permissionset-meta.xml'))) {
      const set = parse(file).PermissionSet;
      for (const permission of list(set.fieldPermissions)) {
        const [object, field] = permission.field.split('.');
        references.push({ object, field, where: relative(file) });
      }
      for (const access of list(set.classAccesses))
        assert.ok(classes.includes(access.apexClass), access.apexClass);
    }
    assert.ok(references.length > 0);
    assert.deepEqual(undefinedFields(references), []);
  });

  it('Apex queries select and filter on fields that exist', () => {
    const references = [];
    for (const file of ALL_FILES.filter((f) => f.endsWith('.cls'))) {
      const source = readFileSync(file, 'utf8');
      for (const [, select, object, rest] of source.matchAll(
        /SELECT\s+([\s\S]+?)\s+FROM\s+(\w+)([\s\S]*?)\]/gi,
      )) {
        const fields = select.split(',').map((f) => f.trim());
        const filtered = [...rest.matchAll(/\b([A-Za-z_.]+)\s*(?:!=|=)/g)].map(([, f]) => f);
        for (const field of [...fields, ...filtered])
          references.push({ object, field, where: relative(file) });
      }
    }
    assert.ok(references.length > 0, 'no SOQL found in the Apex classes');
    assert.deepEqual(undefinedFields(references), []);
  });

  it('LWC schema imports name fields that exist, on record pages of objects that exist', () => {
    const references = [];
    for (const file of ALL_FILES.filter((f) => /\/lwc\/\w+\/\w+\.js$/.test(f))) {
      for (const [, object, field] of readFileSync(file, 'utf8').matchAll(
        /@salesforce\/schema\/(\w+)\.([\w.]+)'/g,
      ))
        references.push({ object, field, where: relative(file) });
    }
    for (const file of XML_FILES.filter((f) => f.endsWith('.js-meta.xml'))) {
      for (const config of list(parse(file).LightningComponentBundle.targetConfigs?.targetConfig)) {
        for (const object of list(config.objects?.object))
          assert.ok(STANDARD_FIELDS[object], `${relative(file)}: ${object}`);
      }
    }
    assert.ok(references.length > 0);
    assert.deepEqual(undefinedFields(references), []);
  });

  it('defines, on the same object, every custom field the Salesforce connector writes', () => {
    // connectors/salesforce/emulator/model.ts is the connector's spec of the objects it writes.
    const model = readFileSync(path.join(REPO, 'connectors/salesforce/emulator/model.ts'), 'utf8');
    const written = [];
    for (const [, object, body] of model.matchAll(
      /const (\w+)Writable = z\.strictObject\(\{([\s\S]*?)\}\);/g,
    )) {
      for (const [, field] of body.matchAll(/\b(\w+__c):/g))
        written.push({ object, field, where: 'the connector' });
    }
    assert.deepEqual(
      written.map((w) => `${w.object}.${w.field}`),
      [
        'Task.Parley_Call_Id__c',
        'Task.Parley_Recording_Url__c',
        'Task.Parley_Summary__c',
        'Contact.Parley_Contact_Id__c',
      ],
    );
    assert.deepEqual(undefinedFields(written), []);
    // And no custom field appears in the connector's code without being in its model.
    const code = readdirSync(path.join(REPO, 'connectors/salesforce'))
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .map((f) => readFileSync(path.join(REPO, 'connectors/salesforce', f), 'utf8'))
      .join('\n');
    const named = new Set([...code.matchAll(/\b(\w+__c)\b/g)].map(([, field]) => field));
    for (const field of named)
      assert.ok(
        written.some((w) => w.field === field),
        `${field} is written but not modelled`,
      );
  });

  it('makes the ids Parley upserts on external ids that are unique', () => {
    for (const [object, field] of [
      ['Task', 'Parley_Call_Id__c'],
      ['Contact', 'Parley_Contact_Id__c'],
    ]) {
      const definition = CUSTOM_FIELDS[object]?.[field];
      assert.ok(definition, `${object}.${field} is not defined`);
      assert.equal(definition.externalId, 'true', `${object}.${field} externalId`);
      assert.equal(definition.unique, 'true', `${object}.${field} unique`);
    }
  });
});

describe('the softphone wiring', () => {
  const callCenter = parse(path.join(SOURCE, 'callCenters/ParleyCallCenter.callCenter-meta.xml')).CallCenter;
  const items = Object.fromEntries(
    list(callCenter.sections).flatMap((section) =>
      list(section.items).map((item) => [item.name, item.value]),
    ),
  );

  it('points the call center at the dialer with the Salesforce host bridge, for Lightning', () => {
    const adapter = new URL(callCenter.adapterUrl);
    assert.equal(adapter.protocol, 'https:', 'Lightning needs an https adapter URL');
    assert.equal(`${adapter.pathname}${adapter.search}`, '/dialer?host=salesforce');
    assert.equal(items.reqAdapterUrl, callCenter.adapterUrl);
    assert.equal(items.reqUseApi, 'true');
    assert.ok(['Lightning', 'Classic_and_Lightning'].includes(items.reqSalesforceCompatibilityMode));
    assert.ok(Number(items.reqSoftphoneWidth) >= 300 && Number(items.reqSoftphoneHeight) >= 500);
    const custom = JSON.parse(callCenter.customSettings);
    for (const [name, value] of Object.entries(custom))
      assert.equal(items[name], value, `customSettings ${name}`);
  });

  it('trusts the same Parley origin the call center frames, with the microphone and media', () => {
    const file = XML_FILES.find((f) => f.endsWith('.cspTrustedSite-meta.xml'));
    const site = parse(file).CspTrustedSite;
    assert.equal(site.endpointUrl, new URL(callCenter.adapterUrl).origin);
    assert.equal(site.isApplicableToFrameSrc, 'true');
    assert.equal(site.isApplicableToMediaSrc, 'true');
    assert.equal(site.canAccessMicrophone, 'true');
  });

  it('publishes on the message channel the package ships and the dialer subscribes to', () => {
    const channels = XML_FILES.filter((f) => f.endsWith('.messageChannel-meta.xml')).map(
      (f) => `${path.basename(f, '.messageChannel-meta.xml')}__c`,
    );
    const component = readFileSync(path.join(SOURCE, 'lwc/parleyClickToCall/parleyClickToCall.js'), 'utf8');
    const used = component.match(/@salesforce\/messageChannel\/(\w+)'/)?.[1];
    assert.ok(channels.includes(used), `${used} is not one of ${channels}`);
    const bridge = readFileSync(path.join(REPO, 'web/src/dialer/hosts/salesforce.ts'), 'utf8');
    assert.equal(bridge.match(/SOFTPHONE_CHANNEL = '(\w+)'/)?.[1], used);
  });

  it('has an English label and a French translation for every label a component imports', () => {
    const labels = list(
      parse(path.join(SOURCE, 'labels/CustomLabels.labels-meta.xml')).CustomLabels.labels,
    ).map((l) => l.fullName);
    const french = list(
      parse(path.join(SOURCE, 'translations/fr.translation-meta.xml')).Translations.customLabels,
    ).map((l) => l.name);
    const imported = ALL_FILES.filter((f) => /\/lwc\/\w+\/\w+\.js$/.test(f)).flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(/@salesforce\/label\/c\.(\w+)'/g)].map(([, name]) => name),
    );
    assert.ok(imported.length > 0);
    for (const name of imported) assert.ok(labels.includes(name), `label ${name} is not defined`);
    assert.deepEqual(
      [...french].sort(),
      [...labels].sort(),
      'every label has its French translation, and only those',
    );
  });
});
