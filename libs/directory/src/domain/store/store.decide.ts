import { requireId, requireOptionalId } from '../shared/ids';
import { sameJson } from '../shared/same-json';
import { requireStamp } from '../shared/stamp';
import { requireName } from '../shared/text';
import { requireTimezone } from '../shared/timezone';
import { unreachable } from '../shared/unreachable';
import { StoreCommand } from './store.commands';
import { StoreEvent, StoreFields } from './store.events';
import { StoreState } from './store.state';

export function decideStore(command: StoreCommand, state: StoreState): StoreEvent[] {
  switch (command.type) {
    case 'PutStore': {
      const stamp = requireStamp(command);
      const fields: StoreFields = {
        storeId: requireId(command.storeId, 'storeId'),
        name: requireName(command.name, 'name'),
        regionId: requireOptionalId(command.regionId, 'regionId'),
        timezone: requireTimezone(command.timezone, 'timezone'),
        managerId: requireOptionalId(command.managerId, 'managerId'),
        calendarId: requireOptionalId(command.calendarId, 'calendarId'),
      };
      if (state.status === 'Undefined') {
        return [{ type: 'StoreDefined', data: { ...fields, ...stamp } }];
      }
      if (sameJson(state.current, fields)) return [];
      return [{ type: 'StoreChanged', data: { ...fields, ...stamp } }];
    }
    default:
      return unreachable(command.type, 'store command');
  }
}
