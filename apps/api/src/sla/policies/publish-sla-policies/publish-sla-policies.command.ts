import { Actor } from '@heard/kernel';
import { ConfigStamp, PublishedSlaPolicies, PublishSlaPolicies } from '@heard/sla';
import { Command } from '@nestjs/cqrs';

export type PolicySetInput = Omit<PublishSlaPolicies, 'type' | keyof ConfigStamp>;

export class PublishSlaPoliciesCommand extends Command<PublishedSlaPolicies> {
  constructor(
    readonly policySet: PolicySetInput,
    readonly actor: Actor,
  ) {
    super();
  }
}
