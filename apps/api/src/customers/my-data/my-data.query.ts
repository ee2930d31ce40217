import { Actor } from '@heard/kernel';
import { Query } from '@nestjs/cqrs';
import { MyDataResponse } from './my-data.response.dto';

export class MyDataQuery extends Query<MyDataResponse> {
  constructor(readonly customer: Actor) {
    super();
  }
}
