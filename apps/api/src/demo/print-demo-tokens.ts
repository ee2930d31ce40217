import { signHs256 } from '@heard/http';
import { Role } from '@heard/kernel';

const WHO: readonly { sub: string; role: Role; what: string }[] = [
  { sub: 'admin-1', role: 'cx_admin', what: 'CX lead: everything, directory and routing rules' },
  { sub: 'M-42', role: 'store_manager', what: 'manager of S-042 Odesa Privoz' },
  { sub: 'RM-1', role: 'regional_manager', what: 'lead of region West' },
  { sub: 'A-1', role: 'agent', what: 'agent in the care team' },
  { sub: 'C-1', role: 'customer', what: 'a customer who complained about the queue' },
];

/** Tokens for the demo's people, valid for a day, so a newcomer can call the API at once. */
export function demoTokenLines(
  secret: string,
  port: number,
  nowSeconds = Math.floor(Date.now() / 1000),
): string[] {
  const lines = ['Demo tokens (valid 24 h):'];
  for (const { sub, role, what } of WHO) {
    const token = signHs256({ sub, role, iat: nowSeconds, exp: nowSeconds + 24 * 3600 }, secret);
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
