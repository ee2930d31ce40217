import { ApiProperty } from '@nestjs/swagger';
import { CustomerCaseSummaryResponse } from '../../cases/shared/customer-case-summary.response';
import { MyFeedbackItemDto } from '../../intake/my-feedback/my-feedback.response.dto';
import { MyNoticeResponse } from '../../notices/shared/my-notice.response';
import { ConsentsResponse, PreferencesResponse } from '../preferences/preferences.response.dto';

/** Everything Heard holds about the caller, as one document (GDPR access). */
export class MyDataResponse {
  @ApiProperty({ example: 'C-1042' })
  customerId!: string;

  @ApiProperty({
    type: [MyFeedbackItemDto],
    example: [],
    description: 'All their feedback, newest first, each with its case status and public replies',
  })
  feedback!: MyFeedbackItemDto[];

  @ApiProperty({
    type: [CustomerCaseSummaryResponse],
    example: [],
    description: 'Their cases as they may read them (no internal notes, owners or priorities)',
  })
  cases!: CustomerCaseSummaryResponse[];

  @ApiProperty({ type: PreferencesResponse })
  preferences!: PreferencesResponse;

  @ApiProperty({
    type: ConsentsResponse,
    example: {
      case_updates: { given: true, at: '2026-12-01T10:00:00.000Z', how: 'app_settings' },
    },
    description: 'Consent per purpose, with when and how (the same as in preferences)',
  })
  consents!: ConsentsResponse;

  @ApiProperty({
    type: [MyNoticeResponse],
    example: [],
    description: 'Every notice Heard scheduled for them, newest first, and where each stands',
  })
  notices!: MyNoticeResponse[];
}
