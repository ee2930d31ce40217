import type { Decider } from '@heard/event-store';
import { NoticeEvent } from '../notice.events';
import { NoticeCommand } from './notice.commands';
import { decideNotice } from './notice.decide';
import { evolveNotice } from './notice.evolve';
import { initialNoticeState, NoticeState } from './notice.state';

export const noticeDecider: Decider<NoticeCommand, NoticeEvent, NoticeState> = {
  decide: decideNotice,
  evolve: evolveNotice,
  initialState: initialNoticeState,
};
