import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import {
  CustomerFeedbackPage,
  InvalidCursorError,
  listCustomerFeedback,
} from '@heard/feedback/read-models';
import { PersonalDataPort } from '@heard/customers';
import { ValidationProblem } from '@heard/http';
import { DataSource } from 'typeorm';
import { PERSONAL_DATA, READ_MODELS } from '../../platform/tokens';
import { MyFeedbackQuery } from './my-feedback.query';

@QueryHandler(MyFeedbackQuery)
export class MyFeedbackHandler implements IQueryHandler<MyFeedbackQuery> {
  constructor(
    @Inject(READ_MODELS) private readonly readModels: DataSource,
    @Inject(PERSONAL_DATA) private readonly personal: PersonalDataPort,
  ) {}

  async execute(query: MyFeedbackQuery): Promise<CustomerFeedbackPage> {
    try {
      return await listCustomerFeedback(this.readModels, this.personal, query.customerId, {
        cursor: query.cursor,
        limit: query.limit,
      });
    } catch (error) {
      if (!(error instanceof InvalidCursorError)) throw error;
      throw new ValidationProblem([{ field: 'cursor', rule: 'cursor', message: error.message }]);
    }
  }
}
