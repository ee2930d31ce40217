import { ConfigError, HeardConfig, loadConfig } from '@heard/config';
import { MasterKey, rotateMasterKey } from '@heard/customers';
import { EVENT_STORE_SCHEMA, openDataKeyTable } from '@heard/runtime';

type Env = Readonly<Record<string, string | undefined>>;

export interface RotateKeysDependencies {
  readonly env: Env;
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

/**
 * `npm run keys:rotate`: re-wraps every data key from HEARD_MASTER_KEY to HEARD_NEW_MASTER_KEY.
 * The new key comes from the environment, never the command line, which other users can list.
 * 2 for a refused configuration, as other command-line tools answer usage errors.
 */
export async function runRotateKeys(deps: RotateKeysDependencies): Promise<number> {
  let config: HeardConfig;
  try {
    config = loadConfig(deps.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    deps.err(`configuration: ${error.message}`);
    return 2;
  }
  if (config.newMasterKey === null) {
    deps.err(
      'usage: HEARD_NEW_MASTER_KEY=<32 bytes in base64> npm run keys:rotate   (with HEARD_MASTER_KEY the current key)',
    );
    return 2;
  }
  const from = MasterKey.fromBase64(config.masterKey);
  const to = MasterKey.fromBase64(config.newMasterKey);
  const table = await openDataKeyTable(config, EVENT_STORE_SCHEMA);
  try {
    const count = await rotateMasterKey(table, from, to);
    deps.out(`re-wrapped ${count} data key(s) from master key ${from.id} to ${to.id}`);
    deps.out(
      'now set HEARD_MASTER_KEY to the new key (and unset HEARD_NEW_MASTER_KEY), then start Heard',
    );
    return 0;
  } finally {
    await table.close();
  }
}
