import { Controller, Get, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiSchema } from '@nestjs/swagger';
import { Principal } from '../../../core/auth/principal';
import { CurrentPrincipal } from '../../../core/policy/current.decorators';
import { Can } from '../../../core/policy/policy.decorators';
import { PaginatedResponseOf } from '../pagination/pagination.dto';
import { PaginationResult } from '../pagination/paginator';
import { EnableyErrors } from '../policy/enabley-api.decorators';
import { ENABLEY_USER } from '../policy/enabley-subjects';
import { ListUsersV3Query, USERS_V2_MAX_LIMIT, UserInfoDto } from './user.dto';
import { EnableyUsersReadService } from './users-read.service';

@ApiSchema({ name: 'PaginationResponseUserInfo' })
export class UserInfoPageDto extends PaginatedResponseOf(UserInfoDto, USERS_V2_MAX_LIMIT) {}

@ApiTags('Enabley: Users')
@Controller()
export class EnableyUsersV3Controller {
  constructor(private readonly reads: EnableyUsersReadService) {}

  @Get('api/v3/users')
  @Can('read', ENABLEY_USER)
  @ApiOperation({
    summary: 'Find users by filter V3',
    description:
      'Paginated users of the caller\'s account ordered by identifier. Pass the answer\'s `paginationKey` (alone, or with the same filters) to read the next page; it is null on the last page. An altered, expired or foreign key answers 404 not_found.',
  })
  @ApiOkResponse({ type: UserInfoPageDto, description: 'OK' })
  @ApiNotFoundResponse({ description: 'Invalid paginationKey (not_found).' })
  @EnableyErrors()
  list(@CurrentPrincipal() p: Principal, @Query() q: ListUsersV3Query): Promise<PaginationResult<UserInfoDto>> {
    return this.reads.listV3(p.accountId, q);
  }
}
