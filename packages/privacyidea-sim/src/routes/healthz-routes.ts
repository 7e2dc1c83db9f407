import { successEnvelope } from '../envelope.js';
import type { PythonJson } from '../python-json.js';
import type { RouteHandler } from '../request-context.js';

/**
 * privacyIDEA's /healthz blueprint (api/healthcheck.py, 3.10+): `send_result` bodies without `detail` and, as the
 * blueprint is not among the signed ones, without `signature`. The simulator is always started and "HSM" ready.
 */
const healthz =
  (value: { [key: string]: PythonJson }): RouteHandler =>
  ({ nowMs }) => ({ status: 200, body: successEnvelope(value, nowMs), signed: false });

export const healthzRoute = healthz({ hsm: 'OK', status: 'ready' });
export const livezRoute = healthz({ status: 'OK' });
export const readyzRoute = healthz({ hsm: 'OK', status: 'ready' });
export const startupzRoute = healthz({ status: 'started' });
