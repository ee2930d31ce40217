import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import {
  CustomerFeedbackPage,
  InvalidCursorError,
  listCustomerFeedback,
} from '@heard/feedback/read-models';
import { ValidationProblem } from '@heard/http';
import { DataSource } from 'typeorm';
import { READ_MODELS } from '../../platform/tokens';
import { MyFeedbackQuery } from './my-feedback.query';

@QueryHandler(MyFeedbackQuery)
export class MyFeedbackHandler implements IQueryHandler<MyFeedbackQuery> {
  constructor(@Inject(READ_MODELS) private readonly readModels: DataSource) {}

  async execute(query: MyFeedbackQuery): Promise<CustomerFeedbackPage> {
    try {
      return await listCustomerFeedback(this.readModels, query.customerId, {
        cursor: query.cursor,
        limit: query.limit,
      });
    } catch (error) {
      if (!(error instanceof InvalidCursorError)) throw error;
      throw new ValidationProblem([{ field: 'cursor', rule: 'cursor', message: error.message }]);
    }
  }
}
