import { createHash, randomBytes } from 'node:crypto';
import { openBytes, sealBytes } from './aes-gcm';

const WRAP_AAD = Buffer.from('heard data key');

/** Wraps data keys (HEARD_MASTER_KEY). Its id tells which master key wrapped a stored key. */
export class MasterKey {
  readonly id: string;

  private constructor(private readonly key: Buffer) {
    this.id = createHash('sha256').update(key).digest('hex').slice(0, 16);
  }

  /** 32 bytes in base64; libs/config has already checked the variable. */
  static fromBase64(base64: string): MasterKey {
    const key = Buffer.from(base64, 'base64');
    if (key.length !== 32) throw new Error('a master key is 32 bytes');
    return new MasterKey(key);
  }

  static generate(): MasterKey {
    return new MasterKey(randomBytes(32));
  }

  toBase64(): string {
    return this.key.toString('base64');
  }

  wrap(dataKey: Buffer): Buffer {
    return sealBytes(this.key, dataKey, WRAP_AAD);
  }

  unwrap(wrapped: Buffer): Buffer {
    return openBytes(this.key, wrapped, WRAP_AAD);
  }
}
