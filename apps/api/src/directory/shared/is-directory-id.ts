import { DomainError } from '@heard/kernel';
import { requireId } from '@heard/directory';

/** A GET with an id no put could have accepted is simply not found; it never reaches the store. */
export function isDirectoryId(value: string): boolean {
  try {
    requireId(value, 'id');
    return true;
  } catch (error) {
    if (error instanceof DomainError) return false;
    throw error;
  }
}
