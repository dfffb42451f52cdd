/**
 * The layers and what each may import (docs/ARCHITECTURE.md), checked by `npm run check`.
 * Type-only imports count: a cycle through types is still a tangle to read.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'Files must not import each other, directly or through others.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'graphql-is-transport',
      severity: 'error',
      comment:
        'src/graphql/ is transport (schema helpers, limits, errors, Relay): it knows no module, app or HTTP code.',
      from: { path: '^src/graphql/' },
      to: { path: '^src/(modules|app|http|cli)/' },
    },
    {
      name: 'modules-know-no-transport-edge',
      severity: 'error',
      comment:
        'Modules hold the domain: the HTTP edge, the composition root and the CLIs build on them, never the reverse.',
      from: { path: '^src/modules/' },
      to: { path: '^src/(http|cli|main)' },
    },
    {
      name: 'modules-know-no-http',
      severity: 'error',
      comment: 'The viewer is resolved and errors are mapped at the HTTP edge: modules never see requests.',
      from: { path: '^src/modules/' },
      to: { path: '^(express|node:http|http)$', dependencyTypes: ['npm', 'core'] },
    },
    {
      name: 'db-knows-no-modules',
      severity: 'error',
      comment:
        'src/db/ is the data sources and the query-layer foundation; modules build their statements on it. It knows the entities (TypeORM needs them) and the SQL functions search registers on each SQLite connection.',
      from: { path: '^src/db/' },
      to: {
        path: '^src/(modules|graphql|http|app)/',
        pathNot: ['\\.entity\\.ts$', '^src/modules/search/word-pairs\\.ts$'],
      },
    },
    {
      name: 'app-is-only-composed-from-above',
      severity: 'error',
      comment:
        'The composition root is used by main, the HTTP edge, CLIs and tests; modules may use only the context type.',
      from: { path: '^src/modules/' },
      to: { path: '^src/app/', pathNot: '^src/app/context\\.ts$' },
    },
    {
      name: 'workbench-is-a-client',
      severity: 'error',
      comment:
        'The workbench (src/workbench) is a browser application on the public GraphQL API: it shares no code with the service, and the service none with it.',
      from: { path: '^src/workbench/' },
      to: { path: '^src/', pathNot: '^src/workbench/' },
    },
    {
      name: 'service-knows-no-workbench',
      severity: 'error',
      comment: "The service serves the workbench's built bundle; it never imports its source.",
      from: { path: '^src/', pathNot: '^src/workbench/' },
      to: { path: '^src/workbench/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
