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
const nodeModules = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'util', 'stream', 'events'];
const ioLibraries = ['electron', 'electron/*', '@aws-sdk/*', '@smithy/*', '@napi-rs/*', 'commander', 'listr2', '@cloud-copilot/*'];

const restrict = (patterns, message) => ['error', { patterns: [{ group: patterns, message }] }];

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
        [...nodeModules, ...ioLibraries, 'react', 'react-dom', '**/electron/**', '**/renderer/**'],
        'shared/ is pure TypeScript: no Node, DOM, Electron or I/O libraries (DESIGN §3).',
      ),
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'process', 'require', 'Buffer', 'fetch'],
    },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        ['electron', 'electron/*', '**/main/**', '**/preload/**', '**/cli/**', '**/renderer/**', 'react', 'react-dom'],
        'electron/core is Electron-free and sits below main, preload and the CLI (DESIGN §3).',
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
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
);
