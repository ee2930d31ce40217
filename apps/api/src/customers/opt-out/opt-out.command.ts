import { ConsentPurpose, Preferences } from '@heard/customers';
import { Command } from '@nestjs/cqrs';

export class OptOutCommand extends Command<Preferences | null> {
  constructor(
    readonly customerId: string,
    /** Null: every purpose consented to. */
    readonly purpose: ConsentPurpose | null,
    /** How it was asked: "opt_out" (the customer's API) or "opt_out_link". */
    readonly via: string,
  ) {
    super();
  }
}
