// Lints the OpenAPI document read from stdin with Redocly's recommended rules (what
// `redocly lint` runs) and prints the problems as JSON. A script of its own because
// @redocly/openapi-core is an ES module, which jest's CommonJS runtime cannot load.
import { createConfig, lintFromString } from '@redocly/openapi-core';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const config = await createConfig({ extends: ['recommended'] });
const problems = await lintFromString({
  source: Buffer.concat(chunks).toString('utf8'),
  absoluteRef: 'docs-json.json',
  config,
});
const located = problems.map((p) => ({
  severity: p.severity,
  ruleId: p.ruleId,
  message: p.message,
  pointer: p.location[0]?.pointer ?? '',
}));
process.stdout.write(JSON.stringify(located));
