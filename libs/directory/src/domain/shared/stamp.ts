import { ChangeStamp } from './change-stamp';
import { requireId } from './ids';
import { requireInstant } from './instant';

export function requireStamp(command: ChangeStamp): ChangeStamp {
  return { at: requireInstant(command.at, 'at'), by: requireId(command.by, 'by') };
}
