/** Boundaries from DESIGN.md "Layout": domain stays pure, apps stay apart, nothing imports a spec. */
const infrastructure =
  'node_modules/(@nestjs|typeorm|kafkajs|pg|pg-[a-z-]+|better-sqlite3|@eventstore|express|fastify)(/|$)';

module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment: 'Events, decide and evolve import no framework, ORM, broker or database client.',
      from: { path: '^libs/[^/]+/src/domain/' },
      to: { path: infrastructure },
    },
    {
      name: 'event-store-port-is-pure',
      severity: 'error',
      comment: 'The port knows no adapter: adapters depend on it, never the reverse.',
      from: { path: '^libs/event-store/src/', pathNot: '^libs/event-store/src/testing/' },
      to: { path: [infrastructure, '^libs/event-store-'] },
    },
    {
      name: 'apps-are-apart',
      severity: 'error',
      comment: 'One app never imports another; shared code lives in libs/.',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'libs-do-not-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'nothing-imports-a-spec',
      severity: 'error',
      from: {},
      to: { path: '\\.(spec|e2e-spec)\\.ts$' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    exclude: { path: '(^|/)dist/' },
  },
};
