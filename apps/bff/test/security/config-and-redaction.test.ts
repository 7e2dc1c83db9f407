import { Writable } from 'node:stream';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { ConfigError, configWarnings, loadConfig } from '../../src/config/load-config.js';
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
    expect(config.identity).toEqual({ remoteUserHeader: 'x-remote-user', trustedProxies: ['10.0.0.0/8', '::1', '192.168.1.10'], passwordLogin: false, modes: ['trusted-header'] });
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
      startPerUser: 10,
      verifyPerUser: 10,
      sessionPerUser: 120,
      enrollPerAddress: 60,
    });
    fails({ PASSWORD_LOGIN: 'true', RATE_LIMIT_VERIFY_PER_USER: '0' }, /RATE_LIMIT_VERIFY_PER_USER/);
  });
});

describe('configuration errors say what to write', () => {
  const valid = { ...base, PASSWORD_LOGIN: 'true' };
  const messageOf = (env: Record<string, string>) => {
    try {
      loadConfig(env);
    } catch (error) {
      if (error instanceof ConfigError) return error.message;
      throw error;
    }
    throw new Error('loadConfig accepted the configuration');
  };

  it('lists the allowed values instead of JSON Schema jargon', () => {
    expect(messageOf({ ...valid, OTP_ALGORITHM: 'sha256' })).toBe('OTP_ALGORITHM: must be one of SHA1, SHA256, SHA512 (got "sha256")');
    expect(messageOf({ ...valid, OTP_DIGITS: '9' })).toBe('OTP_DIGITS: must be 6, 7 or 8 (got "9")');
    expect(messageOf({ ...valid, LOG_LEVEL: 'verbose' })).toBe('LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent (got "verbose")');
    expect(messageOf({ ...valid, ENROLL_TTL_SECONDS: 'ten minutes' })).toBe('ENROLL_TTL_SECONDS: must be a whole number from 60 to 86400 (got "ten minutes")');
    expect(messageOf({ ...base, LAUNCH_TOKEN_SECRET: 'l'.repeat(32), PASSWORD_LOGIN: 'yes' })).toBe('PASSWORD_LOGIN: must be true or false (got "yes")');
    expect(messageOf({ ...valid, PI_URL: 'pi.example.org' })).toBe('PI_URL: must be an http:// or https:// URL (got "pi.example.org")');
    expect(messageOf({ ...valid, OTP_ALGORITHM: 'sha256' })).not.toMatch(/constant|anyOf|schema/);
  });

  it('never repeats the value of a secret', () => {
    const message = messageOf({ ...valid, SESSION_SECRET: 'short', METRICS_TOKEN: 'tiny', REDIS_URL: 'http://:hunter2@redis' });
    expect(message).toContain('SESSION_SECRET: must be at least 32 characters (the value is not shown)');
    expect(message).toContain('METRICS_TOKEN: must be at least 16 characters (the value is not shown)');
    expect(message).toContain('REDIS_URL: must be a redis:// or rediss:// URL (the value is not shown)');
    for (const secret of ['short', 'tiny', 'hunter2']) expect(message).not.toContain(secret);
  });

  it('reports every missing variable at once', () => {
    const message = messageOf({ PI_URL: 'https://pi.example.org' });
    expect(message.split('\n')[0]).toBe('Invalid configuration (4 problems):');
    for (const variable of ['PI_ADMIN_USER', 'PI_ADMIN_PASSWORD', 'SESSION_SECRET', 'LAUNCH_TOKEN_SECRET']) expect(message).toMatch(new RegExp(`^  ${variable}: `, 'm'));
    expect(messageOf({ PI_URL: 'https://pi.example.org', PI_ADMIN_USER: 'enroll', PI_ADMIN_PASSWORD: 'x', PASSWORD_LOGIN: 'true', OTP_DIGITS: '9' })).toMatch(
      /^Invalid configuration \(2 problems\):\n {2}OTP_DIGITS: .*\n {2}SESSION_SECRET: required/,
    );
  });

  it('warns about variables that look like ours but are not, with the likely one', () => {
    expect(configWarnings({ ...valid, ENROL_TTL_SECONDS: '300', OTP_DIGIT: '8', PI_ADMIN_PASWORD: 'x', TOTP_KEYSOURCE: 'client', HOME: '/root', SESSION_MANAGER: 'x' })).toEqual([
      'ENROL_TTL_SECONDS is not a pi-enroll setting and is ignored; did you mean ENROLL_TTL_SECONDS?',
      'OTP_DIGIT is not a pi-enroll setting and is ignored; did you mean OTP_DIGITS?',
      'PI_ADMIN_PASWORD is not a pi-enroll setting and is ignored; did you mean PI_ADMIN_PASSWORD?',
      'TOTP_KEYSOURCE is not a pi-enroll setting and is ignored; did you mean TOTP_KEY_SOURCE?',
    ]);
    expect(configWarnings({ PI_SOMETHING_ELSE_ENTIRELY: '1' })).toEqual(['PI_SOMETHING_ELSE_ENTIRELY is not a pi-enroll setting and is ignored']);
    expect(configWarnings(valid)).toEqual([]);
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
