import { Controller, Get, Global, Injectable, Module } from '@nestjs/common';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import { PolicyModule } from '../../src/core/policy/policy.module';
import { Can } from '../../src/core/policy/policy.decorators';
import { PolicySubjectLoader, SubjectLoader } from '../../src/core/policy/policy-extensions';

/** The policy layer refuses to boot a route that names its object (a source) but has no loader for it. */
@Controller('boot-check')
class CourseByIdController {
  @Get(':id')
  @Can('read', 'Course', { param: 'id' })
  get(): string {
    return 'unreachable';
  }
}

@Injectable()
@SubjectLoader('Course')
class CourseLoader implements PolicySubjectLoader {
  async load(id: string) {
    return { accountId: 'a', identifier: id };
  }
}

// The factory's account-admin query is never run here; boot only needs the token to resolve.
@Global()
@Module({ providers: [{ provide: getDataSourceToken(), useValue: {} }], exports: [getDataSourceToken()] })
class NoDatabaseModule {}

async function boot(providers: (new (...args: never[]) => unknown)[]) {
  const moduleRef = await Test.createTestingModule({ imports: [NoDatabaseModule, PolicyModule], controllers: [CourseByIdController], providers }).compile();
  const app = moduleRef.createNestApplication(new FastifyAdapter(), { logger: false });
  try {
    await app.init();
  } finally {
    await app.close();
  }
}

describe('policy boot check', () => {
  it('fails to boot when a @Can with a source has no @SubjectLoader', async () => {
    await expect(boot([])).rejects.toThrow(/no @SubjectLoader for: CourseByIdController\.get/);
  });

  it('boots when the subject has a loader', async () => {
    await expect(boot([CourseLoader])).resolves.toBeUndefined();
  });
});
