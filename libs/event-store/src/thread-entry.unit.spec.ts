import { threadEntry } from './thread-entry';

describe('threadEntry', () => {
  const options = ['--cpu-prof', '-r', '@swc-node/register', '--require=@swc-node/register'];

  it('starts a built entry without the TypeScript loader, keeping the other options', () => {
    expect(threadEntry('/app/dist/keys/writer.js', 'writer.thread', options)).toEqual({
      file: '/app/dist/keys/writer.thread.js',
      execArgv: ['--cpu-prof'],
    });
  });

  it('starts an entry from source through the loader, once', () => {
    expect(threadEntry('/app/libs/keys/writer.ts', 'writer.thread', options)).toEqual({
      file: '/app/libs/keys/writer.thread.ts',
      execArgv: ['--cpu-prof', '-r', '@swc-node/register'],
    });
  });

  it('keeps a --require of anything else', () => {
    expect(threadEntry('/a/b.js', 't', ['--require', 'dotenv/config']).execArgv).toEqual([
      '--require',
      'dotenv/config',
    ]);
  });
});
