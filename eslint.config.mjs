import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/**
 * Layer rules (DESIGN §3), enforced here rather than by convention:
 *   shared/          no Node, DOM, Electron or I/O libraries
 *   electron/core/   never Electron, never main/preload/cli/renderer
 *   renderer/        only itself and shared/
 *   ipcMain/ipcRenderer only in the router binding and the preload
 */
// Bare Node built-in names are matched exactly (`paths`), so a sibling file named `./events`
// is not mistaken for the `events` module.
const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'util', 'stream', 'events', 'electron', 'commander', 'listr2'];
const nodeModules = ['node:*', 'fs/*'];
const ioLibraries = ['electron/*', '@aws-sdk/*', '@smithy/*', '@napi-rs/*', '@cloud-copilot/*'];

const restrict = (patterns, message, paths = []) => [
  'error',
  { paths: paths.map((name) => ({ name, message })), patterns: [{ group: patterns, message }] },
];

export default tseslint.config(
  { ignores: ['out/**', 'release/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'coverage/**', '.venv/**', 'tests/e2e/.build/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: "ImportSpecifier[imported.name=/^ipc(Main|Renderer)$/]",
          message: 'Only electron/main/ipc-binding.ts and the preload touch ipcMain/ipcRenderer.',
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        [...nodeModules, ...ioLibraries, '**/electron/**', '**/renderer/**'],
        'shared/ is pure TypeScript: no Node, DOM, Electron or I/O libraries (DESIGN §3).',
        [...nodeBuiltins, 'react', 'react-dom'],
      ),
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'process', 'require', 'Buffer', 'fetch'],
    },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        ['electron/*', '**/main/**', '**/preload/**', '**/cli/**', '**/renderer/**'],
        'electron/core is Electron-free and sits below main, preload and the CLI (DESIGN §3).',
        ['electron', 'react', 'react-dom'],
      ),
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': restrict(
        [...nodeModules, ...ioLibraries, '**/electron/**', '**/tests/**'],
        'The renderer talks to main only through window.keyless; it imports only renderer/ and shared/ (DESIGN §3).',
        nodeBuiltins,
      ),
    },
  },
  {
    files: ['electron/main/ipc-binding.ts', 'electron/preload/**/*.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['tests/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  { files: ['**/*.js', '**/*.mjs', '**/*.cjs'], extends: [tseslint.configs.disableTypeChecked] },
  {
    // CommonJS entry points (the bin shim, node -r fixtures) load modules with require by design.
    files: ['**/*.cjs', 'bin/**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
