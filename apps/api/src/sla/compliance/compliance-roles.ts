import { Role } from '@heard/kernel';

/** CX admins for every case; region leads for their regions' cases. */
export const COMPLIANCE_READERS: readonly Role[] = ['cx_admin', 'regional_manager'];
