import type { RecordedEvent as EsdbRecordedEvent } from '@eventstore/db-client';
import { PreparedEvent } from '@heard/event-store';
import {
  decodeEnvelope,
  encodeEnvelope,
  fromEsdbEvent,
  isSystemEvent,
  toEventData,
} from './eventstoredb-envelope';

const prepared = (extra: Partial<PreparedEvent> = {}): PreparedEvent => ({
  eventId: '0190f5a2-7c1e-7000-8000-000000000001',
  type: 'CaseOpened',
  schemaVersion: 2,
  data: { caseId: 'c-1', text: 'Хліб черствий 😡' },
  json: '{"caseId":"c-1","text":"Хліб черствий 😡"}',
  occurredAt: new Date('2025-12-31T23:59:59.123Z'),
  recordedAt: new Date('2026-01-01T00:00:00.000Z'),
  correlationId: 'corr-1',
  causationId: 'cause-1',
  actor: 'agent:a-7',
  ...extra,
});

const created = new Date('2030-01-01T00:00:00.000Z');

const stored = (
  event: PreparedEvent,
  extra: Partial<EsdbRecordedEvent> = {},
): EsdbRecordedEvent => {
  const data = toEventData(event);
  // What the server hands back: metadata and data after a JSON round trip.
  return {
    streamId: 'case-1',
    id: data.id,
    isJson: true,
    revision: 4n,
    type: data.type,
    created,
    data: JSON.parse(JSON.stringify(data.data)),
    metadata: JSON.parse(JSON.stringify(data.metadata)),
    position: { commit: 1234n, prepare: 1234n },
    ...extra,
  } as EsdbRecordedEvent;
};

describe('envelope in EventStoreDB metadata', () => {
  it('writes a JSON event with our id, type and data, and the envelope as metadata', () => {
    const data = toEventData(prepared());
    expect(data).toMatchObject({
      id: '0190f5a2-7c1e-7000-8000-000000000001',
      contentType: 'application/json',
      type: 'CaseOpened',
      data: { caseId: 'c-1', text: 'Хліб черствий 😡' },
    });
    expect(data.metadata).toEqual({
      schemaVersion: 2,
      occurredAt: '2025-12-31T23:59:59.123Z',
      recordedAt: '2026-01-01T00:00:00.000Z',
      correlationId: 'corr-1',
      causationId: 'cause-1',
      actor: 'agent:a-7',
      $correlationId: 'corr-1',
      $causationId: 'cause-1',
    });
  });

  it('leaves the $-prefixed convention keys out when there is nothing to put in them', () => {
    const metadata = encodeEnvelope(prepared({ correlationId: null, causationId: null }));
    expect(Object.keys(metadata)).not.toContain('$correlationId');
    expect(Object.keys(metadata)).not.toContain('$causationId');
  });

  it('reads back every envelope field, version = revision + 1, position = commit position', () => {
    const event = prepared();
    expect(fromEsdbEvent(stored(event))).toEqual({
      eventId: event.eventId,
      type: 'CaseOpened',
      schemaVersion: 2,
      data: event.data,
      streamId: 'case-1',
      streamVersion: 5,
      globalPosition: 1234n,
      occurredAt: event.occurredAt,
      recordedAt: event.recordedAt,
      correlationId: 'corr-1',
      causationId: 'cause-1',
      actor: 'agent:a-7',
    });
  });

  it('round-trips null envelope fields as null', () => {
    const event = prepared({ correlationId: null, causationId: null, actor: null });
    expect(fromEsdbEvent(stored(event))).toMatchObject({
      correlationId: null,
      causationId: null,
      actor: null,
    });
  });

  it('reads events other writers stored without our metadata, falling back to the server time', () => {
    for (const metadata of [undefined, new Uint8Array([1, 2]), 'text', { schemaVersion: 'x' }]) {
      expect(decodeEnvelope(metadata, created)).toEqual({
        schemaVersion: 1,
        occurredAt: created,
        recordedAt: created,
        correlationId: null,
        causationId: null,
        actor: null,
      });
    }
    expect(
      decodeEnvelope({ $correlationId: 'c', $causationId: 'e', occurredAt: 'nope' }, created),
    ).toMatchObject({ correlationId: 'c', causationId: 'e', occurredAt: created });
  });

  it('refuses an event without its $all position rather than inventing one', () => {
    expect(() => fromEsdbEvent(stored(prepared(), { position: undefined }))).toThrow(
      /22\.6 or later/,
    );
  });

  it('tells system events by a $ in front of their type or stream', () => {
    expect(isSystemEvent({ type: '$>', streamId: '$ce-case' })).toBe(true);
    expect(isSystemEvent({ type: '$metadata', streamId: '$$case-1' })).toBe(true);
    expect(isSystemEvent({ type: 'Stats', streamId: '$stats-127.0.0.1:2113' })).toBe(true);
    expect(isSystemEvent({ type: 'CaseOpened', streamId: 'case-1' })).toBe(false);
  });
});
