import { DirectoryEntry } from '@heard/directory';
import { ApiProperty } from '@nestjs/swagger';

/** What every directory entry answers beside its fields. */
export class EntryStampsResponse {
  @ApiProperty({ example: 2, description: 'Version of the entry: 1 when defined, +1 per change' })
  version!: number;

  @ApiProperty({ example: '2026-03-01T09:00:00.000Z', format: 'date-time' })
  definedAt!: string;

  @ApiProperty({ example: '2026-03-08T09:00:00.000Z', format: 'date-time' })
  changedAt!: string;

  @ApiProperty({ example: 'admin-1', description: 'Id of the person who made the last change' })
  changedBy!: string;
}

export const stampsOf = ({
  version,
  definedAt,
  changedAt,
  changedBy,
}: DirectoryEntry<unknown>): EntryStampsResponse => ({ version, definedAt, changedAt, changedBy });
