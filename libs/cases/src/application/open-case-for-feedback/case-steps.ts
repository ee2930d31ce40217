import { EventStore, handleCommand, RecordedEvent } from '@heard/event-store';
import { feedbackDecider, feedbackStreamId } from '@heard/feedback';
import { DomainError } from '@heard/kernel';
import { CaseCommand } from '../../domain/case.commands';
import { caseDecider, caseStreamId } from '../../domain/case.decider';
import { reactorEnvelope } from '../reactor-envelope';

type OpenCase = Extract<CaseCommand, { type: 'OpenCase' }>;
type AssignCase = Extract<CaseCommand, { type: 'AssignCase' }>;

/** The commands the reactor sends, each with ids derived from the event that caused it. */
export class CaseSteps {
  constructor(
    private readonly store: EventStore,
    private readonly cause: RecordedEvent,
  ) {}

  private onCase(caseId: string, command: CaseCommand) {
    const streamId = caseStreamId(caseId);
    return handleCommand(this.store, streamId, caseDecider, command, {
      envelope: reactorEnvelope(this.cause, streamId, command.type, command.at),
    });
  }

  async open(command: OpenCase): Promise<void> {
    await this.onCase(command.caseId, command);
  }

  /**
   * Opens the case and records its routing in one append: one commit instead of two, and never a
   * case without its routing. The ids are those the two separate steps would derive, so a
   * redelivery after a crash between the old steps still finds them.
   */
  async openRouted(open: OpenCase, assign: AssignCase): Promise<void> {
    const streamId = caseStreamId(open.caseId);
    if ((await this.store.readStream(streamId, { limit: 1 })).length > 0) {
      await this.open(open);
      await this.assignUnlessRouted(open.caseId, assign);
      return;
    }
    const initial = caseDecider.initialState();
    const opened = caseDecider.decide(open, initial);
    const assigned = caseDecider.decide(assign, opened.reduce(caseDecider.evolve, initial));
    const envelope = (command: CaseCommand) =>
      reactorEnvelope(this.cause, streamId, command.type, command.at);
    await this.store.append(
      streamId,
      [
        ...opened.map((e, i) => ({ ...envelope(open)(e, i), type: e.type, data: e.data })),
        ...assigned.map((e, i) => ({ ...envelope(assign)(e, i), type: e.type, data: e.data })),
      ],
      { expectedVersion: 'no_stream' },
    );
  }

  /** False when the case stopped taking feedback since the reactor last heard of it. */
  async attach(caseId: string, feedbackId: string, at: string): Promise<boolean> {
    try {
      await this.onCase(caseId, { type: 'AttachFeedback', feedbackId, at });
      return true;
    } catch (error) {
      if (error instanceof DomainError && ['case.resolved', 'case.closed'].includes(error.code)) {
        return false;
      }
      throw error;
    }
  }

  /** Only the first routing counts: a redelivery must not route again with newer load figures. */
  async assignUnlessRouted(caseId: string, command: AssignCase): Promise<void> {
    const history = await this.store.readStream(caseStreamId(caseId));
    if (history.some((event) => event.type === 'CaseAssigned')) return;
    await this.onCase(caseId, command);
  }

  async link(feedbackId: string, caseId: string, merged: boolean, at: string): Promise<void> {
    const streamId = feedbackStreamId(feedbackId);
    await handleCommand(
      this.store,
      streamId,
      feedbackDecider,
      { type: 'LinkFeedbackToCase', caseId, merged, at },
      { envelope: reactorEnvelope(this.cause, streamId, 'LinkFeedbackToCase', at) },
    );
  }
}
