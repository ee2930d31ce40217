import { BatchItem } from '@heard/feedback';
import { fieldProblems } from '@heard/http';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { FeedbackRequestDto } from '../submit-feedback/feedback.request.dto';
import { RawItem } from './parse-batch-body';

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
  const errors = await validate(dto, {
    whitelist: true,
    forbidNonWhitelisted: true,
    validationError: { target: false, value: false },
  });
  return errors.length > 0 ? { errors: fieldProblems(errors) } : { submission: dto };
}
