import { IMPROVEMENT_STATUSES } from '@heard/loop';
import type { ImprovementListItem, LoadedImprovement } from '@heard/loop/subscriptions';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class PublicMessagesResponse {
  @ApiProperty({ example: 'A second till now opens whenever the queue grows' })
  en!: string;

  @ApiPropertyOptional({ example: 'Теперь при очереди открывается вторая касса' })
  ru?: string;

  @ApiPropertyOptional({ example: 'Тепер, коли є черга, відкривається друга каса' })
  uk?: string;
}

/** One improvement as listed. */
export class ImprovementSummaryResponse {
  @ApiProperty({ example: '0193e7a0-5b1c-7d3e-9f00-1a2b3c4d5e6f' })
  improvementId!: string;

  @ApiProperty({ example: 'Second till at peak hours' })
  title!: string;

  @ApiProperty({ enum: IMPROVEMENT_STATUSES, example: 'proposed' })
  status!: string;

  @ApiProperty({ example: 'M-42' })
  owner!: string;

  @ApiProperty({ example: 'RM-1' })
  proposedBy!: string;

  @ApiProperty({ type: [String], example: ['S-042'] })
  storeIds!: string[];

  @ApiProperty({ type: [String], example: ['queue'] })
  categories!: string[];

  @ApiProperty({ example: 30, description: 'Feedback items linked' })
  linkedFeedback!: number;

  @ApiProperty({ example: '2026-11-20T10:00:00.000Z', format: 'date-time' })
  proposedAt!: string;

  @ApiProperty({ example: null, format: 'date-time', nullable: true, type: String })
  shippedAt!: string | null;
}

/** One improvement, read from its stream. */
export class ImprovementResponse extends ImprovementSummaryResponse {
  @ApiProperty({ example: 'Open a second till whenever more than four people queue' })
  description!: string;

  @ApiProperty({ example: 20, description: 'Distinct customers of the linked feedback' })
  linkedCustomers!: number;

  @ApiProperty({ example: null, format: 'date-time', nullable: true, type: String })
  startedAt!: string | null;

  @ApiProperty({ example: null, format: 'date-time', nullable: true, type: String })
  cancelledAt!: string | null;

  @ApiProperty({ example: null, nullable: true, type: String })
  cancelReason!: string | null;

  @ApiProperty({ type: PublicMessagesResponse, nullable: true, description: 'Set once shipped' })
  messages!: PublicMessagesResponse | null;

  @ApiProperty({ example: 3, description: 'The stream version' })
  version!: number;

  @ApiProperty({ example: '2026-11-20T10:00:00.000Z', format: 'date-time' })
  updatedAt!: string;
}

export class ImprovementPageResponse {
  @ApiProperty({ type: [ImprovementSummaryResponse] })
  items!: ImprovementSummaryResponse[];

  @ApiProperty({
    example: null,
    nullable: true,
    type: String,
    description: 'Pass as `cursor` for the next page; null on the last page',
  })
  nextCursor!: string | null;
}

export class LinkPreviewResponse {
  @ApiProperty({ example: 30, description: 'Feedback items that match' })
  feedbackItems!: number;

  @ApiProperty({ example: 20, description: 'Distinct customers among them' })
  customers!: number;

  @ApiProperty({ example: 0, description: 'Items without a customer: linked, nobody to tell' })
  anonymous!: number;

  @ApiProperty({ example: 0, description: 'Items this improvement holds already' })
  alreadyLinked!: number;
}

export class LinkResultResponse extends LinkPreviewResponse {
  @ApiProperty({ example: 30, description: 'Items linked by this request (not linked before)' })
  linked!: number;

  @ApiProperty({ type: ImprovementResponse })
  improvement!: ImprovementResponse;
}

export function presentImprovement({
  state,
  version,
  updatedAt,
}: LoadedImprovement): ImprovementResponse {
  const customers = new Set<string>();
  for (const customerId of state.linked.values())
    if (customerId !== null) customers.add(customerId);
  return {
    improvementId: state.improvementId,
    title: state.title,
    status: state.status,
    owner: state.owner,
    proposedBy: state.proposedBy,
    storeIds: [...state.storeIds],
    categories: [...state.categories],
    linkedFeedback: state.linked.size,
    proposedAt: state.proposedAt,
    shippedAt: state.shippedAt,
    description: state.description,
    linkedCustomers: customers.size,
    startedAt: state.startedAt,
    cancelledAt: state.cancelledAt,
    cancelReason: state.cancelReason,
    messages: state.messages === null ? null : { ...state.messages, en: state.messages.en ?? '' },
    version,
    updatedAt,
  };
}

export const presentSummary = (item: ImprovementListItem): ImprovementSummaryResponse => ({
  ...item,
});
