import { HttpException, HttpStatus } from '@nestjs/common';
import { AppError, AppErrorKind, RateLimited } from './app-errors';
import { errorBody, OpenAIErrorBody } from './openai-error';

export interface ErrorResponse {
  status: number;
  body: OpenAIErrorBody;
  headers: Record<string, string>;
  /** Unexpected errors are logged in full; expected ones are not. */
  unexpected: boolean;
}

export const WWW_AUTHENTICATE = 'Basic realm="poste", charset="UTF-8"';

const STATUS_BY_KIND: Record<AppErrorKind, number> = {
  not_found: HttpStatus.NOT_FOUND,
  invalid_request: HttpStatus.BAD_REQUEST,
  conflict: HttpStatus.BAD_REQUEST,
  unauthorized: HttpStatus.UNAUTHORIZED,
  payload_too_large: HttpStatus.PAYLOAD_TOO_LARGE,
  rate_limited: HttpStatus.TOO_MANY_REQUESTS,
};

/** Errors raised by Express' body parser before a route runs carry their own status and type. */
interface BodyParserError {
  status: number;
  type: string;
}

/** body-parser's (raw-body's) error types; other libraries' errors may also carry `type` and `status`. */
const BODY_PARSER_TYPE = /^(entity|request|charset|encoding|stream|parameters)\./;

function isBodyParserError(error: unknown): error is BodyParserError {
  if (typeof error !== 'object' || error === null) {
    return false;
  }
  const { type, status } = error as Partial<Record<'type' | 'status', unknown>>;
  return typeof status === 'number' && typeof type === 'string' && BODY_PARSER_TYPE.test(type);
}

/** Maps anything thrown while handling a request to an OpenAI error envelope. */
export function toErrorResponse(exception: unknown, method: string, url: string): ErrorResponse {
  if (exception instanceof AppError) {
    return fromAppError(exception);
  }
  // Nest wraps Express' body-parser errors in an HttpException; the original says what failed.
  const cause = exception instanceof HttpException ? exception.cause : exception;
  if (isBodyParserError(cause)) {
    return fromBodyParser(cause);
  }
  if (exception instanceof HttpException) {
    return fromHttpException(exception, method, url);
  }
  return respond(500, errorBody('The server had an error processing your request.', 'server_error'), {}, true);
}

function fromAppError(error: AppError): ErrorResponse {
  const status = STATUS_BY_KIND[error.kind];
  const type = error.kind === 'rate_limited' ? 'requests' : 'invalid_request_error';
  const headers: Record<string, string> = {};
  if (error.kind === 'unauthorized') {
    headers['WWW-Authenticate'] = WWW_AUTHENTICATE;
  }
  if (error instanceof RateLimited) {
    headers['Retry-After'] = String(error.retryAfterSeconds);
  }
  return respond(status, errorBody(error.message, type, error.param, error.code), headers);
}

function fromHttpException(exception: HttpException, method: string, url: string): ErrorResponse {
  const status = exception.getStatus();
  switch (status) {
    case HttpStatus.NOT_FOUND:
      return respond(
        status,
        errorBody(`Unknown request URL: ${method} ${url.split('?')[0]}.`, 'invalid_request_error'),
      );
    case HttpStatus.UNAUTHORIZED:
      return respond(
        status,
        errorBody(
          'Missing or invalid credentials. Send Authorization: Basic base64(user:password).',
          'invalid_request_error',
          null,
          'invalid_api_key',
        ),
        { 'WWW-Authenticate': WWW_AUTHENTICATE },
      );
    case HttpStatus.TOO_MANY_REQUESTS:
      return respond(
        status,
        errorBody(
          'Rate limit reached for requests. Retry after the time given in Retry-After.',
          'requests',
          null,
          'rate_limit_exceeded',
        ),
      );
    case HttpStatus.PAYLOAD_TOO_LARGE:
      return respond(
        status,
        errorBody('Request payload is too large.', 'invalid_request_error', null, 'payload_too_large'),
      );
    default:
      if (status >= 500) {
        return respond(500, errorBody('The server had an error processing your request.', 'server_error'), {}, true);
      }
      return respond(status, errorBody(exception.message, 'invalid_request_error'));
  }
}

function fromBodyParser(error: BodyParserError): ErrorResponse {
  switch (error.type) {
    case 'entity.too.large':
      return respond(413, errorBody('Request body is too large.', 'invalid_request_error', null, 'payload_too_large'));
    case 'entity.parse.failed':
      return respond(
        400,
        errorBody(
          'We could not parse the JSON body of your request. The OpenAI API expects a JSON payload.',
          'invalid_request_error',
        ),
      );
    default:
      return respond(
        error.status >= 400 && error.status < 500 ? error.status : 400,
        errorBody('The request body could not be read.', 'invalid_request_error'),
      );
  }
}

function respond(status: number, body: OpenAIErrorBody, headers: Record<string, string> = {}, unexpected = false) {
  return { status, body, headers, unexpected };
}
