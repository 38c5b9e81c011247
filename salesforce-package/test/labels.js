// Every custom label of the package resolves to its English value in LWC tests (sfdx-lwc-jest
// would otherwise yield "c.Label_Name"), read from the package's own labels file, so a test
// sees the text an English-speaking rep sees and a label missing from the file fails the import.
const { readFileSync } = require('node:fs');
const path = require('node:path');
const { XMLParser } = require('fast-xml-parser');

const FILE = path.join(__dirname, '../force-app/main/default/labels/CustomLabels.labels-meta.xml');
const parsed = new XMLParser({ isArray: (name) => name === 'labels' }).parse(readFileSync(FILE, 'utf8'));

for (const mockLabel of parsed.CustomLabels.labels) {
  jest.mock(`@salesforce/label/c.${mockLabel.fullName}`, () => ({ default: String(mockLabel.value) }), {
    virtual: true,
  });
}
