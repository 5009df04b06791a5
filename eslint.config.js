// ESLint flat config. The import boundaries follow ARCHITECTURE.md's table of rooms:
// core is pure, workers adapt core, state talks to workers, ui talks to state.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const uiLibs = ['react', 'react-dom', 'react-dom/*', 'zustand', 'zustand/*', 'recharts', 'comlink'];
const tfjs = ['@tensorflow/*'];

/** Build a no-restricted-imports rule from package patterns and project folders. */
function forbid(patterns, message) {
  return ['error', { patterns: [{ group: patterns, message }] }];
}

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'testdata', 'public', 'playwright-report', 'test-results', 'bench/tmp', '.tmp', '.vitest'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': forbid(
        [...uiLibs, '**/ui/**', '**/state/**', '**/workers/**'],
        'src/core is pure TypeScript: no React, zustand, recharts, comlink, ui, state or workers (ARCHITECTURE.md).',
      ),
      'no-restricted-globals': ['error', 'window', 'document'],
    },
  },
  {
    files: ['src/workers/**/*.ts'],
    rules: {
      'no-restricted-imports': forbid(
        ['react', 'react-dom', 'zustand', 'zustand/*', 'recharts', '**/ui/**', '**/state/**'],
        'src/workers may import core, comlink and the protocol only (ARCHITECTURE.md).',
      ),
    },
  },
  {
    files: ['src/state/**/*.ts', 'src/state/**/*.tsx'],
    rules: {
      'no-restricted-imports': forbid(
        [...tfjs, 'recharts', '**/ui/**'],
        'src/state may use core types, the worker client and the protocol; never tfjs or ui (ARCHITECTURE.md).',
      ),
    },
  },
  {
    files: ['src/ui/**/*.ts', 'src/ui/**/*.tsx', 'src/main.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': forbid(
        [...tfjs, 'comlink', '**/workers/**', '!**/workers/protocol'],
        'src/ui talks to state; it may import core types only, never tfjs, comlink or workers (ARCHITECTURE.md).',
      ),
      '@typescript-eslint/consistent-type-imports': 'off',
    },
  },
  {
    // UI may import from core only as types.
    files: ['src/ui/**/*.ts', 'src/ui/**/*.tsx'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/core/**'],
              allowTypeImports: true,
              message: 'src/ui may import core types only (import type).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['e2e/**/*.ts'],
    rules: {
      'no-restricted-imports': forbid(['**/src/**'], 'e2e drives the built app; it must not import app internals.'),
    },
  },
);
