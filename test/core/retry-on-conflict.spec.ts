import { retryOnceOnConflict } from '../../src/core/database/retry-on-conflict';
import { ApiError } from '../../src/core/http/api-error';

describe('retryOnceOnConflict', () => {
  it('runs the upsert a second time after a 409, and only once more', async () => {
    const conflict = ApiError.conflict('taken', 'identifier');
    const once = jest.fn().mockRejectedValueOnce(conflict).mockResolvedValueOnce('updated');
    await expect(retryOnceOnConflict(once)).resolves.toBe('updated');
    expect(once).toHaveBeenCalledTimes(2);
    const always = jest.fn().mockRejectedValue(conflict);
    await expect(retryOnceOnConflict(always)).rejects.toBe(conflict);
    expect(always).toHaveBeenCalledTimes(2);
  });

  it('does not retry other errors, nor conflicts the predicate does not name', async () => {
    const bad = ApiError.badRequest('no');
    const failing = jest.fn().mockRejectedValue(bad);
    await expect(retryOnceOnConflict(failing)).rejects.toBe(bad);
    expect(failing).toHaveBeenCalledTimes(1);
    const conflict = jest.fn().mockRejectedValue(ApiError.conflict('taken'));
    await expect(retryOnceOnConflict(conflict, () => false)).rejects.toBeInstanceOf(ApiError);
    expect(conflict).toHaveBeenCalledTimes(1);
  });
});
