import { INestApplication } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';

type RouteArg = { index: number; data?: unknown };
const PRIMITIVES = new Set<unknown>([String, Number, Boolean, Object, Array, undefined]);

/**
 * The handlers (as `Controller_method`, the raw operation id) that take their whole query or body as a DTO
 * class: only those go through the global validation pipe's whitelist and refuse an unknown field. A handler
 * reading one `@Query('name')` or only path parameters ignores what else the query carries, so its 400
 * example must not promise `Unknown field "foo".` (it would answer 200 or 404).
 */
export function handlersRefusingUnknownFields(app: INestApplication): Set<string> {
  const out = new Set<string>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (!controller || typeof controller !== 'function') continue;
      for (const method of Object.getOwnPropertyNames(controller.prototype)) {
        if (method === 'constructor') continue;
        const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, method) ?? {}) as Record<string, RouteArg>;
        const types = (Reflect.getMetadata('design:paramtypes', controller.prototype, method) ?? []) as unknown[];
        const validated = Object.entries(args).some(([key, arg]) => {
          const kind = Number(key.split(':')[0]);
          return (kind === RouteParamtypes.BODY || kind === RouteParamtypes.QUERY) && arg.data === undefined && !PRIMITIVES.has(types[arg.index]);
        });
        if (validated) out.add(`${controller.name.replace(/Controller$/, '')}_${method}`);
      }
    }
  }
  return out;
}
