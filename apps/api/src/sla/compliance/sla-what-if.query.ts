import { Actor } from '@heard/kernel';
import { Query } from '@nestjs/cqrs';
import { WhatIfResponse } from './compliance.response';
import { WhatIfRequest } from './what-if.request.dto';

export class SlaWhatIfQuery extends Query<WhatIfResponse> {
  constructor(
    readonly viewer: Actor,
    readonly request: WhatIfRequest,
  ) {
    super();
  }
}
