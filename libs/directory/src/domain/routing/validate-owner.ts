import { DirectoryError } from '../shared/directory-error';
import { requireId } from '../shared/ids';
import { RuleOwnerDraft } from './routing-rule-draft';
import { DefaultOwner, RuleOwner } from './routing-rule';

export function validateOwner(draft: RuleOwnerDraft | undefined, field: string): RuleOwner {
  switch (draft?.kind) {
    case 'store_manager':
      return { kind: 'store_manager' };
    case 'person':
      return { kind: 'person', personId: requireId(draft.personId, `${field}.personId`) };
    case 'team':
      return { kind: 'team', teamId: requireId(draft.teamId, `${field}.teamId`) };
    default:
      throw new DirectoryError(
        'directory.invalid_owner',
        `${field}.kind`,
        `${field}.kind must be store_manager, person or team (got ${JSON.stringify(draft?.kind)})`,
      );
  }
}

export function validateDefaultOwner(
  draft: RuleOwnerDraft | undefined,
  field: string,
): DefaultOwner {
  const owner = validateOwner(draft, field);
  if (owner.kind === 'store_manager') {
    throw new DirectoryError(
      'directory.invalid_owner',
      `${field}.kind`,
      `${field}.kind must be person or team: a store's manager can be vacant, and the default must always name an owner`,
    );
  }
  return owner;
}
