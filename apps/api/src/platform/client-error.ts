import { PROBLEM_CONTENT_TYPE, problemBody, problemType } from '@heard/http';
import type { Duplex } from 'node:stream';

const ANSWERS: Record<string, { status: number; title: string; slug: string; detail: string }> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    title: 'Request Header Fields Too Large',
    slug: 'headers-too-large',
    detail: 'the request line and headers are larger than the server takes',
  },
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    title: 'Request Timeout',
    slug: 'request-timeout',
    detail: 'the request did not arrive in time',
  },
};

const MALFORMED = {
  status: 400,
  title: 'Bad Request',
  slug: 'malformed-request',
  detail: 'the request is not valid HTTP/1.1 (a header value with a control character, for one)',
};

/**
 * Node's HTTP parser refuses a request before any framework sees it (a control character in a
 * header, headers too large): answered as problem+json too, then the connection is closed.
 */
export function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) {
    socket.destroy();
    return;
  }
  const answer = (error.code !== undefined ? ANSWERS[error.code] : undefined) ?? MALFORMED;
  const body = problemBody(
    {
      type: problemType(answer.slug),
      title: answer.title,
      status: answer.status,
      detail: answer.detail,
    },
    undefined,
  );
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${answer.status} ${answer.title}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}
