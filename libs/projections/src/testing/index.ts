export * from './ledger.projection';
export * from './manual-scheduler';
export * from './projection-runner.suite';
export * from './read-model-databases';
export * from './read-model-snapshot';
export * from './run-until';
export * from './sample-events';
export * from './spawn-ts-script';
