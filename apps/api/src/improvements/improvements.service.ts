import { PersonalDataPort } from '@heard/customers';
import { getPerson } from '@heard/directory';
import { resolveScope } from '@heard/directory/read-models';
import { Clock, EventStore, uuidV7 } from '@heard/event-store';
import { ValidationProblem } from '@heard/http';
import { Actor, DomainError, Scope } from '@heard/kernel';
import {
  changeImprovement,
  ChangeImprovement,
  decodeImprovementCursor,
  feedbackToLink,
  listImprovements,
  loadImprovement,
  mayChange,
  previewOf,
  proposeImprovement,
} from '@heard/loop/subscriptions';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CLOCK, EVENT_STORE, PERSONAL_DATA, READ_MODELS } from '../platform/tokens';
import { CancelImprovementRequest } from './cancel-improvement.request.dto';
import {
  ImprovementPageResponse,
  ImprovementResponse,
  LinkPreviewResponse,
  LinkResultResponse,
  presentImprovement,
  presentSummary,
} from './improvement.response';
import { IMPROVEMENT_ROLES } from './improvement-roles';
import { LinkFeedbackRequest } from './link-feedback.request.dto';
import { linkRequestOf } from './link-request-of';
import { ListImprovementsRequest } from './list-improvements.request.dto';
import { ProposeImprovementRequest } from './propose-improvement.request.dto';
import { ShipImprovementRequest } from './ship-improvement.request.dto';

const DEFAULT_LIMIT = 50;

type Change = ChangeImprovement['command'];

/** The improvements API over the loop context: the caller's scope first, then the rules. */
@Injectable()
export class ImprovementsService {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODELS) private readonly readModels: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(PERSONAL_DATA) private readonly personal: PersonalDataPort,
  ) {}

  private scopeOf(actor: Actor): Promise<Scope> {
    return resolveScope(actor, this.readModels);
  }

  private now(): string {
    return this.clock.now().toISOString();
  }

  private async requireOwner(owner: string): Promise<void> {
    const person = await getPerson(this.store, owner);
    if (!person?.current.roles.some((role) => IMPROVEMENT_ROLES.includes(role)))
      throw new DomainError(
        'improvement.owner_unknown',
        `owner: ${owner} is not a store manager, regional manager or cx_admin in the directory`,
        'invalid',
        'owner',
      );
  }

  async propose(actor: Actor, body: ProposeImprovementRequest): Promise<ImprovementResponse> {
    const scope = await this.scopeOf(actor);
    const owner = body.owner ?? actor.id;
    if (owner !== actor.id) await this.requireOwner(owner);
    const at = this.clock.now();
    const loaded = await proposeImprovement(this.store, scope, {
      type: 'ProposeImprovement',
      improvementId: uuidV7(at),
      title: body.title,
      description: body.description,
      storeIds: body.storeIds,
      categories: body.categories,
      owner,
      by: actor.id,
      at: at.toISOString(),
    });
    return presentImprovement(loaded);
  }

  async list(actor: Actor, request: ListImprovementsRequest): Promise<ImprovementPageResponse> {
    const after = request.cursor === undefined ? null : decodeImprovementCursor(request.cursor);
    if (request.cursor !== undefined && after === null)
      throw new ValidationProblem([
        {
          field: 'cursor',
          rule: 'cursor',
          message: 'cursor must be a nextCursor this API returned',
        },
      ]);
    const page = await listImprovements(this.readModels, {
      scope: await this.scopeOf(actor),
      status: request.status,
      storeId: request.store,
      after,
      limit: request.limit ?? DEFAULT_LIMIT,
    });
    return { items: page.items.map(presentSummary), nextCursor: page.nextCursor };
  }

  async get(actor: Actor, improvementId: string): Promise<ImprovementResponse> {
    return presentImprovement(
      await loadImprovement(this.store, improvementId, await this.scopeOf(actor)),
    );
  }

  private async change(actor: Actor, improvementId: string, command: Change) {
    const loaded = await changeImprovement(this.store, {
      improvementId,
      scope: await this.scopeOf(actor),
      command,
      actor: actor.id,
    });
    return presentImprovement(loaded);
  }

  start(actor: Actor, improvementId: string): Promise<ImprovementResponse> {
    return this.change(actor, improvementId, {
      type: 'StartImprovement',
      by: actor.id,
      at: this.now(),
    });
  }

  ship(actor: Actor, improvementId: string, body: ShipImprovementRequest) {
    return this.change(actor, improvementId, {
      type: 'ShipImprovement',
      messages: body.messages,
      by: actor.id,
      at: this.now(),
    });
  }

  cancel(actor: Actor, improvementId: string, body: CancelImprovementRequest) {
    return this.change(actor, improvementId, {
      type: 'CancelImprovement',
      reason: body.reason ?? null,
      by: actor.id,
      at: this.now(),
    });
  }

  /** What the request matches, for the caller's stores, on an improvement they may change. */
  private async matching(actor: Actor, improvementId: string, body: LinkFeedbackRequest) {
    const request = linkRequestOf(body);
    const scope = await this.scopeOf(actor);
    const loaded = await loadImprovement(this.store, improvementId, scope);
    if (!mayChange(scope, loaded.state))
      throw new DomainError(
        'improvement.forbidden',
        'only its owner, cx_admin or a manager of all its stores may link feedback to this improvement',
        'forbidden',
      );
    const items = await feedbackToLink(this.store, this.readModels, this.personal, scope, request);
    return { scope, loaded, items, preview: previewOf(items, loaded.state.linked) };
  }

  async preview(
    actor: Actor,
    improvementId: string,
    body: LinkFeedbackRequest,
  ): Promise<LinkPreviewResponse> {
    return (await this.matching(actor, improvementId, body)).preview;
  }

  async link(
    actor: Actor,
    improvementId: string,
    body: LinkFeedbackRequest,
  ): Promise<LinkResultResponse> {
    const { scope, items, preview } = await this.matching(actor, improvementId, body);
    const loaded = await changeImprovement(this.store, {
      improvementId,
      scope,
      command: { type: 'LinkFeedback', feedback: items, by: actor.id, at: this.now() },
      actor: actor.id,
    });
    return {
      ...preview,
      linked: items.length - preview.alreadyLinked,
      improvement: presentImprovement(loaded),
    };
  }
}
