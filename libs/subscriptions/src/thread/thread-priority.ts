import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { basename } from 'node:path';

/**
 * Lowers the calling thread's CPU priority (Linux: a thread's id is a pid to setpriority). Under a
 * burst the API keeps answering and the read models catch up after it; with a core to spare the
 * nice value changes nothing. Returns false where it cannot be done, which only means the thread
 * runs at normal priority.
 */
export function lowerThisThreadsPriority(nice: number): boolean {
  try {
    const threadId = Number(basename(readlinkSync('/proc/thread-self')));
    if (!Number.isInteger(threadId)) return false;
    setPriority(threadId, nice);
    return true;
  } catch {
    return false;
  }
}
