import { Actor } from '@heard/kernel';
import { Query } from '@nestjs/cqrs';
import { LoopRateRequest } from './loop-rate.request.dto';
import { LoopRateResponse } from './loop-rate.response';

export class LoopRateQuery extends Query<LoopRateResponse> {
  constructor(
    readonly viewer: Actor,
    readonly request: LoopRateRequest,
  ) {
    super();
  }
}
