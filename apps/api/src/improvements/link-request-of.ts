import { ValidationProblem } from '@heard/http';
import type { LinkRequest } from '@heard/loop/subscriptions';
import { LinkFeedbackRequest } from './link-feedback.request.dto';

const CRITERIA_FIELDS = [
  'storeIds',
  'regions',
  'categories',
  'channels',
  'kinds',
  'from',
  'to',
  'words',
] as const;

const refuse = (field: string, rule: string, message: string): never => {
  throw new ValidationProblem([{ field, rule, message }]);
};

/**
 * The rules class-validator cannot say field by field: something to link, criteria that narrow
 * (empty criteria would mean every piece of feedback), a period that is not empty.
 */
export function linkRequestOf(body: LinkFeedbackRequest): LinkRequest {
  const { feedbackIds, caseIds, criteria } = body;
  if (!feedbackIds?.length && !caseIds?.length && criteria === undefined)
    refuse('body', 'atLeastOne', 'name feedbackIds, caseIds or criteria');
  if (criteria !== undefined) {
    const given = CRITERIA_FIELDS.filter((f) => {
      const value = criteria[f];
      return Array.isArray(value) ? value.length > 0 : value !== undefined;
    });
    if (given.length === 0)
      refuse(
        'criteria',
        'atLeastOne',
        `criteria must name at least one of ${CRITERIA_FIELDS.join(', ')}`,
      );
    if (
      criteria.from !== undefined &&
      criteria.to !== undefined &&
      Date.parse(criteria.from) >= Date.parse(criteria.to)
    )
      refuse('criteria.to', 'afterFrom', 'criteria.to must be after criteria.from');
  }
  return { feedbackIds, caseIds, criteria };
}
