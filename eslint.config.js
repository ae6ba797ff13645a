// Lint rules, including the layering of ARCHITECTURE.md as import
// restrictions, so the architecture cannot rot: the core never imports
// Electron, a host or a driver; everything else reaches the core only through
// its door (src/main/core/index.ts; tests also src/main/core/testing.ts); the
// renderer never imports Node or main code; shared imports nothing outside itself.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

const NODE_BUILTINS = ['node:*', 'fs', 'fs/*', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'url', 'util', 'stream', 'worker_threads']

/** Any module inside the core other than its doors. */
const CORE_INSIDE = ['**/core/*']

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
      [
        ['electron', 'react', 'react-dom', ...NODE_BUILTINS],
        ['**/main/**', '**/renderer/**', '**/preload/**', '../../*'],
      ],
      'src/shared is the contract: it imports nothing from Node, the DOM, Electron or the other layers.',
    ),
  },
  {
    files: ['src/main/core/**'],
    rules: restrict(
      [
        ['electron', 'electron/*', 'react', 'react-dom'],
        ['**/main/electron/**', '../electron/**', '**/web/**', '**/cli/**', '**/demo/**', '**/seed/**', '**/client/**', '**/renderer/**', '**/preload/**'],
      ],
      'src/main/core runs under plain Node and knows no caller: no Electron, no host, no command line, no driver (demo, seed, client), no renderer code.',
    ),
  },
  {
    // The consent PDF is pure rendering: a record in, bytes out. Reading and storing documents is consents/.
    files: ['src/main/core/consent-pdf/**'],
    ignores: ['**/*.test.ts'],
    rules: restrict(
      [
        ['electron', 'electron/*', 'react', 'react-dom', 'better-sqlite3'],
        [
          '**/core/context',
          '**/core/db/**',
          '**/core/audit/**',
          '**/core/dispatch/**',
          '**/core/consents/**',
          '**/core/consultation/**',
          '**/core/maintenance/**',
          '**/core/session/**',
          '**/core/users/**',
          '**/core/patients/**',
          '**/core/settings/**',
          '**/main/**/web/**',
          '**/cli/**',
          '**/demo/**',
          '**/seed/**',
          '**/client/**',
          '**/renderer/**',
          '**/preload/**',
          '../context',
          '../db/*',
          '../audit/*',
          '../dispatch/*',
          '../consents/*',
          '../consultation/*',
          '../maintenance/*',
          '../session/*',
          '../users/*',
          '../patients/*',
          '../settings/*',
          '../../context',
          '../../db/*',
          '../../audit/*',
          '../../consents/*',
          '../../consultation/*',
        ],
      ],
      'src/main/core/consent-pdf is pure rendering (a record in, PDF bytes out): no database, no audit, no call context; the document workflow is in consents/.',
    ),
  },
  // Everything outside the core reaches it through its one door, src/main/core/index.ts.
  {
    files: ['src/main/electron/**'],
    rules: restrict(
      [[...CORE_INSIDE], ['**/web/**', '**/cli/**', '**/seed/**', '**/client/**', '**/renderer/**', '**/preload/**']],
      'The Electron host uses the core through its door (src/main/core/index.ts), shared and the demo only.',
    ),
  },
  {
    files: ['src/main/web/**'],
    rules: restrict(
      [
        ['electron', 'electron/*', ...CORE_INSIDE],
        ['**/main/electron/**', '../electron/**', '**/cli/**', '**/seed/**', '**/client/**', '**/renderer/**', '**/preload/**'],
      ],
      'The browser host uses the core through its door (src/main/core/index.ts), shared and the demo only; never Electron.',
    ),
  },
  {
    files: ['src/main/cli/**'],
    rules: restrict(
      [
        ['electron', 'electron/*', ...CORE_INSIDE],
        ['**/main/electron/**', '../electron/**', '**/web/**', '**/renderer/**', '**/preload/**'],
      ],
      'The command line uses the core through its door (src/main/core/index.ts), shared, the demo and the seed generator; never Electron or a host.',
    ),
  },
  {
    files: ['src/main/demo/**', 'src/main/seed/**', 'src/main/client/**'],
    rules: restrict(
      [
        ['electron', 'electron/*', ...CORE_INSIDE],
        ['**/main/electron/**', '../electron/**', '**/web/**', '**/cli/**', '**/renderer/**', '**/preload/**'],
      ],
      'The drivers (demo, seed, client) use the core through its door (src/main/core/index.ts) and shared only.',
    ),
  },
  {
    files: ['bench/**', 'e2e/**', 'scripts/**'],
    rules: restrict([[...CORE_INSIDE]], 'Benchmarks, end-to-end tests and scripts use the core through its door (src/main/core/index.ts).'),
  },
  {
    files: ['test/**'],
    rules: restrict([[...CORE_INSIDE, '!**/core/testing']], 'Tests use the core through its door (src/main/core/index.ts) or its test door (src/main/core/testing.ts).'),
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
        [
          ['electron', 'electron/*', 'better-sqlite3', 'pdfkit', ...NODE_BUILTINS],
          ['**/main/**', '**/preload/**'],
        ],
        'The renderer is browser code: it imports shared and browser libraries only.',
      ),
    },
  },
)
