import type { OpenAPIObject } from '@nestjs/swagger';

type Parameter = { in?: string; required?: boolean; description?: string; example?: unknown; schema?: { example?: unknown } };

/**
 * Swagger UI's "Try it out" fills every parameter that has an example and sends it: an optional filter with
 * an example (`user_id=29,30`) silently narrows the answer to nothing. Optional query parameters keep their
 * example as text in the description instead, where a reader still sees a value to copy.
 */
export function unfillOptionalQueries(doc: OpenAPIObject): void {
  for (const item of Object.values(doc.paths)) {
    for (const op of Object.values(item as Record<string, { parameters?: Parameter[] }>)) {
      for (const p of op?.parameters ?? []) {
        if (p.in !== 'query' || p.required) continue;
        const example = p.example ?? p.schema?.example;
        if (example === undefined) continue;
        delete p.example;
        if (p.schema) delete p.schema.example;
        const text = `Example: \`${typeof example === 'string' ? example : JSON.stringify(example)}\`.`;
        p.description = p.description ? `${p.description.replace(/\s*$/, '')} ${text}` : text;
      }
    }
  }
}
