import { Inject, Injectable } from '@nestjs/common';
import { resolveScope } from '@heard/directory/read-models';
import { Actor, Scope } from '@heard/kernel';
import { DataSource } from 'typeorm';
import { READ_MODELS } from '../../platform/tokens';

/** The caller's scope from the directory read models, looked up per request. */
@Injectable()
export class CaseAccess {
  constructor(@Inject(READ_MODELS) private readonly readModels: DataSource) {}

  scopeOf(actor: Actor): Promise<Scope> {
    return resolveScope(actor, this.readModels);
  }
}
