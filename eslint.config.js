// ESLint flat config. The import boundaries follow ARCHITECTURE.md's table of rooms:
// core is pure, workers adapt core, state talks to workers, ui talks to state.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const uiLibs = ['react', 'react-dom', 'react-dom/*', 'zustand', 'zustand/*', 'recharts', 'comlink'];
const tfjs = ['@tensorflow/*'];

/** Test and bench helpers live in src/test-support; only tests and src/bench may import them. */
const testSupport = {
  group: ['**/test-support', '**/test-support/**'],
  message: 'src/test-support holds test and bench helpers: only *.test.ts files and src/bench may import it.',
};

/**
 * A room's `no-restricted-imports` rule as config objects: `patterns` (package patterns and project folders) hold
 * for every file in `dirs` (plus `files`); unless `testSupportOk`, its non-test files may not import src/test-support
 * while its `*.test.ts` files may. Two objects because a later object replaces a rule's options instead of merging.
 */
function room({ dirs, files = [], ignores = [], patterns, message, testSupportOk = false, rules = {} }) {
  const all = [...dirs.flatMap((d) => [`${d}/**/*.ts`, `${d}/**/*.tsx`]), ...files];
  const tests = dirs.flatMap((d) => [`${d}/**/*.test.ts`, `${d}/**/*.test.tsx`]);
  const rule = (extra) => ['error', { patterns: [{ group: patterns, message }, ...extra] }];
  if (testSupportOk) return [{ files: all, ignores, rules: { 'no-restricted-imports': rule([]), ...rules } }];
  return [
    {
      files: all,
      ignores: [...ignores, ...tests],
      rules: { 'no-restricted-imports': rule([testSupport]), ...rules },
    },
    { files: tests, ignores, rules: { 'no-restricted-imports': rule([]), ...rules } },
  ];
}

/** `@typescript-eslint/no-restricted-imports`: core may be imported for its types only (`import type`). */
function coreTypesOnly(who) {
  return {
    '@typescript-eslint/no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group: ['**/core/**'],
            allowTypeImports: true,
            message: `${who} may import core types only (import type).`,
          },
        ],
      },
    ],
  };
}

const corePatterns = [...uiLibs, '**/ui/**', '**/state/**', '**/workers/**'];
const coreMessage =
  'src/core is pure TypeScript: no React, zustand, recharts, comlink, ui, state or workers (ARCHITECTURE.md).';
const workerPatterns = ['react', 'react-dom', 'zustand', 'zustand/*', 'recharts', '**/ui/**', '**/state/**'];
const uiPatterns = [...tfjs, 'comlink', '**/workers/**', '!**/workers/protocol'];
const noWindow = { 'no-restricted-globals': ['error', 'window', 'document'] };

export default tseslint.config(
  {
    ignores: [
      'dist',
      'node_modules',
      'testdata',
      'public',
      'playwright-report',
      'test-results',
      'bench/tmp',
      '.tmp',
      '.vitest',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  ...room({ dirs: ['src/core'], patterns: corePatterns, message: coreMessage, rules: noWindow }),
  // Test and bench helpers obey the core rules (they are imported by core tests and run in Node and workers),
  // except src/test-support/state: fakes for the slices' tests stand in for the worker client, so they import it
  // and state's types, under state's package rule (no tfjs, recharts or ui). Neither reaches the app's bundle.
  ...room({
    dirs: ['src/test-support'],
    ignores: ['src/test-support/state/**'],
    patterns: corePatterns,
    message: `${coreMessage} src/test-support obeys the same rules.`,
    testSupportOk: true,
    rules: noWindow,
  }),
  ...room({
    dirs: ['src/test-support/state'],
    patterns: [...tfjs, 'recharts', 'react', 'react-dom', 'react-dom/*', '**/ui/**'],
    message: 'src/test-support/state fakes what the store talks to: never tfjs, React, recharts or ui.',
    testSupportOk: true,
  }),
  ...room({
    dirs: ['src/workers'],
    patterns: workerPatterns,
    message: 'src/workers may import core, comlink and the protocol only (ARCHITECTURE.md).',
  }),
  // The bench page's own workers (src/bench/workers) are worker code: they may import core and tfjs.
  ...room({
    dirs: ['src/bench/workers'],
    patterns: workerPatterns,
    message:
      'src/bench/workers obeys the src/workers rules: core and tfjs, never React, zustand, ui or state.',
    testSupportOk: true,
  }),
  ...room({
    dirs: ['src/state'],
    patterns: [...tfjs, 'recharts', '**/ui/**'],
    message:
      'src/state may use core types, the worker client and the protocol; never tfjs or ui (ARCHITECTURE.md).',
    rules: coreTypesOnly('src/state'),
  }),
  ...room({
    dirs: ['src/ui'],
    files: ['src/main.tsx'],
    patterns: uiPatterns,
    message:
      'src/ui talks to state; it may import core types only, never tfjs, comlink or workers (ARCHITECTURE.md).',
    rules: coreTypesOnly('src/ui'),
  }),
  {
    files: ['src/ui/**/*.ts', 'src/ui/**/*.tsx', 'src/main.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/consistent-type-imports': 'off',
    },
  },
  // The bench page obeys the ui rules; it talks to its own workers (src/bench/workers), never imports them.
  ...room({
    dirs: ['src/bench'],
    ignores: ['src/bench/workers/**'],
    patterns: uiPatterns,
    message:
      'The bench page obeys the src/ui rules: no tfjs, comlink or workers; core types only; its workers do the work.',
    testSupportOk: true,
    rules: coreTypesOnly('The bench page'),
  }),
  {
    files: ['e2e/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/src/**'], message: 'e2e drives the built app; it must not import app internals.' },
          ],
        },
      ],
    },
  },
);
