/**
 * `npm run bench:event-store [-- sqlite|postgres ...]`: event-store throughput and latency,
 * PostgreSQL side by side with Emmett's PostgreSQL event store. Figures, not assertions.
 */
const suites: Record<string, () => Promise<{ run(): Promise<void> }>> = {
  sqlite: () => import('./sqlite.bench'),
  postgres: () => import('./postgres.bench'),
};

async function main(): Promise<void> {
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const names = wanted.length > 0 ? wanted : Object.keys(suites);
  for (const name of names) {
    const load = suites[name];
    if (!load)
      throw new Error(`unknown suite ${name}; choose from ${Object.keys(suites).join(', ')}`);
    console.log(`\n== ${name}`);
    await (await load()).run();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
