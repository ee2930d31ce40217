/** Injection tokens for the ports the API depends on; adapters are chosen once, at start. */
export const HEARD_CONFIG = Symbol('HEARD_CONFIG');
export const EVENT_STORE = Symbol('EVENT_STORE');
export const READ_MODELS = Symbol('READ_MODELS');
export const CLOCK = Symbol('CLOCK');
export const SUBSCRIPTIONS = Symbol('SUBSCRIPTIONS');
/** The adapter beneath the sealing store: for counting events, never for reading what they say. */
export const STORED_EVENTS = Symbol('STORED_EVENTS');
export const PERSONAL_DATA = Symbol('PERSONAL_DATA');
export const DATA_KEYS = Symbol('DATA_KEYS');
