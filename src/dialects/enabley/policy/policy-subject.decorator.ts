import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import { PolicyRequest } from '../../../core/policy/policy.guard';

/** The attributes the guard's subject loader returned for this route's object (saves a second lookup). */
export const PolicySubjectAttrs = createParamDecorator((_: unknown, ctx: ExecutionContext) => ctx.switchToHttp().getRequest<PolicyRequest>().policySubject);
