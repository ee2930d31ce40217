/**
 * When appends made close together are handed on together (sealed, or sent to the writer thread
 * as one message). `task`: once the current task's microtasks are done, which adds no wait and
 * gathers what one piece of work appends at once (a reactor's batch). `turn`: once the event
 * loop's turn is over, which also gathers requests handled in separate tasks of one turn (an API
 * under load), at the price of waiting for the rest of that turn's work: right for a thread that
 * answers requests, not for one that applies long batches.
 */
export type AppendGathering = 'task' | 'turn';

/** Runs `work` when the gathering ends. */
export function atEndOf(gathering: AppendGathering): (work: () => void) => void {
  return gathering === 'turn' ? (work) => void setImmediate(work) : queueMicrotask;
}
