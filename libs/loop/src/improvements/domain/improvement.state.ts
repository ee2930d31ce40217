import { NoticeLocale } from '../improvement.events';

export const IMPROVEMENT_STATUSES = ['proposed', 'started', 'shipped', 'cancelled'] as const;
export type ImprovementStatus = (typeof IMPROVEMENT_STATUSES)[number];

export interface ActiveImprovement {
  readonly status: ImprovementStatus;
  readonly improvementId: string;
  readonly title: string;
  readonly description: string;
  readonly storeIds: readonly string[];
  readonly categories: readonly string[];
  readonly owner: string;
  readonly proposedBy: string;
  readonly proposedAt: string;
  readonly startedAt: string | null;
  readonly shippedAt: string | null;
  readonly cancelledAt: string | null;
  readonly cancelReason: string | null;
  readonly messages: Readonly<Partial<Record<NoticeLocale, string>>> | null;
  /** Every linked item and its customer (null: anonymous), in the order they were linked. */
  readonly linked: ReadonlyMap<string, string | null>;
}

export type ImprovementState = { readonly status: 'none' } | ActiveImprovement;

export const initialImprovementState = (): ImprovementState => ({ status: 'none' });
