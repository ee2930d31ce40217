export * from './start-subscriptions';
export * from './registry';
export * from './thread';
