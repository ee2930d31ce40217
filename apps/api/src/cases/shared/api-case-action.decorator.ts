import { applyDecorators, HttpCode, Post, UseInterceptors } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtraModels,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { CaseSummaryResponse } from './case-summary.response';
import { CustomerCaseSummaryResponse } from './customer-case-summary.response';
import { VersionEtagInterceptor } from './version-etag.interceptor';
import { ApiProblems, AUTH_PROBLEMS, UNREADABLE_BODY } from '../../openapi/api-problems.decorator';

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
        anyOf: [
          { $ref: getSchemaPath(CaseSummaryResponse) },
          { $ref: getSchemaPath(CustomerCaseSummaryResponse) },
        ],
      },
      description:
        'The case after the action; ETag carries its version. A customer gets only what was meant for them',
    }),
    ApiProblems({
      ...AUTH_PROBLEMS,
      ...UNREADABLE_BODY,
      400: 'A malformed If-Match, or a body field that breaks a rule (each named in `errors`)',
      403: 'The case is visible but the caller may not do this (or the token has no known role)',
      404: 'No such case, or not visible to the caller',
      409: 'Stale If-Match (`currentVersion` says the current one), or the case is in the wrong state',
      422: 'A rule of the case said no (`code` names it)',
      428: 'If-Match is missing',
    }),
  );
