import { Body, Controller, Headers, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { MAX_BATCH_ITEMS } from '@heard/feedback';
import { CurrentPrincipal, Principal, Roles } from '@heard/http';
import { correlationIdOf, idempotencyKeyOf } from '../http/request-headers';
import { FeedbackRequestDto } from '../submit-feedback/feedback.request.dto';
import { BatchResponseDto, batchResponse } from './batch.response.dto';
import { parseBatchBody } from './parse-batch-body';
import { SubmitBatchCommand } from './submit-batch.command';
import { ApiProblems, AUTH_PROBLEMS, UNREADABLE_BODY } from '../../openapi/api-problems.decorator';

const EXAMPLE_ITEMS = [
  {
    kind: 'review',
    channel: 'app',
    storeId: 'S-042',
    customer: { id: 'C-1042', consent: true },
    rating: 2,
    text: 'Хліб черствий 😞',
    language: 'uk',
    source: { system: 'app-reviews', externalId: 'rev-981' },
  },
  {
    kind: 'survey',
    channel: 'survey',
    storeId: 'S-001',
    customer: { email: 'olena@example.com', consent: true },
    nps: 9,
    factors: [{ factor: 'staff_helpfulness', score: 9 }],
    source: { system: 'survey-tool', externalId: 'resp-77' },
  },
];

const ITEM = { $ref: getSchemaPath(FeedbackRequestDto) };

@ApiTags('intake')
@ApiBearerAuth()
@ApiExtraModels(FeedbackRequestDto)
@Controller('v1/feedback')
export class SubmitBatchController {
  constructor(private readonly commands: CommandBus) {}

  @Post('batch')
  @HttpCode(200)
  @Roles('integration', 'agent', 'store_manager', 'regional_manager', 'cx_admin')
  @ApiOperation({
    summary: `Submit up to ${MAX_BATCH_ITEMS.toLocaleString('en')} items at once`,
    description:
      'JSON {"items": [...]} or a bare array, or NDJSON (Content-Type: application/x-ndjson, one ' +
      'item per line; body at most 16 MiB). Every item is validated like POST /v1/feedback and ' +
      'answered in order: accepted, duplicate or rejected with its errors; each item is one ' +
      'atomic append. With an Idempotency-Key, item i of a retried batch is a duplicate of item i. ' +
      'An item with source from a role other than integration or cx_admin is rejected ' +
      '(feedback.source_not_allowed), as POST /v1/feedback answers it 403.',
    requestBody: {
      required: true,
      content: {
        'application/json': {
          schema: {
            oneOf: [
              {
                type: 'object',
                required: ['items'],
                properties: { items: { type: 'array', items: ITEM } },
              },
              { type: 'array', items: ITEM },
            ],
          },
          examples: {
            items: { value: { items: EXAMPLE_ITEMS } },
            array: { value: EXAMPLE_ITEMS },
          },
        },
        'application/x-ndjson': {
          schema: { type: 'string', description: 'One item as JSON per line' },
          example: EXAMPLE_ITEMS.map((item) => JSON.stringify(item)).join('\n'),
        },
      },
    },
  })
  @ApiOkResponse({ type: BatchResponseDto })
  @ApiProblems({
    ...AUTH_PROBLEMS,
    ...UNREADABLE_BODY,
    400: 'A body that is neither {items}, an array nor NDJSON, or a malformed Idempotency-Key',
    403: 'A customer (customers submit one at a time), or a token with no known role',
    413: `More than ${MAX_BATCH_ITEMS} items, or over 16 MiB`,
    415: 'Neither JSON nor NDJSON (Content-Type)',
  })
  async submitBatch(
    @Body() body: unknown,
    @CurrentPrincipal() caller: Principal,
    @Headers() headers: Record<string, string | string[] | undefined>,
  ): Promise<BatchResponseDto> {
    const contentType = headers['content-type'];
    const items = parseBatchBody(body, Array.isArray(contentType) ? contentType[0] : contentType);
    const results = await this.commands.execute(
      new SubmitBatchCommand(
        items,
        caller,
        idempotencyKeyOf(headers['idempotency-key']),
        correlationIdOf(headers),
      ),
    );
    return batchResponse(results);
  }
}
