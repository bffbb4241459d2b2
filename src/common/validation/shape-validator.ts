import { registerDecorator, ValidationOptions } from 'class-validator';

/** Why a nested wire value is invalid: the sub-path (e.g. `[0].function.name`) and the reason. */
export interface Violation {
  path: string;
  message: string;
}

export type ShapeCheck = (value: unknown) => Violation | null;

/** Marks a constraint message that carries a sub-path, so the error names the exact param. */
export const PATH_MARKER = '@path:';

/**
 * Registers a class-validator decorator around a pure shape check. Used for OpenAI's union-typed
 * fields (tools, response_format, message content) where nested DTO classes cannot express the
 * union; the violation's sub-path is carried to the error so the param is named precisely.
 */
export function ValidShape(name: string, check: ShapeCheck, options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown) => check(value) === null,
        defaultMessage: (args) => {
          const violation = check(args?.value);
          return `${PATH_MARKER}${violation?.path ?? ''}|${violation?.message ?? 'is invalid'}`;
        },
      },
    });
}

/** Small helpers so each shape check reads like the OpenAI type it mirrors. */
export const shape = {
  fail(path: string, message: string): Violation {
    return { path, message };
  },
  isObject(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  },
  /** The first key of `value` outside `allowed`, reported as OpenAI did for unknown arguments. */
  unknownKey(value: Record<string, unknown>, allowed: readonly string[], path: string): Violation | null {
    const extra = Object.keys(value).find((key) => !allowed.includes(key));
    return extra === undefined ? null : { path: `${path}.${extra}`, message: 'unknown parameter' };
  },
  stringArray(value: unknown, path: string, max: number): Violation | null {
    if (!Array.isArray(value)) {
      return { path, message: 'must be an array of strings' };
    }
    if (value.length > max) {
      return { path, message: `must have at most ${max} items` };
    }
    const bad = value.findIndex((item) => typeof item !== 'string' || item.length === 0);
    return bad === -1 ? null : { path: `${path}[${bad}]`, message: 'must be a non-empty string' };
  },
  firstOf(...checks: Array<() => Violation | null>): Violation | null {
    for (const check of checks) {
      const violation = check();
      if (violation) {
        return violation;
      }
    }
    return null;
  },
};
