// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Lint rules (docs/decisions/0015-formatting-and-linting.md): the recommended
 * sets everywhere, and the type-aware ones on the sandbox's own sources.
 */
export default tseslint.config(
  { ignores: ['node_modules/', 'mock-server/dist/', 'mock-server/src/vendors/*/generated/', 'mock-server/src/core/generated/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // Plain JavaScript here (this file, scripts/*.mjs) runs on Node.
  { files: ['**/*.js', '**/*.mjs'], languageOptions: { globals: globals.node } },
  {
    rules: {
      // `_name` marks a value kept on purpose (an Express error handler's `next`, a property left out of a rest); tsc's noUnused* check the rest.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    // A test may reach into a parsed payload loosely; `any` stays out of module borders (the sources), not out of a test's locals.
    // Tests send control characters on purpose (robustness), so their patterns name them.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', 'no-control-regex': 'off' },
  },
  {
    files: ['mock-server/src/**/*.ts', 'mock-server/ui/**/*.ts'],
    extends: [...tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // Errors are data: the body reader rejects with a tagged `RawBodyError` value, not an Error subclass.
      '@typescript-eslint/prefer-promise-reject-errors': 'off',
      // Casts at parsed-JSON and header boundaries say what the value is at that point; tsc strict checks soundness.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
      // `String(value)` of a parsed query or form value is the vendors' own coercion, on purpose.
      '@typescript-eslint/no-base-to-string': 'off',
    },
  },
);
