/** Injection tokens for the ports the API depends on; adapters are chosen once, at start. */
export const HEARD_CONFIG = Symbol('HEARD_CONFIG');
export const EVENT_STORE = Symbol('EVENT_STORE');
export const READ_MODELS = Symbol('READ_MODELS');
export const CLOCK = Symbol('CLOCK');
export const SUBSCRIPTIONS = Symbol('SUBSCRIPTIONS');
export const PERSONAL_DATA = Symbol('PERSONAL_DATA');
export const DATA_KEYS = Symbol('DATA_KEYS');
