import { caseScopeFilter, listCaseViews } from '@heard/cases/subscriptions';
import { getPreferences, PersonalDataPort } from '@heard/customers';
import { resolveScope } from '@heard/directory/read-models';
import { EventStore } from '@heard/event-store';
import {
  CustomerFeedbackItem,
  listCustomerFeedback,
  MAX_PAGE_SIZE,
} from '@heard/feedback/read-models';
import { allCustomerNotices } from '@heard/loop/subscriptions';
import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { caseCursorOf } from '../../cases/shared/case-cursor-of';
import { caseSummaryOfRow } from '../../cases/shared/case-summary.response';
import {
  customerCaseSummary,
  CustomerCaseSummaryResponse,
} from '../../cases/shared/customer-case-summary.response';
import { myNoticeOf } from '../../notices/shared/my-notice.response';
import { EVENT_STORE, PERSONAL_DATA, READ_MODELS } from '../../platform/tokens';
import { presentPreferences } from '../preferences/preferences.response.dto';
import { MyDataQuery } from './my-data.query';
import { MyDataResponse } from './my-data.response.dto';

/** Pages of the read models, walked to the end: the document is everything, not a page. */
@QueryHandler(MyDataQuery)
export class MyDataHandler implements IQueryHandler<MyDataQuery> {
  constructor(
    @Inject(READ_MODELS) private readonly readModels: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PERSONAL_DATA) private readonly personal: PersonalDataPort,
  ) {}

  async execute({ customer }: MyDataQuery): Promise<MyDataResponse> {
    const [feedback, cases, preferences, notices] = await Promise.all([
      this.feedbackOf(customer.id),
      this.casesOf(customer),
      getPreferences(this.store, customer.id),
      allCustomerNotices(this.readModels, customer.id),
    ]);
    const presented = presentPreferences(customer.id, preferences);
    return {
      customerId: customer.id,
      feedback: feedback as MyDataResponse['feedback'],
      cases,
      preferences: presented,
      consents: presented.consents,
      notices: notices.map(myNoticeOf),
    };
  }

  private async feedbackOf(customerId: string): Promise<CustomerFeedbackItem[]> {
    const items: CustomerFeedbackItem[] = [];
    let cursor: string | undefined;
    do {
      const page = await listCustomerFeedback(this.readModels, this.personal, customerId, {
        cursor,
        limit: MAX_PAGE_SIZE,
      });
      items.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
    return items;
  }

  private async casesOf(customer: MyDataQuery['customer']): Promise<CustomerCaseSummaryResponse[]> {
    const visible = caseScopeFilter(await resolveScope(customer, this.readModels));
    const cases: CustomerCaseSummaryResponse[] = [];
    let cursor: string | undefined;
    do {
      const page = await listCaseViews(this.readModels, {
        visible,
        filters: {},
        after: caseCursorOf(cursor),
        limit: MAX_PAGE_SIZE,
      });
      cases.push(...page.items.map((row) => customerCaseSummary(caseSummaryOfRow(row))));
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
    return cases;
  }
}
