import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'engine/test/.readme-blocks/**',
      '**/dist/**',
      'dist-*/**',
      'node_modules/**',
      'test-results/**',
      'test-results-*/**',
      'playwright-report/**',
      'engine/bench/**/*.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unnecessary-condition': ['error', { allowConstantLoopConditions: true }],
      '@typescript-eslint/no-extraneous-class': 'off',
    },
  },
  {
    files: ['engine/src/**/*.ts'],
    ignores: ['engine/src/node/**', 'engine/src/node.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-dom', '@xyflow/*', 'zustand', 'monaco-editor', 'mermaid'],
              message: 'The engine never imports UI libraries.',
            },
            { group: ['node:*', 'fs', 'path', 'os', 'child_process'], message: 'Node APIs belong in the ./node entry only.' },
            { group: ['../../src/*', '../../../src/*'], message: 'The engine never imports the app.' },
          ],
        },
      ],
    },
  },
  {
    files: ['engine/test/**/*.ts', 'src/**/*.test.ts', 'e2e/**/*.ts'],
    rules: {
      // Tests deliberately call async handlers and build throwaway objects.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['**/*.{js,mjs}', 'scripts/**', 'engine/scripts/**'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: globals.node },
  },
);
