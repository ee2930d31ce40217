export * from './local-identity-provider';
