import { ValidationError, ValidationPipe, ValidationPipeOptions } from '@nestjs/common';
import { ApiError, ErrorIssue } from './api-error';

function issuesOf(errors: ValidationError[], prefix = ''): ErrorIssue[] {
  const out: ErrorIssue[] = [];
  for (const err of errors) {
    const field = prefix ? `${prefix}.${err.property}` : err.property;
    const constraints = err.constraints ?? {};
    for (const [name, message] of Object.entries(constraints)) {
      if (name === 'whitelistValidation') out.push({ code: 'INVALID', field, message: `Unknown field "${field}".` });
      else if (name === 'isDefined' || (name === 'isNotEmpty' && (err.value === undefined || err.value === null)))
        out.push({ code: 'REQUIRED', field, message: 'This field is required.' });
      else if (name === 'isEnum' || name === 'isIn') out.push({ code: 'INVALID_CHOICE', field, message });
      else out.push({ code: 'INVALID', field, message });
    }
    if (err.children?.length) out.push(...issuesOf(err.children, field));
  }
  // A missing value fails every rule of its field; the REQUIRED issue says it all.
  const required = new Set(out.filter((i) => i.code === 'REQUIRED').map((i) => i.field));
  return out.filter((i) => i.code === 'REQUIRED' || !required.has(i.field));
}

/**
 * whitelist + forbidNonWhitelisted + transform, with errors as ApiError issues. `extra` adds options,
 * e.g. validateCustomDecorators for a dialect's own input decorator.
 */
export function createValidationPipe(extra: ValidationPipeOptions = {}): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    stopAtFirstError: false,
    exceptionFactory: (errors) => new ApiError(400, issuesOf(errors)),
    ...extra,
  });
}
