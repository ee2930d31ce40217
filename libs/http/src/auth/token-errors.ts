/** The token itself is not acceptable (answered 401); the message says why. */
export class InvalidTokenError extends Error {
  override readonly name = 'InvalidTokenError';
}

/**
 * The identity provider's configuration or keys could not be fetched (answered 503, never 500).
 * The message is for the caller; what failed is logged where it happened.
 */
export class IdentityProviderUnavailableError extends Error {
  override readonly name = 'IdentityProviderUnavailableError';

  constructor() {
    super('the identity provider could not be reached to check the token; try again shortly');
  }
}
