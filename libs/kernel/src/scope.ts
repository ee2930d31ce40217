/**
 * What a caller may see, resolved from the directory per request. Staff also always see the
 * cases they own themselves, whatever their stores, regions and teams.
 */
export type Scope =
  | { readonly kind: 'everything' }
  | {
      readonly kind: 'staff';
      readonly personId: string;
      readonly storeIds: readonly string[];
      readonly regionIds: readonly string[];
      readonly teamIds: readonly string[];
    }
  | { readonly kind: 'customer'; readonly customerId: string }
  | { readonly kind: 'nothing' };
