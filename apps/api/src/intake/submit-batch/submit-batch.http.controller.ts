import { Body, Controller, Headers, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
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
  })
  @ApiConsumes('application/json', 'application/x-ndjson')
  @ApiBody({
    schema: {
      type: 'object',
      properties: { items: { type: 'array', items: { $ref: getSchemaPath(FeedbackRequestDto) } } },
      example: { items: EXAMPLE_ITEMS },
    },
    examples: {
      json: { value: { items: EXAMPLE_ITEMS } },
      ndjson: { value: EXAMPLE_ITEMS.map((item) => JSON.stringify(item)).join('\n') },
    },
  })
  @ApiOkResponse({ type: BatchResponseDto })
  @ApiPayloadTooLargeResponse({ description: `more than ${MAX_BATCH_ITEMS} items, or over 16 MiB` })
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
