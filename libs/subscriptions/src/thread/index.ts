export * from './subscriptions-thread';
