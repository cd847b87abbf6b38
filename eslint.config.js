// typescript-eslint with type information: the oracle and the CLI are full of promises,
// workers and child processes, and its no-floating-promises / no-misused-promises rules
// catch the bugs that matter there, which a syntax-only linter cannot see.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['node_modules/', 'build/', '.docusaurus/', 'docs/api/', 'test-output/', 'results/', '.stryker-tmp/', 'reports/', '.scratch-*', 'src/generated/', 'static/pyodide/', 'static/elk/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['eslint.config.js', 'stryker.config.mjs', 'scripts/*.mjs', 'bin/*.js'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // Plain JavaScript launchers run by Node before anything is installed or compiled.
  {
    files: ['eslint.config.js', 'stryker.config.mjs', 'scripts/*.mjs', 'bin/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: globals.node },
  },
);
