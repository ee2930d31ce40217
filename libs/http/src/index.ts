export * from './auth/auth.decorators';
export * from './auth/auth.guard';
export * from './auth/jwt-verifier';
export * from './auth/principal';
export * from './problem-details';
export * from './problem-details.filter';
export * from './validation-problem';
