// The dialect modules register their error formats when imported.
import '../../src/app.module';
import { ApiError } from '../../src/core/http/api-error';
import { errorBody } from '../../src/core/http/error-formats';

/** The bodies these errors answered when each was built by hand (ApiError.withBody): byte for byte the same. */
const wire = (path: string, error: ApiError) => JSON.stringify(errorBody(path, error));

describe('ErrorCodes that replaced hand-built bodies', () => {
  it('ITEM_NOT_EXISTS is Enabley item_not_exists, at 404 or the status asked for', () => {
    expect(wire('/api/v2/channels/c1/users/ghost', ApiError.itemNotExists('No user with identifier "ghost".'))).toBe(
      JSON.stringify({ error: 'item_not_exists', error_description: 'No user with identifier "ghost".' }),
    );
    const conflict = ApiError.itemNotExists('User "a" has no connection to certificate "c".', 409);
    expect(conflict.status).toBe(409);
    expect(wire('/api/v1/certificates/compliance', conflict)).toBe(JSON.stringify({ error: 'item_not_exists', error_description: 'User "a" has no connection to certificate "c".' }));
  });

  it('INVALID_CLIENT and UNSUPPORTED_GRANT_TYPE are the OAuth2 and Enabley token words', () => {
    const invalidClient = (message: string) => new ApiError(401, [{ code: 'INVALID_CLIENT', message }]);
    expect(wire('/api/v1/token', invalidClient('Unknown client or wrong secret.'))).toBe(JSON.stringify({ error: 'invalid_client', error_description: 'Unknown client or wrong secret.' }));
    expect(wire('/oauth2/access_token', invalidClient('Client authentication failed.'))).toBe(JSON.stringify({ error: 'invalid_client', error_description: 'Client authentication failed.' }));
    expect(wire('/oauth2/v1/access_token', ApiError.badRequest('Only grant_type=client_credentials is supported.', undefined, 'UNSUPPORTED_GRANT_TYPE'))).toBe(
      JSON.stringify({ error: 'unsupported_grant_type', error_description: 'Only grant_type=client_credentials is supported.' }),
    );
    expect(wire('/oauth2/access_token', ApiError.badRequest('client_id and client_secret are required.'))).toBe(
      JSON.stringify({ error: 'invalid_request', error_description: 'client_id and client_secret are required.' }),
    );
  });

  it('a Triboo page out of range is the plain 404 of the Triboo format', () => {
    expect(wire('/api/extended/v1/users/', ApiError.notFound('Invalid page.'))).toBe(JSON.stringify({ status: 'not_found', detail: 'Invalid page.' }));
  });
});
