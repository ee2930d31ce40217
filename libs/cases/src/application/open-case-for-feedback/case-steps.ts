import {
  ConcurrencyError,
  EventIdReusedError,
  EventStore,
  handleCommand,
  RecordedEvent,
} from '@heard/event-store';
import { FeedbackCommand, feedbackDecider, FeedbackState, feedbackStreamId } from '@heard/feedback';
import { DomainError } from '@heard/kernel';
import { CaseCommand } from '../../domain/case.commands';
import { caseDecider, caseStreamId } from '../../domain/case.decider';
import { reactorEnvelope } from '../reactor-envelope';

export type OpenCase = Extract<CaseCommand, { type: 'OpenCase' }>;
export type AssignCase = Extract<CaseCommand, { type: 'AssignCase' }>;

/** A feedback stream as the reactor read it at the start of its decision. */
export interface LoadedFeedback {
  readonly state: FeedbackState;
  /** 0 when the stream is empty. */
  readonly version: number;
}

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
   * redelivery after a crash between the old steps still finds them. The append expects no
   * stream rather than reading first: a case that exists already (a redelivery) refuses it, or
   * the store recognises the very same append as a retry, and the separate steps finish it.
   */
  async openRouted(open: OpenCase, assign: AssignCase): Promise<void> {
    const streamId = caseStreamId(open.caseId);
    const initial = caseDecider.initialState();
    const opened = caseDecider.decide(open, initial);
    const assigned = caseDecider.decide(assign, opened.reduce(caseDecider.evolve, initial));
    const envelope = (command: CaseCommand) =>
      reactorEnvelope(this.cause, streamId, command.type, command.at);
    try {
      await this.store.append(
        streamId,
        [
          ...opened.map((e, i) => ({ ...envelope(open)(e, i), type: e.type, data: e.data })),
          ...assigned.map((e, i) => ({ ...envelope(assign)(e, i), type: e.type, data: e.data })),
        ],
        { expectedVersion: 'no_stream' },
      );
    } catch (error) {
      // Nothing of a refused append is written. Ids reused with other content mean an earlier
      // attempt stored part of the decision, or routed with other load figures.
      if (!(error instanceof ConcurrencyError || error instanceof EventIdReusedError)) throw error;
      await this.open(open);
      await this.assignUnlessRouted(open.caseId, assign);
    }
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

  /**
   * With the stream as the reactor read it, the link is decided on that and appended at its
   * version, without reading again: the reactor is the stream's only writer after intake, so
   * the version still holds unless a redelivery overtook it, which costs one refused append and
   * the ordinary read-decide-append.
   */
  async link(
    feedbackId: string,
    caseId: string,
    merged: boolean,
    at: string,
    known?: LoadedFeedback,
  ): Promise<void> {
    const streamId = feedbackStreamId(feedbackId);
    const command: FeedbackCommand = { type: 'LinkFeedbackToCase', caseId, merged, at };
    const envelope = reactorEnvelope(this.cause, streamId, 'LinkFeedbackToCase', at);
    if (known !== undefined && known.version > 0) {
      const events = feedbackDecider.decide(command, known.state);
      if (events.length === 0) return;
      try {
        await this.store.append(
          streamId,
          events.map((e, i) => ({ ...envelope(e, i), type: e.type, data: e.data })),
          { expectedVersion: known.version },
        );
        return;
      } catch (error) {
        if (!(error instanceof ConcurrencyError)) throw error;
      }
    }
    await handleCommand(this.store, streamId, feedbackDecider, command, { envelope });
  }
}
