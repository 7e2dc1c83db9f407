import { Writable } from 'node:stream';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/load-config.js';
import { logRedactPaths, typedUserNameForLog } from '../../src/http/log-redaction.js';

const base = { PI_URL: 'https://pi.example.org', PI_ADMIN_USER: 'enroll', PI_ADMIN_PASSWORD: 'x', SESSION_SECRET: 's'.repeat(32) };

describe('security configuration is checked at start-up', () => {
  const fails = (env: Record<string, string>, message: RegExp) => {
    expect(() => loadConfig({ ...base, ...env })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, ...env })).toThrow(message);
  };

  it('needs at least one way to identify users', () => {
    fails({}, /^LAUNCH_TOKEN_SECRET: .*REMOTE_USER_HEADER.*PASSWORD_LOGIN/);
    expect(loadConfig({ ...base, PASSWORD_LOGIN: 'true' }).identity.passwordLogin).toBe(true);
  });

  it('refuses a remote-user header without trusted proxies, and malformed CIDRs', () => {
    fails({ REMOTE_USER_HEADER: 'X-Remote-User' }, /^TRUSTED_PROXIES: required with REMOTE_USER_HEADER/);
    fails({ PASSWORD_LOGIN: 'true', TRUSTED_PROXIES: '10.0.0.0/33' }, /^TRUSTED_PROXIES: "10.0.0.0\/33"/);
    fails({ PASSWORD_LOGIN: 'true', TRUSTED_PROXIES: 'proxy.example.org' }, /^TRUSTED_PROXIES: "proxy.example.org" is not an IP address or CIDR/);
    fails({ PASSWORD_LOGIN: 'true', REMOTE_USER_HEADER: 'X Remote User', TRUSTED_PROXIES: '10.0.0.1' }, /REMOTE_USER_HEADER/);
    const config = loadConfig({ ...base, REMOTE_USER_HEADER: 'X-Remote-User', TRUSTED_PROXIES: '10.0.0.0/8, ::1, 192.168.1.10' });
    expect(config.identity).toEqual({ remoteUserHeader: 'x-remote-user', trustedProxies: ['10.0.0.0/8', '::1', '192.168.1.10'], passwordLogin: false });
  });

  it('accepts origins only as scheme://host[:port], normalised as browsers send them', () => {
    fails({ PASSWORD_LOGIN: 'true', ALLOWED_ORIGINS: 'portal.example.org' }, /^ALLOWED_ORIGINS: "portal.example.org" is not an origin/);
    fails({ PASSWORD_LOGIN: 'true', EMBED_ORIGINS: 'https://portal.example.org/app' }, /^EMBED_ORIGINS: .*no path/);
    const config = loadConfig({ ...base, PASSWORD_LOGIN: 'true', ALLOWED_ORIGINS: 'https://Portal.Example.org/, https://x.example.org:8443' });
    expect(config.allowedOrigins).toEqual(['https://portal.example.org', 'https://x.example.org:8443']);
  });

  it('has sensible rate-limit defaults', () => {
    expect(loadConfig({ ...base, PASSWORD_LOGIN: 'true' }).rateLimits).toEqual({
      windowSeconds: 60,
      loginPerUser: 5,
      loginPerAddress: 20,
      initPerSession: 10,
      verifyPerSession: 10,
      enrollPerAddress: 60,
    });
    fails({ PASSWORD_LOGIN: 'true', RATE_LIMIT_VERIFY_PER_SESSION: '0' }, /RATE_LIMIT_VERIFY_PER_SESSION/);
  });
});

describe('log redaction', () => {
  it('bounds a typed user name for the sign-in audit line: short, one line, no terminal escapes', () => {
    expect(typedUserNameForLog('carol')).toBe('carol');
    expect(typedUserNameForLog('Zoë Müller')).toBe('Zoë Müller');
    const flood = typedUserNameForLog('a'.repeat(100_000));
    expect(flood.length).toBeLessThan(100);
    expect(flood).toBe(`${'a'.repeat(64)}… (100000 characters)`);
    expect(typedUserNameForLog('bob\n{"level":30,"msg":"signed in"}')).toBe('bob?{"level":30,"msg":"signed in"}');
    expect(typedUserNameForLog('\u001b[2Jroot\u202eevil')).toBe('?[2Jroot?evil');
  });

  it('censors credentials, codes and secrets wherever they sit in a logged object', () => {
    const lines: string[] = [];
    // The logger exactly as buildApp configures it.
    const { log } = Fastify({
      logger: {
        redact: { paths: logRedactPaths, censor: '[redacted]' },
        stream: new Writable({
          write(chunk: Buffer, _encoding, callback) {
            lines.push(chunk.toString('utf8'));
            callback();
          },
        }),
      },
    });
    const secrets = ['hunter2', '123456', 'JBSWY3DPEHPK3PXP', 'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP', 'eyJ.launch', 'eyJ.admin', 'session-cookie', 'pin123456'];
    log.info({ password: secrets[0], code: secrets[1] }, 'top level');
    log.info({ body: { password: secrets[0], otp: secrets[1], launchToken: secrets[4] } }, 'one level down');
    log.info({ upstream: { form: { pass: secrets[7], verify: secrets[1] }, detail: { otpkey: secrets[2], googleurl: secrets[3] } } }, 'two levels down');
    log.info({ outgoing: { headers: { authorization: secrets[5], cookie: secrets[6] } } }, 'headers');
    log.info({ enrollment: { secret: secrets[2], otpauthUri: secrets[3] }, pending: { token: secrets[5] } }, 'enrollment');
    const output = lines.join('');
    expect(lines).toHaveLength(5);
    for (const secret of secrets) expect(output).not.toContain(secret);
    expect(output.match(/\[redacted\]/g)).toHaveLength(14);
  });
});
