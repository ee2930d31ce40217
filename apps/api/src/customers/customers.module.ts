import { Module } from '@nestjs/common';
import { EraseCustomerHandler } from './erase-customer/erase-customer.handler';
import { EraseCustomerController } from './erase-customer/erase-customer.http.controller';

/** The customers context over HTTP: the right to erasure. */
@Module({ controllers: [EraseCustomerController], providers: [EraseCustomerHandler] })
export class CustomersModule {}
