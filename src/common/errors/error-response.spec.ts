import { BadRequestException, HttpException, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { InvalidRequest, ObjectNotFound, RateLimited } from './app-errors';
import { toErrorResponse } from './error-response';

describe(toErrorResponse.name, () => {
  it('should map typed errors to their status and envelope', () => {
    expect(toErrorResponse(new ObjectNotFound('thread', 'thread_x'), 'GET', '/')).toMatchObject({
      status: 404,
      body: { error: { message: "No thread found with id 'thread_x'.", type: 'invalid_request_error', param: null } },
    });
    expect(toErrorResponse(new InvalidRequest('bad', 'model'), 'POST', '/')).toMatchObject({
      status: 400,
      body: { error: { param: 'model' } },
    });
    expect(toErrorResponse(new RateLimited('slow down', 7), 'GET', '/')).toMatchObject({
      status: 429,
      headers: { 'Retry-After': '7' },
      body: { error: { type: 'requests', code: 'rate_limit_exceeded' } },
    });
  });

  it('should answer unknown routes and missing credentials in the envelope', () => {
    expect(toErrorResponse(new NotFoundException(), 'GET', '/api/ai/nope?x=1').body.error.message).toBe(
      'Unknown request URL: GET /api/ai/nope.',
    );
    expect(toErrorResponse(new UnauthorizedException(), 'GET', '/')).toMatchObject({
      status: 401,
      headers: { 'WWW-Authenticate': expect.stringContaining('Basic realm="poste"') },
    });
  });

  it('should recognise body-parser failures wrapped by Nest', () => {
    const parse = new BadRequestException('Unexpected token', {
      cause: Object.assign(new SyntaxError('x'), { status: 400, type: 'entity.parse.failed' }),
    });
    expect(toErrorResponse(parse, 'POST', '/').body.error.message).toContain('could not parse the JSON body');
    const tooLarge = new HttpException('too large', 413, { cause: { status: 413, type: 'entity.too.large' } });
    expect(toErrorResponse(tooLarge, 'POST', '/').status).toBe(413);
  });

  it('should hide unexpected errors behind a bare 500 and flag them for logging', () => {
    const mapped = toErrorResponse(new Error('connection string has password hunter2'), 'GET', '/');
    expect(mapped).toMatchObject({ status: 500, unexpected: true, body: { error: { type: 'server_error' } } });
    expect(JSON.stringify(mapped.body)).not.toContain('hunter2');
  });

  it('should not take another library’s error with `type` and `status` for a body-parser one', () => {
    // The openai package's connection error: a type of its own, status undefined.
    const connection = Object.assign(new Error('Connection error.'), { status: undefined, type: 'connection_error' });
    expect(toErrorResponse(connection, 'POST', '/')).toMatchObject({ status: 500, unexpected: true });
  });
});
