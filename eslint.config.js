// @ts-check
/**
 * Lint: typed rules for TypeScript (typescript-eslint), Astro components
 * (eslint-plugin-astro), and the direction of imports. `npm test` runs it
 * with zero warnings allowed.
 *
 * The direction of imports is the picture in docs/code-layout.md: src/lib is
 * pure (no Astro, no file system, no Pagefind), and its stage folders import
 * only from the stages before them:
 * common → seed → history → notes → corpus → publish → search.
 * The outer folders of src/ import only the folders {@link LAYERS} gives them.
 */
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import { importX } from 'eslint-plugin-import-x';
import globals from 'globals';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

/** The stages of src/lib, in the order data flows through them. */
const STAGES = ['common', 'seed', 'history', 'notes', 'corpus', 'publish', 'search'];

/** Each stage may not import from the stages after it. */
const stageZones = STAGES.map((stage, i) => ({
  target: `./src/lib/${stage}`,
  from: STAGES.slice(i + 1).map((later) => `./src/lib/${later}`),
  message: `src/lib/${stage} comes before ${STAGES.slice(i + 1).join(', ')} in the pipeline and may not import from them.`,
})).filter((zone) => zone.from.length > 0);

/**
 * The outer folders of src/, each with the folders it may import from (besides itself). Data flows from lib (pure)
 * through the site's settings and the content loader to what pages read once per build, then to components, layouts
 * and pages; build steps (integrations) and command-line entry points (cli) read settings, loaders and lib, never
 * pages. Client code (scripts) runs in the browser: lib only.
 * @type {Record<string, string[]>}
 */
/** @type {Record<string, string[]>} */
const LAYERS = {
  lib: [],
  config: ['lib'],
  loaders: ['lib'],
  'card-renderer': ['lib', 'config'],
  'build-data': ['lib', 'config', 'loaders', 'card-renderer'],
  'view-models': ['lib', 'config', 'build-data'],
  scripts: ['lib', 'styles'],
  components: ['lib', 'config', 'build-data', 'view-models', 'scripts', 'styles'],
  layouts: ['lib', 'config', 'build-data', 'view-models', 'scripts', 'styles', 'components'],
  pages: ['lib', 'config', 'loaders', 'card-renderer', 'build-data', 'view-models', 'scripts', 'styles', 'components', 'layouts'],
  integrations: ['lib', 'config', 'loaders', 'card-renderer'],
  cli: ['lib', 'config', 'loaders', 'integrations'],
};

/** Each outer folder may not import from the folders its layer does not name. */
const layerZones = Object.entries(LAYERS).map(([folder, allowed]) => {
  const others = [...Object.keys(LAYERS), 'styles'].filter((f) => f !== folder && !allowed.includes(f));
  return {
    target: `./src/${folder}`,
    from: others.map((f) => `./src/${f}`),
    message: `src/${folder} may import only from ${allowed.map((f) => `src/${f}`).join(', ') || 'itself'} (eslint.config.js, LAYERS; docs/code-layout.md).`,
  };
});

export default defineConfig(
  {
    ignores: ['dist/', 'node_modules/', '.astro/', 'tests/.build/', 'tests/artifacts/', 'bench/.work/', 'tests/fixtures-broken/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  ...astro.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname, extraFileExtensions: ['.astro'] },
    },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [importX.createNodeResolver({ extensions: ['.ts', '.mjs', '.js', '.astro'] })],
      // Which files import-x reads to follow imports (for no-cycle): TypeScript as well as JavaScript.
      'import-x/extensions': ['.ts', '.mjs', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'import-x/no-cycle': 'error',
      'import-x/no-self-import': 'error',
      'import-x/no-restricted-paths': ['error', { zones: [...stageZones, ...layerZones] }],
    },
  },
  {
    // The core is pure TypeScript: text in, plain data out.
    files: ['src/lib/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^(node:|astro|pagefind)', message: 'src/lib is pure: no Node built-ins, Astro or Pagefind (see docs/code-layout.md).' },
            { regex: '^(fs|path|child_process|os|url)$', message: 'src/lib is pure: no file system or processes.' },
            {
              regex: '^\\.\\./\\.\\./(data|loaders|integrations|pages|components|scripts|layouts|cli)/',
              message: 'src/lib imports nothing from the layers after it.',
            },
          ],
        },
      ],
    },
  },
  {
    // Plain JavaScript files (configs, scripts) are not in the TypeScript project.
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // Astro components: the Astro rules, without type information. Their types are checked by `astro check`
    // (in npm test); ESLint's Astro parser cannot resolve the types of components and JSX, and would report
    // every template expression as unsafe.
    files: ['**/*.astro'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { parserOptions: { parser: tseslint.parser, projectService: false, project: false } },
    rules: { ...tseslint.configs.disableTypeChecked.rules, '@typescript-eslint/consistent-type-imports': 'off' },
  },
);
