/**
 * What pino must never write: credentials, codes, secrets, otpauth URIs, cookies, authorization headers and
 * launch tokens, wherever they appear in a logged request, response or error.
 */
export const logRedactPaths = [
  'req.headers.authorization',
  'req.headers["pi-authorization"]',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.code',
  '*.otp',
  '*.secret',
  '*.otpauthUri',
  '*.launchToken',
  '*.token',
  'body.password',
  'body.code',
  'body.launchToken',
];
