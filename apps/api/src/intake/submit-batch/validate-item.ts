import { BatchItem } from '@heard/feedback';
import { fieldProblems, firstFieldProblems, STRICT_VALIDATION } from '@heard/http';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { FeedbackRequestDto } from '../submit-feedback/feedback.request.dto';
import { RawItem } from './parse-batch-body';

/** A rejected item lists its first errors: 10,000 of them answer in one response. */
const MAX_ITEM_PROBLEMS = 10;

/** The same rules, options and error shape as the global validation pipe gives a single POST. */
export async function validateItem(raw: RawItem): Promise<BatchItem> {
  if ('errors' in raw) return raw;
  const { value } = raw;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      errors: [{ field: 'item', rule: 'isObject', message: 'an item must be a JSON object' }],
    };
  }
  const dto = plainToInstance(FeedbackRequestDto, value);
  const errors = await validate(dto, STRICT_VALIDATION);
  return errors.length > 0
    ? { errors: firstFieldProblems(fieldProblems(errors), MAX_ITEM_PROBLEMS) }
    : { submission: dto };
}
