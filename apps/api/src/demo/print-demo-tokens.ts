import { Role } from '@heard/kernel';
import { heardToken, HeardTokenSettings } from '../heard-token';

const WHO: readonly { sub: string; role: Role; what: string }[] = [
  { sub: 'admin-1', role: 'cx_admin', what: 'CX lead: everything, directory and routing rules' },
  { sub: 'M-42', role: 'store_manager', what: 'manager of S-042 Odesa Privoz' },
  { sub: 'RM-1', role: 'regional_manager', what: 'lead of region West' },
  { sub: 'A-1', role: 'agent', what: 'agent in the care team' },
  { sub: 'C-1', role: 'customer', what: 'a customer who complained about the queue' },
];

/** Tokens for the demo's people, valid for a day, so a newcomer can call the API at once. */
export function demoTokenLines(
  settings: HeardTokenSettings & { jwtSecret: string },
  port: number,
  nowSeconds = Math.floor(Date.now() / 1000),
): string[] {
  const lines = ['Demo tokens (valid 24 h):'];
  for (const { sub, role, what } of WHO) {
    const token = heardToken(settings, { sub, role }, 24 * 3600, nowSeconds);
    lines.push(
      `  ${role.padEnd(17)} ${sub.padEnd(8)} ${what}`,
      `    export TOKEN_${sub.replace('-', '_')}=${token}`,
    );
  }
  lines.push(
    'Try:',
    `  curl -s localhost:${port}/v1/me/assignments -H "Authorization: Bearer $TOKEN_M_42"`,
    `  curl -s localhost:${port}/v1/cases -H "Authorization: Bearer $TOKEN_admin_1"`,
  );
  return lines;
}
