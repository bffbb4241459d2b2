import { ValidationError } from '@nestjs/common';
import { PATH_MARKER } from '../validation/shape-validator';
import { firstViolation } from './validation';

const error = (
  property: string,
  constraints?: Record<string, string>,
  children: ValidationError[] = [],
): ValidationError => ({
  property,
  constraints,
  children,
});

describe(firstViolation.name, () => {
  it('should name a top-level param and drop its name from the message', () => {
    expect(firstViolation([error('model', { isString: 'model must be a string' })])).toEqual({
      param: 'model',
      message: 'must be a string',
    });
  });

  it('should build the dotted path of nested errors with array indexes in brackets', () => {
    const nested = error('messages', undefined, [
      error('1', undefined, [error('role', { isIn: 'role must be one of …' })]),
    ]);
    expect(firstViolation([nested])?.param).toBe('messages[1].role');
  });

  it('should append the sub-path a shape check reports', () => {
    const shaped = error('tools', { tools: `${PATH_MARKER}[0].function.name|must be 1 to 64 characters` });
    expect(firstViolation([shaped])).toEqual({
      param: 'tools[0].function.name',
      message: 'must be 1 to 64 characters',
    });
    const dotted = error('response_format', { responseFormat: `${PATH_MARKER}json_schema.name|is required` });
    expect(firstViolation([dotted])?.param).toBe('response_format.json_schema.name');
  });
});
