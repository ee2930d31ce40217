/**
 * `npm run bench:notices`: notice delivery, in sections (BENCH_NOTICES_SECTIONS=delivery,…
 * picks some; all run by default). Figures, not assertions; smaller runs via each section's env.
 *
 * - delivery: N scheduled "you changed this" notices (BENCH_NOTICES_N, default 20,000) delivered
 *   to a local SMTP sink (smtp-server on loopback), beside nodemailer's own pooled sending of the
 *   same messages to the same sink in the same run: the ceiling (target ≥ 0.5× of it).
 * - schedule: an improvement shipped to BENCH_NOTICES_CUSTOMERS (default 100,000) consenting
 *   customers, until every notice is scheduled (target ≤ 30 s), beside plain appends of as many.
 */
import 'reflect-metadata';
import { deliverySection } from './delivery-rate';
import { scheduleSection } from './schedule';
import { BenchSection } from './section';

/** Sections in the order they run; a new one is added here. */
const SECTIONS: readonly BenchSection[] = [scheduleSection, deliverySection];

async function main(): Promise<void> {
  const wanted = process.env.BENCH_NOTICES_SECTIONS?.split(',').map((s) => s.trim());
  for (const section of SECTIONS) {
    if (wanted && !wanted.includes(section.name)) continue;
    console.log(`\n## ${section.name}`);
    await section.run();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
