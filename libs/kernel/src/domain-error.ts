/**
 * A rule of the domain said no. `code` is stable (clients may branch on it); `kind` tells the HTTP
 * edge which status fits without the domain knowing HTTP.
 */
export type DomainErrorKind = 'invalid' | 'conflict' | 'not_found' | 'forbidden';

export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly kind: DomainErrorKind = 'conflict',
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
