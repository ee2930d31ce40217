import { ApiProperty } from '@nestjs/swagger';

class FeedbackLinksDto {
  @ApiProperty({ example: '/v1/feedback/0193e7a0-5b1c-7d3e-9f00-1a2b3c4d5e6f' })
  self!: string;
}

export class AcceptedResponseDto {
  @ApiProperty({ example: '0193e7a0-5b1c-7d3e-9f00-1a2b3c4d5e6f' })
  feedbackId!: string;

  @ApiProperty({
    enum: ['accepted', 'duplicate'],
    example: 'accepted',
    description: 'duplicate: the same submission was received before; nothing new was written',
  })
  status!: 'accepted' | 'duplicate';

  @ApiProperty({ type: FeedbackLinksDto })
  links!: FeedbackLinksDto;
}

export const feedbackPath = (feedbackId: string): string => `/v1/feedback/${feedbackId}`;
