import { ApiProperty } from '@nestjs/swagger';

export class ErasureResponse {
  @ApiProperty({ example: 'C-7' })
  customerId!: string;

  @ApiProperty({
    description: 'Data keys deleted now: 0 when erased before or never seen',
    example: 1,
  })
  keysDeleted!: number;

  @ApiProperty({
    enum: ['redacted', 'pending'],
    description:
      'redacted: the read models dropped the words and the files were compacted. pending: they had not caught up in time; ask again to finish (erasure is idempotent)',
  })
  readModels!: 'redacted' | 'pending';
}
