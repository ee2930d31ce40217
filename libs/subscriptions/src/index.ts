export * from './start-subscriptions';
export * from './registry';
