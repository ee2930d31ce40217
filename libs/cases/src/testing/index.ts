export * from './case-opened.fixture';
export * from './case-reactor-harness';
