/** Test kinds by suffix: *.unit.spec.ts (pure logic), *.int.spec.ts (real servers), test/**\/*.e2e-spec.ts (whole apps). */
const fs = require('node:fs');
const swc = JSON.parse(fs.readFileSync(`${__dirname}/.swcrc`, 'utf8'));

const shared = {
  rootDir: __dirname,
  transform: {
    '^.+\\.ts$': ['@swc/jest', { ...swc, swcrc: false }],
    // ESM-only (jose 6): Node requires it, jest cannot.
    '/node_modules/jose/.+\\.js$': [
      '@swc/jest',
      { jsc: { target: 'es2022' }, module: { type: 'commonjs' }, swcrc: false },
    ],
  },
  transformIgnorePatterns: ['^(?!.*/node_modules/jose/).*/node_modules/'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: {
    '^@heard/([a-z-]+)/testing$': '<rootDir>/libs/$1/src/testing',
    '^@heard/([a-z-]+)/read-models$': '<rootDir>/libs/$1/src/read-models',
    '^@heard/cases/subscriptions$': '<rootDir>/libs/cases/src/subscriptions',
    '^@heard/sla/subscriptions$': '<rootDir>/libs/sla/src/subscriptions',
    '^@heard/loop/subscriptions$': '<rootDir>/libs/loop/src/subscriptions',
    '^@heard/([a-z-]+)$': '<rootDir>/libs/$1/src',
  },
  testEnvironment: 'node',
};

module.exports = {
  maxWorkers: 2,
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.unit.spec.ts'] },
    {
      ...shared,
      displayName: 'int',
      testMatch: ['<rootDir>/{apps,libs}/**/*.int.spec.ts'],
      globalSetup: '<rootDir>/test/setup/global-setup.js',
      globalTeardown: '<rootDir>/test/setup/global-teardown.js',
    },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/setup/global-setup.js',
      globalTeardown: '<rootDir>/test/setup/global-teardown.js',
    },
  ],
};
