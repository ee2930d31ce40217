/** RFC 9457 problem details, with the invalid fields listed one by one. */
export interface FieldProblem {
  readonly field: string;
  /** The rule that failed, e.g. `isIn`, `max`, `required`. */
  readonly rule: string;
  readonly message: string;
}

export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly instance?: string;
  readonly code?: string;
  readonly errors?: readonly FieldProblem[];
  readonly [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export const problemType = (slug: string): string => `https://heard.dev/problems/${slug}`;

/** The body of a problem answer; `instance` is the path the client asked for. */
export const problemBody = (problem: ProblemDetails, instance: string | undefined): string =>
  JSON.stringify({ ...problem, instance });
