import { ConfigStamp } from '../shared/config-fields';
import { SlaPolicyDraft } from './sla-policy-draft';

/** Replace the whole policy list; the next version is numbered by decide. */
export interface PublishSlaPolicies extends ConfigStamp {
  readonly type: 'PublishSlaPolicies';
  readonly policies: readonly SlaPolicyDraft[];
  readonly defaultPolicy: SlaPolicyDraft;
  /** The version the admin edited (0: the built-in default); a later publish in between is refused. */
  readonly basedOnVersion?: number;
}

export type SlaPoliciesCommand = PublishSlaPolicies;
