// Type-checked linting for every workspace. Rules that only restate what `tsc` already checks are left off.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import noCrossFeatureImports from './apps/web/eslint-rules/no-cross-feature-imports.js';

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/.tsbuild/**', '**/node_modules/**', '**/coverage/**', 'apps/web/public/mockServiceWorker.js', '.ci/node/**', '**/dist-lib/**', 'examples/*/vendor/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: {
        projectService: { allowDefaultProject: ['vite.config.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      // Fastify plugins and handlers are async by convention, await or not.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, 'pi-enroll': { rules: { 'no-cross-feature-imports': noCrossFeatureImports } } },
    languageOptions: { globals: { ...globals.browser } },
    rules: { ...reactHooks.configs.recommended.rules, 'pi-enroll/no-cross-feature-imports': 'error' },
  },
  {
    // The lifecycle knows no method by name: methods plug in through methods/registry.ts, which only the
    // enrollment plugin imports. A method reaching into another method is a sign a rule belongs to the lifecycle.
    files: ['apps/bff/src/enrollment/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/methods/**'], message: 'The lifecycle imports no method; use the EnrollmentMethod interface.' }] }],
    },
  },
  {
    files: ['apps/bff/src/methods/*/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['../*/**', '!../../**'], message: 'A method imports no other method.' }] }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // Outside the workspace: its own package.json and tsconfig, type-checked by its own build (the packaging
    // test runs it against the packed tarballs), so linted here without type information.
    files: ['examples/**/*.{ts,tsx}'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['examples/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: reactHooks.configs.recommended.rules,
  },
);
