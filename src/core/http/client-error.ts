import { STATUS_CODES } from 'node:http';
import { Socket } from 'node:net';
import { ApiError } from './api-error';
import { errorBody } from './error-formats';
import { SECURITY_HEADERS } from './security-headers';

/** Node's parser error codes that mean "the headers are too large" (size or count). */
const HEADER_OVERFLOW = new Set(['HPE_HEADER_OVERFLOW']);
const TIMEOUT = new Set(['ERR_HTTP_REQUEST_TIMEOUT']);

/** The request path from the start of the raw packet, when the request line got that far. */
function pathOf(rawPacket: unknown): string {
  if (!Buffer.isBuffer(rawPacket)) return '/';
  const line = rawPacket.subarray(0, 2048).toString('latin1').split('\r\n', 1)[0];
  const target = /^[A-Z]+ (\/\S*) HTTP\/1\.[01]$/.exec(line)?.[1] ?? line.split(' ')[1];
  return target?.startsWith('/') ? target : '/';
}

function errorOf(code: string): ApiError {
  if (HEADER_OVERFLOW.has(code)) return new ApiError(431, [{ code: 'INVALID', message: 'The request headers are too large.' }]);
  if (TIMEOUT.has(code)) return new ApiError(408, [{ code: 'INVALID', message: 'The request took too long to arrive.' }]);
  return new ApiError(400, [{ code: 'INVALID', message: 'The request could not be parsed as HTTP.' }]);
}

/**
 * Errors of Node's HTTP parser (headers too large, a malformed request line, a request timeout) happen
 * before Fastify sees a request: written here as a minimal raw response, in the error body of the
 * dialect that owns the path when the request line could be read, then the connection is closed.
 */
export function clientErrorHandler(err: Error & { code?: string; rawPacket?: unknown }, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  if (socket.writable) {
    const error = errorOf(err.code ?? '');
    const body = JSON.stringify(errorBody(pathOf(err.rawPacket), error));
    const headers = {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': String(Buffer.byteLength(body)),
      Connection: 'close',
      ...SECURITY_HEADERS,
    };
    const head = Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('');
    // end() flushes the answer before closing; a peer that never reads gets destroyed shortly after.
    socket.end(`HTTP/1.1 ${error.status} ${STATUS_CODES[error.status]}\r\n${head}\r\n${body}`);
    setTimeout(() => socket.destroy(), 1000).unref();
    return;
  }
  socket.destroy();
}
