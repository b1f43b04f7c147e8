import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import { PolicyRequest } from '../../../core/policy/policy.guard';

/** The attributes the guard loaded for the route's object (set when the route declares a source). */
export const PolicySubjectAttrs = createParamDecorator((_: unknown, ctx: ExecutionContext) => ctx.switchToHttp().getRequest<PolicyRequest>().policySubject ?? {});
