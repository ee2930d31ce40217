import { Module } from '@nestjs/common';
import { LoopRateHandler } from './loop-rate.handler';
import { LoopRateController } from './loop-rate.http.controller';

/** The loop rate: how often and how fast customers heard back, for managers and CX admins. */
@Module({ controllers: [LoopRateController], providers: [LoopRateHandler] })
export class LoopRateModule {}
