/** Input limits every adapter enforces the same way (README, "Event store"). */
export const MAX_STREAM_ID_LENGTH = 200;
export const MAX_EVENT_TYPE_LENGTH = 200;
/** Serialised data plus envelope of one event. */
export const MAX_EVENT_BYTES = 1024 * 1024;
export const MAX_EVENTS_PER_APPEND = 10_000;
