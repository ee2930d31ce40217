import { Role } from '@heard/kernel';

/** Only CX admins publish SLA policies and set calendars. */
export const SLA_CONFIG_WRITERS: readonly Role[] = ['cx_admin'];

/** Region leads read the policies too: they are held to them and escalated to by them. */
export const SLA_POLICY_READERS: readonly Role[] = ['cx_admin', 'regional_manager'];
