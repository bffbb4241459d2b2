import { shape, Violation } from '../../../common/validation/shape-validator';

export function checkSearchQuery(value: unknown): Violation | null {
  const queries = Array.isArray(value) ? value : [value];
  if (queries.length === 0 || queries.length > 10) {
    return shape.fail('', 'must be a non-empty string or an array of 1 to 10 strings');
  }
  const bad = queries.findIndex((query) => typeof query !== 'string' || query.trim() === '' || query.length > 4096);
  return bad === -1
    ? null
    : shape.fail(Array.isArray(value) ? `[${bad}]` : '', 'must be a non-empty string of at most 4096 characters');
}
