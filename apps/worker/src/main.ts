import 'reflect-metadata';

async function main(): Promise<void> {
  console.log('Heard worker: no subscriptions are registered yet');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
