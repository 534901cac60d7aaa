import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// ARCHITECTURE.md rule 1 as lint rules: the core (src/) never imports Electron, React or the UI;
// the renderer never imports Node or native modules. tests/unit/architecture.test.ts checks the rest.
export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'dist-electron/**', 'dist-renderer/**', 'release/**', 'demo-archive/**', 'docs/**', 'resources/**', 'tmp/**', 'test-output/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['electron', 'react', 'react-dom', 'antd', '**/renderer/**', '**/electron/**'], message: 'src/ is the core: no Electron, React or UI imports.' }] }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['node:*', 'electron', 'better-sqlite3', 'sharp', 'fluent-ffmpeg'], message: 'The renderer runs in a browser sandbox: talk to the core through the bridge.' }] }],
    },
  },
  {
    files: ['scripts/**/*.{js,mjs}', 'bin/**/*.js', '*.config.{js,ts}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
