import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ROLES, Role } from '@heard/kernel';
import { ALLOWED_ROLES, PUBLIC_ROUTE } from './auth.decorators';
import { InvalidTokenError, JwtVerifier } from './jwt-verifier';
import { Principal } from './principal';

interface AuthRequest {
  headers: Record<string, string | string[] | undefined>;
  principal?: Principal;
}

const roleOf = (claims: { role?: unknown; roles?: unknown }): Role | null => {
  const candidates = [claims.role, ...(Array.isArray(claims.roles) ? claims.roles : [])];
  return (
    (candidates.find(
      (r) => typeof r === 'string' && (ROLES as readonly string[]).includes(r),
    ) as Role) ?? null
  );
};

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
    let claims;
    try {
      claims = await this.verifier.verify(token);
    } catch (error) {
      if (error instanceof InvalidTokenError) throw new UnauthorizedException(error.message);
      throw error;
    }
    const role = roleOf(claims);
    if (!role) throw new ForbiddenException(`token role must be one of ${ROLES.join(', ')}`);
    request.principal = { id: claims.sub, role };
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ALLOWED_ROLES, targets);
    if (allowed && !allowed.includes(role))
      throw new ForbiddenException(`role ${role} may not do this`);
    return true;
  }
}
