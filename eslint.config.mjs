import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'src/workbench/gql/**', 'data/**', 'bench/results/**', 'coverage/**'] },
  js.configs.recommended,
  // CommonJS config files of tools.
  { files: ['**/*.cjs'], languageOptions: { globals: { module: 'writable', require: 'readonly' } } },
  ...tseslint.configs.recommended,
  { files: ['**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
  {
    languageOptions: {
      globals: {
        fetch: 'readonly',
        AbortController: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setImmediate: 'readonly',
        performance: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    // The built service runs without loading Kysely (statements are compiled by the build):
    // only src/db/statements.ts loads it, on first use; everything else imports its types.
    files: ['src/**/*.ts'],
    ignores: ['src/db/statements.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'kysely',
              allowTypeImports: true,
              message: "Import types only; take `sql` from src/db/statements.ts, inside a statement's build.",
            },
          ],
        },
      ],
    },
  },
  {
    // Modules hold the domain: they throw DomainErrors (mapped to GraphQL and HTTP at the edges)
    // and leave SQL to their query layer. The layers' imports are checked by dependency-cruiser.
    files: ['src/modules/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'graphql',
              importNames: ['GraphQLError'],
              message: 'Throw a DomainError (src/domain/errors.ts); the error formatter maps it.',
            },
            { name: 'express', message: 'Modules never see requests: the HTTP edge (src/http) does.' },
            { name: 'node:http', message: 'Modules never see requests: the HTTP edge (src/http) does.' },
          ],
        },
      ],
    },
  },
);
