import type { OtpAlgorithm } from './otp-parameters.js';

export interface OtpauthParams {
  issuer: string;
  accountName: string;
  secret: string;
  algorithm: OtpAlgorithm;
  digits: number;
  period: number;
}

/**
 * The key URI apps scan. The issuer goes in the label *and* in `issuer=`: FreeOTP for iOS reads only the
 * label, others only the parameter. The algorithm is left out for SHA1 (every app's default) and written in
 * upper case otherwise, which Google Authenticator requires.
 */
export function buildOtpauthUri(params: OtpauthParams): string {
  const label = `${encodeURIComponent(params.issuer)}:${encodeURIComponent(params.accountName)}`;
  const query = new URLSearchParams({ secret: params.secret, issuer: params.issuer });
  if (params.algorithm !== 'SHA1') query.set('algorithm', params.algorithm);
  query.set('digits', String(params.digits));
  query.set('period', String(params.period));
  // URLSearchParams encodes spaces as "+", which several apps show literally.
  return `otpauth://totp/${label}?${query.toString().replaceAll('+', '%20')}`;
}

/** The parameters privacyIDEA really gave the token (admin policies may override what was asked for). */
export function parseServerKeyUri(uri: string | undefined): { digits?: number; period?: number; algorithm?: OtpAlgorithm } {
  if (uri === undefined) return {};
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return {};
  }
  const digits = Number(url.searchParams.get('digits'));
  const period = Number(url.searchParams.get('period'));
  const algorithm = url.searchParams.get('algorithm')?.toUpperCase();
  return {
    ...(Number.isInteger(digits) && digits >= 6 && digits <= 8 ? { digits } : {}),
    ...(Number.isInteger(period) && period > 0 ? { period } : {}),
    ...(algorithm === 'SHA1' || algorithm === 'SHA256' || algorithm === 'SHA512' ? { algorithm } : {}),
  };
}
