import { signHs256 } from '@heard/http';
import { OpenApiResponseValidator } from './openapi-response-validator';

export interface ApiAnswer<T> {
  readonly status: number;
  readonly body: T;
  readonly headers: Headers;
}

/** Real HTTP to a running app, as one caller with one role; every answer is checked against the served document. */
export class ApiClient {
  readonly token: string;

  constructor(
    private readonly baseUrl: string,
    secret: string,
    readonly sub: string,
    readonly role: string,
    private readonly contract: OpenApiResponseValidator,
  ) {
    this.token = signHs256({ sub, role }, secret);
  }

  get<T>(path: string): Promise<ApiAnswer<T>> {
    return this.call<T>('GET', path);
  }

  post<T>(
    path: string,
    body: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiAnswer<T>> {
    return this.call<T>('POST', path, body, headers);
  }

  put<T>(path: string, body: unknown): Promise<ApiAnswer<T>> {
    return this.call<T>('PUT', path, body);
  }

  private async call<T>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiAnswer<T>> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${this.token}`,
        'content-type': 'application/json',
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    this.contract.check(method, path, response.status, response.headers.get('content-type'), text);
    return {
      status: response.status,
      body: (text ? JSON.parse(text) : null) as T,
      headers: response.headers,
    };
  }
}
