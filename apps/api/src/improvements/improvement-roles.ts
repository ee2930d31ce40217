import { Role } from '@heard/kernel';

/** Who proposes, changes and reads improvements; each only within their stores (see scope). */
export const IMPROVEMENT_ROLES: readonly Role[] = ['store_manager', 'regional_manager', 'cx_admin'];
