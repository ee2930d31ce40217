import { runRotateKeys } from './rotate-keys-command';

/** `npm run keys:rotate`: stop the API and workers first (README, "Personal data"). */
runRotateKeys({
  env: process.env,
  out: (line) => console.log(line),
  err: (line) => console.error(line),
}).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
