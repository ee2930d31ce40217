import { SlaPolicySet } from '../domain/sla-policy';

export type SlaPoliciesState =
  | { readonly status: 'BuiltIn' }
  | {
      readonly status: 'Published';
      readonly policySet: SlaPolicySet;
      readonly publishedAt: string;
      readonly publishedBy: string;
    };

export const initialSlaPoliciesState = (): SlaPoliciesState => ({ status: 'BuiltIn' });

/** One stream for the whole list: versions are its history and publishes are serialised by it. */
export const SLA_POLICIES_STREAM_ID = 'sla-policies';
