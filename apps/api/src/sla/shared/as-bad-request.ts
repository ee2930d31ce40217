import { ValidationProblem } from '@heard/http';
import { SLA_REFERENCE_CODES, SlaConfigError } from '@heard/sla';

/**
 * Runs a pure validation at the edge. What it refuses is bad input (overlapping hours, a loop in
 * an escalation), answered 400 naming the field and the rule like any field error; only a
 * missing directory entry, checked later, is a 422.
 */
export function asBadRequest<T>(validate: () => T): T {
  try {
    return validate();
  } catch (error) {
    if (error instanceof SlaConfigError && !SLA_REFERENCE_CODES.includes(error.code)) {
      throw new ValidationProblem([
        { field: error.field, rule: error.code, message: error.message },
      ]);
    }
    throw error;
  }
}
