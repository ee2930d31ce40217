export * from './heard-metrics';
export * from './logger';
export * from './metrics-server';
export * from './nest-logger';
export * from './subscription-lag';
