/**
 * Typed errors raised by services. Each carries a stable `kind`; the one exception filter
 * maps kinds to HTTP statuses and the OpenAI envelope.
 */
export type AppErrorKind =
  'not_found' | 'invalid_request' | 'conflict' | 'unauthorized' | 'payload_too_large' | 'rate_limited';

export abstract class AppError extends Error {
  abstract readonly kind: AppErrorKind;

  constructor(
    message: string,
    readonly param: string | null = null,
    readonly code: string | null = null,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** An id that does not exist or belongs to another tenant: indistinguishable on purpose. */
export class ObjectNotFound extends AppError {
  readonly kind = 'not_found';

  constructor(objectName: string, id: string, param: string | null = null) {
    super(`No ${objectName} found with id '${id}'.`, param);
  }
}

/** A request whose parameters fail a rule; names the offending param. */
export class InvalidRequest extends AppError {
  readonly kind = 'invalid_request';
}

/** A request that is valid in itself but conflicts with the state of an object (OpenAI answered 400). */
export class ConflictingState extends AppError {
  readonly kind = 'conflict';
}

/** A body parameter referencing an object the caller cannot see. */
export class InvalidReference extends InvalidRequest {
  constructor(param: string, objectName: string, id: string) {
    super(`Invalid '${param}': no ${objectName} found with id '${id}'.`, param);
  }
}

export class PayloadTooLarge extends AppError {
  readonly kind = 'payload_too_large';
}

export class RateLimited extends AppError {
  readonly kind = 'rate_limited';

  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message, null, 'rate_limit_exceeded');
  }
}
