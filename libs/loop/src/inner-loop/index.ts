export * from './case-notice-kind';
export * from './case-updates-consent';
export * from './inner-loop.reactors';
export * from './positive-feedback';
export * from './staff-alerts-of';
