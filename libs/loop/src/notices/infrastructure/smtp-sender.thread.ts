/**
 * Composes and sends notices' e-mail in a thread of its own: building the MIME message and
 * speaking SMTP cost as much CPU as everything else delivery does, and that must not be spent on
 * the event loop that reads and records the notices (or, under `npm start`, serves requests).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { SmtpEmailChannel } from './smtp-email-channel';
import { FromSmtpSender, SmtpSenderData, ToSmtpSender } from './smtp-sender.messages';

if (parentPort === null) throw new Error('smtp-sender.thread runs only as a worker thread');
const port = parentPort;
const channel = new SmtpEmailChannel(workerData as SmtpSenderData);

port.on('message', (message: ToSmtpSender) => {
  if (message.kind === 'close') {
    void channel.close().finally(() => port.close());
    return;
  }
  // SmtpEmailChannel answers every failure as a result; it never rejects.
  void channel.send(message.notice).then((result) => {
    const reply: FromSmtpSender = { id: message.id, result };
    port.postMessage(reply);
  });
});
