// Lint rules, and the layer rule of STYLE.md made cheap to keep: each layer imports only downward.
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// Bare module names are matched exactly (as `paths`); entries with a slash or a star are patterns.
const NODE = [
  'node:*',
  'fs',
  'fs/promises',
  'path',
  'os',
  'child_process',
  'crypto',
  'url',
  'util',
  'stream',
  'events',
];
const REACT = ['react', 'react-dom', 'react-dom/client', 'react/jsx-runtime', '@xstate/react', '@fluentui/*'];
const ELECTRON = ['electron'];

/** A no-restricted-imports rule forbidding the given modules and path patterns, with a reason. */
function forbid(modules, message) {
  const isPattern = (m) => m.includes('*');
  return {
    '@typescript-eslint/no-restricted-imports': [
      'error',
      {
        paths: modules.filter((m) => !isPattern(m)).map((name) => ({ name, message })),
        patterns: [{ group: modules.filter(isPattern), message }],
      },
    ],
  };
}

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'release/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'coverage/**',
      '.vite/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports (STYLE.md).' },
      ],
    },
  },
  {
    // Developer scripts and tool configs run on Node.
    files: ['build/**/*.{mjs,cjs,js}', '.ci/**/*.mjs', '*.config.{mts,ts,mjs}'],
    languageOptions: { globals: globals.node },
  },
  {
    // Tool configs must default-export.
    files: ['*.config.mts', '*.config.ts', '*.config.mjs', 'eslint.config.mjs'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['renderer/core/**/*.ts'],
    rules: {
      ...forbid(
        [...NODE, ...REACT, ...ELECTRON, '**/host/**', '**/ui/**', '**/electron/**'],
        'renderer/core is pure: no React, Electron, DOM or Node (STYLE.md).',
      ),
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'localStorage', 'navigator', 'fetch'],
      'no-restricted-properties': [
        'error',
        {
          object: 'Date',
          property: 'now',
          message: 'Time is injected into the core (DESIGN §5): take it from a Clock or the event.',
        },
        { object: 'Math', property: 'random', message: 'Ids are injected into the core (DESIGN §5).' },
      ],
    },
  },
  {
    files: ['renderer/host/**/*.ts'],
    rules: forbid(
      [
        ...NODE,
        ...REACT,
        ...ELECTRON,
        '**/ui/**',
        '**/electron/main/**',
        '**/electron/preload/**',
        '**/electron/cli/**',
      ],
      'renderer/host may import renderer/core and electron/shared types only.',
    ),
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'test/ui/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['renderer/ui/**/*.{ts,tsx}'],
    rules: forbid(
      [...NODE, ...ELECTRON, '**/electron/**'],
      'renderer/ui talks to the system only through renderer/host.',
    ),
  },
  {
    files: ['electron/shared/**/*.ts'],
    rules: forbid(
      [...NODE, ...REACT, ...ELECTRON, '**/renderer/**', '**/main/**', '**/preload/**', '**/cli/**'],
      'electron/shared is the IPC contract only.',
    ),
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: forbid(
      [...NODE, ...REACT, '**/renderer/**', '**/main/**', '**/cli/**'],
      'electron/preload exposes the contract channels and nothing else.',
    ),
  },
  {
    // Node-only code shared by main and the command line (the atomic writer): Node and nothing else.
    files: ['electron/node/**/*.ts'],
    rules: forbid(
      [...REACT, ...ELECTRON, '**/renderer/**', '**/main/**', '**/preload/**', '**/cli/**', '**/shared/**'],
      'electron/node is shared by main and the command line: Node only.',
    ),
  },
  {
    files: ['electron/main/**/*.ts'],
    rules: forbid(
      [...REACT, '**/renderer/ui/**', '**/renderer/host/**', '**/preload/**', '**/cli/**'],
      'electron/main may use electron, node, electron/shared and renderer/core.',
    ),
  },
  {
    files: ['electron/cli/**/*.ts'],
    rules: forbid(
      [...REACT, ...ELECTRON, '**/renderer/ui/**', '**/renderer/host/**', '**/electron/main/**', '**/preload/**'],
      'the command line runs on Node over renderer/core only.',
    ),
  },
  {
    files: ['test/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
