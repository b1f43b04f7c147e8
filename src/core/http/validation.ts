import { ArgumentMetadata, ValidationError, ValidationPipe, ValidationPipeOptions } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
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

const isEmptyPlainObject = (value: unknown): value is Record<string, never> => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return (proto === Object.prototype || proto === null) && Reflect.ownKeys(value).length === 0;
};

/** Same own properties with the same (===) values: a fresh instance then stands for plainToInstance's. */
function sameOwnValues(a: object, b: object): boolean {
  const keys = Reflect.ownKeys(a);
  return keys.length === Reflect.ownKeys(b).length && keys.every((k) => Object.is((a as Record<PropertyKey, unknown>)[k], (b as Record<PropertyKey, unknown>)[k]));
}

/**
 * The Nest pipe, except for an empty object (a GET without query parameters, the usual case): the rules of a
 * class are fixed, so once an empty input of that class passed them, the next empty input is only transformed
 * (the instance the full run returns; `new` itself when that instance is just a fresh one) instead of validated
 * again, which costs class-validator a walk of every rule it knows of. Any non-empty input, and any class an
 * empty input fails, always takes the full run.
 */
class ValidationPipeWithEmptyShortcut extends ValidationPipe {
  /** Per class and argument type: whether `new metatype()` gives what the full run gave. */
  private readonly emptyPasses = new Map<unknown, Map<string, boolean>>();

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const { metatype, type } = metadata;
    if (!metatype || !isEmptyPlainObject(value)) return super.transform(value, metadata);
    const fresh = this.emptyPasses.get(metatype)?.get(type);
    if (fresh !== undefined) return fresh ? new metatype() : plainToInstance(metatype, {}, this.transformOptions);
    const result = await super.transform(value, metadata);
    // Recorded only when the full run gave what the shortcut gives: a new instance of the class.
    if (result instanceof metatype && result !== value) {
      let types = this.emptyPasses.get(metatype);
      if (!types) this.emptyPasses.set(metatype, (types = new Map()));
      types.set(type, sameOwnValues(result, new metatype()));
    }
    return result;
  }
}

/**
 * whitelist + forbidNonWhitelisted + transform, with errors as ApiError issues. `extra` adds options,
 * e.g. validateCustomDecorators for a dialect's own input decorator.
 */
export function createValidationPipe(extra: ValidationPipeOptions = {}): ValidationPipe {
  return new ValidationPipeWithEmptyShortcut({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    stopAtFirstError: false,
    exceptionFactory: (errors) => new ApiError(400, issuesOf(errors)),
    ...extra,
  });
}
