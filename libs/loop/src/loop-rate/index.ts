export * from './loop-rate-feedback.entity';
export * from './loop-rate-figures';
export * from './loop-rate-improvement.entity';
export * from './loop-rate-link.entity';
export * from './loop-rate-notice.entity';
export * from './loop-rate.batch';
export * from './loop-rate.projection';
export * from './loop-rate.query';
