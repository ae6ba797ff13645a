// Lint rules, including the layering of DESIGN.md as import restrictions, so
// the architecture cannot rot: the core never imports Electron or a host, the
// renderer never imports Node or main code, shared imports nothing outside itself.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

const NODE_BUILTINS = ['node:*', 'fs', 'fs/*', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'url', 'util', 'stream', 'worker_threads']

const restrict = (groups, message) => ({
  'no-restricted-imports': ['error', { patterns: groups.map((g) => ({ group: g, message })) }],
})

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'e2e/.artifacts/**', 'test-results/**', 'playwright-report/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['src/shared/**'],
    rules: restrict(
      [['electron', 'react', 'react-dom', ...NODE_BUILTINS], ['**/main/**', '**/renderer/**', '**/preload/**', '../../*']],
      'src/shared is the contract: it imports nothing from Node, the DOM, Electron or the other layers.',
    ),
  },
  {
    files: ['src/main/core/**'],
    rules: restrict(
      [['electron', 'electron/*', 'react', 'react-dom'], ['**/main/electron/**', '../electron/**', '**/web/**', '**/cli/**', '**/renderer/**', '**/preload/**']],
      'src/main/core runs under plain Node: no Electron, no host, no renderer code.',
    ),
  },
  {
    files: ['src/main/electron/**'],
    rules: restrict([['**/web/**', '**/cli/**', '**/renderer/**', '**/preload/**']], 'The Electron host uses core and shared only.'),
  },
  {
    files: ['src/main/web/**', 'src/main/cli/**'],
    rules: restrict(
      [['electron', 'electron/*'], ['**/main/electron/**', '../electron/**', '**/renderer/**', '**/preload/**']],
      'The browser host and the command line use core and shared only, never Electron.',
    ),
  },
  {
    files: ['src/preload/**'],
    rules: restrict([[...NODE_BUILTINS], ['**/main/**', '**/renderer/**']], 'The preload exposes the contract; it imports only electron and shared.'),
  },
  {
    files: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict(
        [['electron', 'electron/*', 'better-sqlite3', 'pdfkit', ...NODE_BUILTINS], ['**/main/**', '**/preload/**']],
        'The renderer is browser code: it imports shared and browser libraries only.',
      ),
    },
  },
)
