/** What JwtVerifier needs from the configuration (HeardConfig has these fields; README, "Configuration"). */
export interface JwtSettings {
  readonly jwtSecret: string | null;
  readonly jwksUrl: string | null;
  readonly oidcIssuerUrl: string | null;
  readonly jwtIssuer: string | null;
  readonly jwtAudience: readonly string[];
  readonly jwtClockToleranceSeconds: number;
  readonly jwtRoleClaim: string;
  readonly jwksCooldownSeconds: number;
}
