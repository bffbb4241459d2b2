import { ValidationError, ValidationPipe } from '@nestjs/common';
import { PATH_MARKER } from '../validation/shape-validator';
import { InvalidRequest } from './app-errors';

/** Walks to the first leaf error and returns its dotted path, e.g. `tools[0].function.name`. */
export function firstViolation(errors: ValidationError[], parent = ''): { param: string; message: string } | null {
  for (const error of errors) {
    const param = joinPath(parent, error.property);
    if (error.constraints && Object.keys(error.constraints).length > 0) {
      const raw = Object.values(error.constraints)[0];
      if (raw.startsWith(PATH_MARKER)) {
        const [subPath, message] = raw.slice(PATH_MARKER.length).split(/\|(.*)/s);
        return {
          param: subPath.startsWith('[') ? param + subPath : [param, subPath].filter(Boolean).join('.'),
          message,
        };
      }
      return { param, message: raw.replace(new RegExp(`^${error.property}\\s+`), '') };
    }
    const nested = firstViolation(error.children ?? [], param);
    if (nested) {
      return nested;
    }
  }
  return null;
}

function joinPath(parent: string, property: string): string {
  if (/^\d+$/.test(property)) {
    return `${parent}[${property}]`;
  }
  return parent ? `${parent}.${property}` : property;
}

/** The global pipe: strict DTOs, OpenAI-style 400s naming the offending param. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    stopAtFirstError: true,
    exceptionFactory: (errors) => {
      const violation = firstViolation(errors) ?? { param: null, message: 'Invalid request.' };
      const message = violation.message.includes('should not exist')
        ? `Unrecognized request argument supplied: ${violation.param}`
        : `Invalid '${violation.param}': ${violation.message}.`;
      return new InvalidRequest(message, violation.param);
    },
  });
}
