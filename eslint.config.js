import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import pluginVue from 'eslint-plugin-vue';
import vueParser from 'vue-eslint-parser';
import prettier from 'eslint-config-prettier';

// Module boundaries (docs/architecture-notes.md, "Module map"). A server module imports another
// module only through its index.ts; reporting modules may also read other modules' tables from their
// *.schema.ts; platform/ never imports a module; contracts import nothing of the apps.
const REPORTING_MODULES = [
  'ledgers',
  'kpi',
  'review-queues',
  'audit-viewer',
  'collection',
  'operations',
  'publicity',
  'imports',
  'map',
  'monitoring',
];
// Known reads of another module's tables outside the reporting modules: debt, not a pattern to copy.
// Each one should become a call to the owner's index.ts or move to a reporting module.
const SCHEMA_READ_EXCEPTIONS = [
  'apps/server/src/modules/profiles/profiles.repository.ts',
  'apps/server/src/modules/training/training-needs.repository.ts',
];
// '../<module>/<file>.js' (or '../../modules/<module>/...') where the file is not the index.
const aroundIndex = {
  regex: '^\\.\\./(\\.\\./modules/)?[^./][^/]*/(?!index\\.js$).+',
  message: 'Import another module only through its index.ts (see docs/architecture-notes.md).',
};
const aroundIndexButSchema = {
  regex: '^\\.\\./(\\.\\./modules/)?[^./][^/]*/(?!index\\.js$)(?![\\w-]+\\.schema\\.js$).+',
  message: 'Import another module only through its index.ts, or its tables from *.schema.ts (reporting reads).',
};
const noApp = { regex: '(^|/)app\\.js$', message: 'Import AppDeps from deps.ts; nothing imports app.ts.' };
const moduleFiles = ['apps/server/src/modules/**/*.ts'];

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'test-results/**', 'apps/server/src/db/migrations/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: {
      parser: vueParser,
      parserOptions: { parser: tseslint.parser, sourceType: 'module', extraFileExtensions: ['.vue'] },
    },
    rules: {
      // The core rule reads the whole SFC; the Vue rule lets Chinese copy keep its full-width space (U+3000).
      'no-irregular-whitespace': 'off',
      'vue/no-irregular-whitespace': ['error', { skipHTMLTextContents: true }],
    },
  },
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-properties': [
        'error',
        { object: 'it', property: 'only', message: 'no .only left in tests' },
        { object: 'describe', property: 'only', message: 'no .only left in tests' },
        { object: 'test', property: 'only', message: 'no .only left in tests' },
        { object: 'it', property: 'skip', message: 'no .skip left in tests' },
        { object: 'describe', property: 'skip', message: 'no .skip left in tests' },
        { object: 'test', property: 'skip', message: 'no .skip left in tests' },
      ],
    },
  },
  {
    files: moduleFiles,
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [aroundIndex, noApp] }] },
  },
  {
    files: [...REPORTING_MODULES.map((m) => `apps/server/src/modules/${m}/**/*.ts`), ...SCHEMA_READ_EXCEPTIONS],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [aroundIndexButSchema, noApp] }] },
  },
  {
    files: ['apps/server/src/platform/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '(^|/)modules/', message: 'platform/ never imports modules/.' }, noApp] },
      ],
    },
  },
  {
    // One source for enums: a table column takes its values from packages/contracts.
    files: ['apps/server/src/**/*.schema.ts', 'apps/server/src/db/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "Property[key.name='enum'] > ArrayExpression",
          message: 'Enum values come from packages/contracts (export an `as const` list there).',
        },
        {
          selector: "VariableDeclarator > TSAsExpression[typeAnnotation.typeName.name='const'] > ArrayExpression",
          message: 'Enum lists live in packages/contracts, not in table files.',
        },
      ],
    },
  },
  {
    files: ['packages/contracts/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/apps/**', '@lingong/server', '@lingong/web'],
              message: 'contracts import nothing of the apps.',
            },
          ],
        },
      ],
    },
  },
  prettier,
);
