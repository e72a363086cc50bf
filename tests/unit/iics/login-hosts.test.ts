import { describe, expect, it } from 'vitest';
import { loginUrlForPod, normaliseLoginUrl } from '../../../electron/core/iics/login-hosts';
import { resolveLoginUrl } from '../../../electron/core/iics/login';
import { failureCode } from '../../support/failures';


describe('IICS login hosts', () => {
  it('maps POD names to the documented login hosts (iics-api.md §2), case-insensitively', () => {
    expect(loginUrlForPod('USW1')).toBe('https://dm-us.informaticacloud.com');
    expect(loginUrlForPod('use6')).toBe('https://dm-us.informaticacloud.com');
    expect(loginUrlForPod('USW3-1')).toBe('https://dm1-us.informaticacloud.com');
    expect(loginUrlForPod('EMW1')).toBe('https://dm-em.informaticacloud.com');
    expect(loginUrlForPod('APNE2')).toBe('https://dm-apne.informaticacloud.com');
    expect(loginUrlForPod('UK1')).toBe('https://dm-uk.informaticacloud.com');
  });

  it('refuses an unknown POD, pointing to --login-url (the undocumented dm-eu is not guessed)', () => {
    expect(failureCode(() => loginUrlForPod('EU1'))).toBe('INVALID_IICS_POD');
  });

  it('keeps only the origin of a pasted URL and adds https to a bare host', () => {
    expect(normaliseLoginUrl('https://dm-us.informaticacloud.com/ma/home?x=1')).toBe('https://dm-us.informaticacloud.com');
    expect(normaliseLoginUrl('dm-em.informaticacloud.com')).toBe('https://dm-em.informaticacloud.com');
    expect(normaliseLoginUrl('http://127.0.0.1:4567/')).toBe('http://127.0.0.1:4567');
  });

  it('refuses plain http to another machine, and credentials in the URL', () => {
    expect(failureCode(() => normaliseLoginUrl('http://dm-us.informaticacloud.com'))).toBe('INVALID_IICS_LOGIN_URL');
    expect(failureCode(() => normaliseLoginUrl('https://me:pw@dm-us.informaticacloud.com'))).toBe('INVALID_IICS_LOGIN_URL');
    expect(failureCode(() => normaliseLoginUrl('ht tp://x'))).toBe('INVALID_IICS_LOGIN_URL');
  });

  it('wants exactly one of a login URL and a POD', () => {
    expect(resolveLoginUrl({ podRegion: 'CAC1' })).toBe('https://dm-na.informaticacloud.com');
    expect(failureCode(() => resolveLoginUrl({}))).toBe('INVALID_IICS_LOGIN_URL');
    expect(failureCode(() => resolveLoginUrl({ podRegion: 'USW1', loginUrl: 'https://dm-us.informaticacloud.com' }))).toBe('INVALID_IICS_LOGIN_URL');
  });
});
