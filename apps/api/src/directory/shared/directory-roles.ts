import { Role } from '@heard/kernel';

/** Only CX admins change the directory and the routing rules. */
export const DIRECTORY_WRITERS: readonly Role[] = ['cx_admin'];

/** Region leads read the directory too: they write routing rules against its ids. */
export const DIRECTORY_READERS: readonly Role[] = ['cx_admin', 'regional_manager'];
