import { applyDecorators, HttpCode, Post, UseInterceptors } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiExtraModels,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { CaseSummaryResponse } from './case-summary.response';
import { CustomerCaseSummaryResponse } from './customer-case-summary.response';
import { VersionEtagInterceptor } from './version-etag.interceptor';

/** `POST /v1/cases/{id}/<action>` with If-Match, answered 200 with the case and its new ETag. */
export const CaseAction = (action: string, summary: string, description?: string) =>
  applyDecorators(
    Post(`:id/${action}`),
    HttpCode(200),
    UseInterceptors(VersionEtagInterceptor),
    ApiTags('cases'),
    ApiBearerAuth(),
    ApiOperation({ summary, description }),
    ApiParam({ name: 'id', example: '0193e7a0-5b1c-7d3e-9f00-1a2b3c4d5e6f' }),
    ApiHeader({
      name: 'If-Match',
      required: true,
      example: '"3"',
      description: 'The ETag (version) of the case this action was decided on',
    }),
    ApiExtraModels(CaseSummaryResponse, CustomerCaseSummaryResponse),
    ApiOkResponse({
      schema: {
        oneOf: [
          { $ref: getSchemaPath(CaseSummaryResponse) },
          { $ref: getSchemaPath(CustomerCaseSummaryResponse) },
        ],
      },
      description:
        'The case after the action; ETag carries its version. A customer gets only what was meant for them',
    }),
    ApiForbiddenResponse({ description: 'The case is visible but the caller may not do this' }),
    ApiNotFoundResponse({ description: 'No such case, or not visible to the caller' }),
    ApiConflictResponse({
      description:
        'Stale If-Match (`currentVersion` says the current one), or the case is in the wrong state',
    }),
    ApiResponse({ status: 428, description: 'If-Match is missing' }),
  );
