const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

module.exports = {
  ...jestConfig,
  setupFiles: [...(jestConfig.setupFiles ?? []), '<rootDir>/test/labels.js'],
  testPathIgnorePatterns: ['<rootDir>/node_modules/', '<rootDir>/test/'],
};
