import { Module } from '@nestjs/common';
import { ImprovementsController } from './improvements.http.controller';
import { ImprovementsService } from './improvements.service';

/** The outer loop's improvements: propose, link feedback, start, ship, cancel. */
@Module({ controllers: [ImprovementsController], providers: [ImprovementsService] })
export class ImprovementsModule {}
