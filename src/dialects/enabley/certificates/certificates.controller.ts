import { Body, Controller, Get, Header, Param, Put, Query, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiGoneResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags, ApiParam } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Principal } from '../../../core/auth/principal';
import { CurrentPrincipal } from '../../../core/policy/current.decorators';
import { Can, Public } from '../../../core/policy/policy.decorators';
import { ApiOkList } from '../../../core/http/api-ok-list';
import { EnableyErrors } from '../policy/enabley-api.decorators';
import { USER_CERTIFICATES_LIMIT } from '../../../core/learning/certificates/certificates.service';
import { DEFAULT_PAGE_SIZE } from '../pagination/page-size.query';
import { KeysetPaginator, PaginationResult } from '../pagination/paginator';
import { CertificateDataDto, CertificateInfoDto, CertificateInfoPageDto, CertificatesV2QueryDto, RequirementUpdateDto, UserCertificateStateDto } from './certificate.dto';
import { CertificateView } from '../../../core/learning/certificates/certificates.service';
import { EnableyCertificatesService, toCertificateInfo } from './enabley-certificates.service';
import { CertificatesService } from '../../../core/learning/certificates/certificates.service';

/** Most certificates GET /api/v1/certificates answers; v2 pages through any number. */
export const CERTIFICATES_V1_LIMIT = 10000;

@ApiTags('Enabley: Certificates')
@Controller()
export class CertificatesController {
  constructor(
    private readonly enabley: EnableyCertificatesService,
    private readonly certificates: CertificatesService,
    private readonly paginator: KeysetPaginator,
  ) {}

  @Get('api/v1/certificates')
  @Can('read', 'EnableyCertificates')
  @ApiOperation({ summary: 'Get account certificates', description: `Get all certificates information for that account, oldest first (at most ${CERTIFICATES_V1_LIMIT}; v2 pages through any number).` })
  @ApiOkList(CertificateInfoDto, CERTIFICATES_V1_LIMIT, 'OK')
  @EnableyErrors()
  async list(@CurrentPrincipal() p: Principal): Promise<CertificateInfoDto[]> {
    return (await this.certificates.list(p.accountId, null, CERTIFICATES_V1_LIMIT)).map(toCertificateInfo);
  }

  @Put('api/v1/certificates')
  @Can('create', 'EnableyCertificates')
  @ApiOperation({
    summary: 'Create or update a certificate (authoring, beyond the seed)',
    description:
      'Creates (201; name required) or updates (200) the certificate with that externalCertificateId. courseIds are identifiers of COURSE channels (404 item_not_exists when unknown). ' +
      'A user completing every course of an ACTIVE certificate is certified, valid for expiration.duration × expiration.period. Learners who already completed every course are certified at once.',
  })
  @ApiCreatedResponse({ description: 'Certificate was created', type: CertificateInfoDto })
  @ApiOkResponse({ description: 'Certificate was updated', type: CertificateInfoDto })
  @EnableyErrors()
  @ApiNotFoundResponse({ description: 'Unknown course.' })
  async upsert(@CurrentPrincipal() p: Principal, @Body() body: CertificateDataDto, @Res({ passthrough: true }) res: FastifyReply): Promise<CertificateInfoDto> {
    const { certificate, created } = await this.enabley.upsert(p.accountId, body);
    res.status(created ? 201 : 200);
    return certificate;
  }

  @Put('api/v1/certificates/compliance')
  @Can('update', 'EnableyCertificates')
  @ApiOperation({
    summary: 'Update Certificate Requirement for a User',
    description:
      'Define whether the certificate is required for the user or not. 404 item_not_exists when the user or certificate is unknown; 409 item_not_exists when the user has no connection ' +
      'to the certificate (a certificate record, or an active enrollment in one of its courses).',
  })
  @ApiOkResponse({ description: 'Requirement status was updated', type: UserCertificateStateDto })
  @EnableyErrors()
  @ApiNotFoundResponse({ description: 'User or certificate not found' })
  @ApiConflictResponse({ description: 'No existing user-certificate connection' })
  compliance(@CurrentPrincipal() p: Principal, @Body() body: RequirementUpdateDto): Promise<UserCertificateStateDto> {
    return this.enabley.setRequirement(p.accountId, body.userIdentifier, body.certificateIdentifier, body.isRequired);
  }

