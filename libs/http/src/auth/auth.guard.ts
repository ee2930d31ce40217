import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  ServiceUnavailableException,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError, ROLES, Role } from '@heard/kernel';
import { ALLOWED_ROLES, PUBLIC_ROUTE } from './auth.decorators';
import { JwtVerifier, VerifiedToken } from './jwt-verifier';
import { Principal } from './principal';
import { IdentityProviderUnavailableError, InvalidTokenError } from './token-errors';

interface AuthRequest {
  headers: Record<string, string | string[] | undefined>;
  principal?: Principal;
}

/** Bearer JWT on every route but @Public ones; @Roles narrows who may call. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: JwtVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthRequest>();
    const header = request.headers.authorization;
    const token =
      typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7).trim() : null;
    if (!token)
      throw new UnauthorizedException('a bearer token is required (Authorization: Bearer <jwt>)');
    let verified: VerifiedToken;
    try {
      verified = await this.verifier.verify(token);
    } catch (error) {
      if (error instanceof InvalidTokenError) throw new UnauthorizedException(error.message);
      if (error instanceof IdentityProviderUnavailableError)
        throw new ServiceUnavailableException(error.message);
      throw error;
    }
    const role = verified.role;
    if (!role)
      throw new DomainError(
        'auth.no_role',
        `the token's ${this.verifier.roleClaim} claim holds none of Heard's roles (${ROLES.join(', ')})`,
        'forbidden',
      );
    request.principal = { id: verified.sub, role };
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ALLOWED_ROLES, targets);
    if (allowed && !allowed.includes(role))
      throw new ForbiddenException(`role ${role} may not do this`);
    return true;
  }
}
