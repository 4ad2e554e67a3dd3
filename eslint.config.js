import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import pluginVue from 'eslint-plugin-vue';
import vueParser from 'vue-eslint-parser';
import prettier from 'eslint-config-prettier';

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
  prettier,
);
