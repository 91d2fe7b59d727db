import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'samples/**', 'apps/web/site/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      'no-console': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: [
      'packages/cli/**',
      'packages/generate/src/main.ts',
      'scripts/**',
      'bench/**',
      'apps/web/build.mjs',
      'apps/web/bench/**',
    ],
    rules: { 'no-console': 'off' },
  },
);
