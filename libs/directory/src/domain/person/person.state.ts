import { SnapshotState, undefinedSnapshot } from '../shared/snapshot-state';
import { PersonFields } from './person.events';

export type PersonState = SnapshotState<PersonFields>;

export const initialPersonState = (): PersonState => undefinedSnapshot;

export const personStreamId = (personId: string): string => `person-${personId}`;
