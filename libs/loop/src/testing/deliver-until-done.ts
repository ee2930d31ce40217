/**
 * Child process of the delivery kill test: follows notice events into notice_deliveries and
 * delivers every due notice over SMTP, in small batches so that there are many sends to die
 * between, then prints `done` once nothing is owed.
 * Usage: deliver-until-done <events.sqlite> <read-model connection as JSON> <smtp url> <lease ms>
 */
import 'reflect-metadata';
import { systemClock } from '@heard/event-store';
import { SqliteEventStore } from '@heard/event-store-sqlite';
import { ProjectionRunner, readModelEntities } from '@heard/projections';
import { openReadModels, ReadModelConnection, waitUntilCaughtUp } from '@heard/projections/testing';
import { IsNull, Not } from 'typeorm';
import { openDigestWindow } from '../notices/delivery/due-notices';
import { NoticeDeliverer } from '../notices/delivery/notice-deliverer';
import { NoticeDeliveryPoller } from '../notices/delivery/notice-delivery-poller';
import { NoticeChannels } from '../notices/infrastructure/notice-channels';
import { ThreadedSmtpEmailChannel } from '../notices/infrastructure/threaded-smtp-email-channel';
import { noticeDeliveriesProjection } from '../notices/read-models/notice-deliveries.projection';
import { NoticeDelivery } from '../notices/read-models/notice-delivery.entity';

export const KILL_TEST_FROM = 'Heard <notices@kill.example>';

async function main(
  eventsFile: string,
  connection: ReadModelConnection,
  smtpUrl: string,
  leaseMs: number,
): Promise<void> {
  const store = new SqliteEventStore(eventsFile);
  const dataSource = await openReadModels(
    connection,
    readModelEntities([noticeDeliveriesProjection]),
  );
  const runner = new ProjectionRunner(noticeDeliveriesProjection, store, dataSource, {
    batchSize: 200,
  });
  await runner.start();
  const channels = new NoticeChannels(
    // As the runtime sends: the SIGKILL also takes the sender thread with messages in it.
    new ThreadedSmtpEmailChannel({ smtpUrl, from: KILL_TEST_FROM }),
    null,
  );
  const deliverer = new NoticeDeliverer({
    store,
    channels,
    settings: {
      publicBaseUrl: 'http://heard.example',
      optOutSecret: 'kill-test-opt-out-secret-32-chars!',
      maxAttempts: 8,
      digestHours: 0,
    },
    openDigestWindow: (customerId, now) => openDigestWindow(dataSource, customerId, now),
  });
  const poller = new NoticeDeliveryPoller({
    dataSource,
    clock: systemClock,
    deliverer,
    batchSize: 100,
    lanes: 16,
    leaseMs,
    // Failures only: the test wants nothing but `done` from a clean run, not the passes' counts.
    log: (line) => {
      if (!line.includes(' due notice(s) in ')) process.stderr.write(`${line}\n`);
    },
  });
  const owed = () => dataSource.getRepository(NoticeDelivery).countBy({ dueAt: Not(IsNull()) });
  for (;;) {
    if ((await poller.tick()) > 0) continue;
    await waitUntilCaughtUp(runner, store, 120_000);
    if ((await owed()) === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await runner.stop();
  await channels.close();
  await store.close();
  await dataSource.destroy();
  process.stdout.write('done\n');
}

if (require.main === module) {
  const [eventsFile, connection, smtpUrl, leaseMs] = process.argv.slice(2);
  main(eventsFile, JSON.parse(connection) as ReadModelConnection, smtpUrl, Number(leaseMs)).catch(
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
