import { shape, Violation } from '../../../common/validation/shape-validator';

/** OpenAI's limits: 16 keys of at most 64 characters; string values of at most 512. */
export function checkFileAttributes(value: unknown): Violation | null {
  if (value === null || value === undefined) {
    return null;
  }
  if (!shape.isObject(value)) {
    return shape.fail('', 'must be an object of string, number or boolean values');
  }
  const entries = Object.entries(value);
  if (entries.length > 16) {
    return shape.fail('', 'must have at most 16 keys');
  }
  for (const [key, item] of entries) {
    if (key.length === 0 || key.length > 64) {
      return shape.fail('', `keys must be 1 to 64 characters long (key '${key.slice(0, 80)}')`);
    }
    if (!['string', 'number', 'boolean'].includes(typeof item)) {
      return shape.fail(key, 'must be a string, number or boolean');
    }
    if (typeof item === 'string' && item.length > 512) {
      return shape.fail(key, 'must be at most 512 characters long');
    }
  }
  return null;
}
