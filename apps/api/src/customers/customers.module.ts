import { Module } from '@nestjs/common';
import { EraseCustomerHandler } from './erase-customer/erase-customer.handler';
import { EraseCustomerController } from './erase-customer/erase-customer.http.controller';
import { MyDataHandler } from './my-data/my-data.handler';
import { MyDataController } from './my-data/my-data.http.controller';
import { OptOutLinkController } from './opt-out/opt-out-link.http.controller';
import { OptOutHandler } from './opt-out/opt-out.handler';
import { OptOutController } from './opt-out/opt-out.http.controller';
import { GetPreferencesHandler } from './preferences/get-preferences.handler';
import { PreferencesController } from './preferences/preferences.http.controller';
import { PutPreferencesHandler } from './preferences/put-preferences.handler';

/** The customers context over HTTP: preferences, opting out, their data and the right to erasure. */
@Module({
  controllers: [
    EraseCustomerController,
    PreferencesController,
    OptOutController,
    OptOutLinkController,
    MyDataController,
  ],
  providers: [
    EraseCustomerHandler,
    GetPreferencesHandler,
    PutPreferencesHandler,
    OptOutHandler,
    MyDataHandler,
  ],
})
export class CustomersModule {}
