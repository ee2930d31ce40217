/** Where @nestjs/swagger keeps an operation's security (its DECORATORS.API_SECURITY, not exported). */
const API_SECURITY = 'swagger/apiSecurity';

/** `security: []` in the document: the operation needs no token at all. */
export const ApiNoAuth = (): ClassDecorator & MethodDecorator =>
  ((target: object, _key?: string | symbol, descriptor?: PropertyDescriptor) => {
    Reflect.defineMetadata(API_SECURITY, [], descriptor?.value ?? target);
    return descriptor ?? target;
  }) as ClassDecorator & MethodDecorator;
