/** Route tests run against one embedded PostgreSQL per run, a fresh database per test file. */
const ESM_PACKAGES = ['@nestjs', 'file-type', 'strtok3', 'token-types', '@tokenizer', 'uint8array-extras', 'load-esm', 'cookie', 'content-disposition', '@casl'];

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts', '**/*.e2e.ts'],
  transform: {
    '^.+\\.(t|j|mj|cj)s$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true, dynamicImport: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
          target: 'es2022',
          keepClassNames: true,
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  transformIgnorePatterns: [`node_modules/(?!(${ESM_PACKAGES.join('|')})/)`],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 60_000,
  // Two, like the CI machine's cores: a third worker (tried) gave no shorter run and made the timing suite flaky.
  maxWorkers: 2,
  // Longest suites first (suite-durations.json), so the run does not end on one slow suite.
  testSequencer: '<rootDir>/test/support/sequencer.js',
  // Each suite loads the whole Nest/TypeORM graph into its own module registry and a worker's heap keeps growing
  // suite after suite (GC then slows every later suite): a worker past this after a suite is replaced.
  workerIdleMemoryLimit: '700MB',
};
