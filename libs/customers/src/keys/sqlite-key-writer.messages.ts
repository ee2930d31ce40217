export interface KeyRowMessage {
  readonly keyId: string;
  readonly owner: string;
  readonly wrapped: Uint8Array;
  readonly masterKeyId: string;
}

export type ToKeyWriter =
  | { readonly kind: 'insert'; readonly id: number; readonly rows: readonly KeyRowMessage[] }
  | { readonly kind: 'close' };

export interface FromKeyWriter {
  readonly id: number;
  readonly error: string | null;
}
