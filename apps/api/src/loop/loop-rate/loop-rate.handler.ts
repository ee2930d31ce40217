import { resolveScope } from '@heard/directory/read-models';
import { Scope } from '@heard/kernel';
import { loopRate } from '@heard/loop';
import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { READ_MODELS } from '../../platform/tokens';
import { LoopRateQuery } from './loop-rate.query';
import { LoopRateResponse } from './loop-rate.response';

/** cx_admin: every store; a regional manager the stores of their regions; a manager theirs. */
const storesOf = (scope: Scope): 'all' | readonly string[] =>
  scope.kind === 'everything' ? 'all' : scope.kind === 'staff' ? scope.storeIds : [];

@QueryHandler(LoopRateQuery)
export class LoopRateHandler implements IQueryHandler<LoopRateQuery> {
  constructor(@Inject(READ_MODELS) private readonly readModels: DataSource) {}

  async execute({ viewer, request }: LoopRateQuery): Promise<LoopRateResponse> {
    const from = new Date(request.from);
    const to = new Date(request.to);
    const scope = await resolveScope(viewer, this.readModels);
    const figures = await loopRate(this.readModels, {
      from,
      to,
      groupBy: request.groupBy,
      stores: storesOf(scope),
    });
    return { from: from.toISOString(), to: to.toISOString(), groupBy: request.groupBy, ...figures };
  }
}
