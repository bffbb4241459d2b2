import { applyDecorators, HttpCode, SetMetadata } from '@nestjs/common';
import { ApiBasicAuth, ApiOperation, ApiResponse } from '@nestjs/swagger';
import { THROTTLE_CLASS_KEY, ThrottleClass } from '../throttling/throttle-class';
import { ERROR_SCHEMA } from '../errors/error.schema';

export interface ApiRouteOptions {
  throttle: ThrottleClass;
  summary: string;
  /** Status of a success; OpenAI answered 200 even for creates. */
  status?: number;
}

/**
 * The one decorator per route: Basic auth in Swagger, the throttle class, and the error
 * responses every route shares.
 */
export function ApiRoute({ throttle, summary, status = 200 }: ApiRouteOptions) {
  return applyDecorators(
    SetMetadata(THROTTLE_CLASS_KEY, throttle),
    HttpCode(status),
    ApiOperation({ summary }),
    ApiBasicAuth('basic'),
    ApiResponse({ status: 400, description: 'Invalid request (the `param` names the field).', schema: ERROR_SCHEMA }),
    ApiResponse({ status: 401, description: 'Missing or invalid Basic credentials.', schema: ERROR_SCHEMA }),
    ApiResponse({ status: 404, description: 'Unknown object, or one owned by another user.', schema: ERROR_SCHEMA }),
    ApiResponse({ status: 429, description: 'Rate limited; see Retry-After.', schema: ERROR_SCHEMA }),
  );
}
