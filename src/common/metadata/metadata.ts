import { registerDecorator, ValidationOptions } from 'class-validator';

export type Metadata = Record<string, string>;

export const METADATA_LIMITS = { pairs: 16, keyLength: 64, valueLength: 512 } as const;

/** Returns why `value` is not valid OpenAI metadata, or null when it is. */
export function metadataViolation(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return 'must be an object of string keys and string values';
  }
  const entries = Object.entries(value);
  if (entries.length > METADATA_LIMITS.pairs) {
    return `must have at most ${METADATA_LIMITS.pairs} key-value pairs`;
  }
  for (const [key, item] of entries) {
    if (key.length === 0 || key.length > METADATA_LIMITS.keyLength) {
      return `keys must be 1 to ${METADATA_LIMITS.keyLength} characters long (key '${key.slice(0, 80)}')`;
    }
    if (typeof item !== 'string') {
      return `values must be strings (key '${key}')`;
    }
    if (item.length > METADATA_LIMITS.valueLength) {
      return `values must be at most ${METADATA_LIMITS.valueLength} characters long (key '${key}')`;
    }
  }
  return null;
}

/** Validates a `metadata` field: up to 16 pairs, keys ≤ 64 chars, string values ≤ 512 chars. */
export function IsMetadata(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isMetadata',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown) => metadataViolation(value) === null,
        defaultMessage: (args) => `${args?.property} ${metadataViolation(args?.value)}`,
      },
    });
}