  @Get('api/v1/certificates/users/:externalUserId')
  @ApiParam({ name: 'externalUserId', description: 'externalUserId', type: String })
  @Can('read', 'EnableyCertificates')
  @ApiOperation({
    summary: 'Get user’s certificates',
    description:
      "Get all of the user’s accomplishments in form of certificates: every certificate the user is connected to, with its state (INIT, IN_PROGRESS, CERTIFIED, ABOUT_TO_EXPIRE in the last 30 days, EXPIRED), " +
      'certification and expiration dates and, once certified, a pdfUrl (valid for CERTIFICATE_LINK_TTL_SECONDS, default 7 days, from this answer). 404 not_found for an unknown user.',
  })
  @ApiOkList(UserCertificateStateDto, USER_CERTIFICATES_LIMIT, 'OK')
  @EnableyErrors()
  @ApiNotFoundResponse({ description: 'Unknown user.' })
  userStates(@CurrentPrincipal() p: Principal, @Param('externalUserId') externalUserId: string): Promise<UserCertificateStateDto[]> {
    return this.enabley.userStates(p.accountId, externalUserId);
  }

  @Get('api/v2/certificates')
  @Can('read', 'EnableyCertificates')
  @ApiOperation({
    summary: 'Get account certificates V2',
    description:
      'Get all certificates information for that account, page by page (oldest first, read by keyset). Send the returned paginationKey for the next page; it is null on the last page. ' +
      'An altered, expired or foreign key answers 404 not_found.',
  })
  @ApiOkResponse({ type: CertificateInfoPageDto })
  @EnableyErrors()
  @ApiNotFoundResponse({ description: 'An altered, expired or foreign paginationKey (not_found).' })
  listV2(@CurrentPrincipal() p: Principal, @Query() raw: CertificatesV2QueryDto): Promise<PaginationResult<CertificateInfoDto>> {
    const { q, query } = this.paginator.restore(raw, ['pageSize']);
    return this.paginator.page<CertificateView, CertificateInfoDto>({
      binding: { route: 'GET /api/v2/certificates', accountId: p.accountId, filters: {}, pageSize: q.pageSize ?? DEFAULT_PAGE_SIZE, query },
      paginationKey: q.paginationKey,
      count: () => this.certificates.count(p.accountId),
      fetch: (after, limit) => this.certificates.list(p.accountId, after ? [String(after[0]), String(after[1])] : null, limit),
      position: (c) => [c.createdKey, c.id],
      map: toCertificateInfo,
    });
  }

  @Get('api/v2/certificates/:externalCertificateId')
  @ApiParam({ name: 'externalCertificateId', description: 'External certificate id', type: String })
  @Can('read', 'EnableyCertificates')
  @ApiOperation({ summary: 'Get account certificate by external certificate id', description: 'Get certificate by external certificate id; 404 not_found when unknown.' })
  @ApiOkResponse({ type: CertificateInfoDto })
  @EnableyErrors()
  @ApiNotFoundResponse({ description: 'Unknown certificate.' })
  get(@CurrentPrincipal() p: Principal, @Param('externalCertificateId') id: string): Promise<CertificateInfoDto> {
    return this.enabley.get(p.accountId, id);
  }

  @Get('api/v1/certificates/pdf/:token')
  @ApiParam({ name: 'token', description: 'The signed document reference of a pdfUrl', type: String })
  @Public()
  @Header('Cache-Control', 'private, no-store')
  @ApiOperation({
    summary: 'Certificate PDF (the pdfUrl of a certified user’s certificate)',
    description:
      'The certificate document. The link is signed for one user and one certificate, so it needs no token; it carries its expiry ' +
      '(CERTIFICATE_LINK_TTL_SECONDS after it was handed out, default 7 days), after which it answers 410 not_found. ' +
      'An altered link, or a user not certified, answers 404.',
  })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'A one-page PDF document.', schema: { type: 'string', format: 'binary', maxLength: 1000000 } })
  @ApiNotFoundResponse({ description: 'Invalid link, or no certification.' })
  @ApiGoneResponse({ description: 'The link has expired; a fresh pdfUrl comes with the user’s certificates.' })
  async pdf(@Param('token') token: string, @Res({ passthrough: true }) res: FastifyReply): Promise<Buffer> {
    const doc = await this.enabley.pdf(token);
    res.type('application/pdf');
    res.header('Content-Disposition', 'inline; filename="certificate.pdf"');
    return doc;
  }
}
