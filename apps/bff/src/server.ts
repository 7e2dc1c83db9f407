import { buildApp } from './app.js';
import { ConfigError, configWarnings, loadConfig } from './config/load-config.js';
import type { startEmbeddedSimulator } from './dev/embedded-simulator.js';

/** How long requests in flight may take to finish after SIGTERM; keep it below the orchestrator's grace period. */
const SHUTDOWN_DEADLINE_MS = 10_000;

/** Starts and stops the BFF. Everything else is built in app.ts. */
async function main(): Promise<void> {
  for (const warning of configWarnings()) process.stderr.write(`pi-enroll: warning: ${warning}\n`);
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }

  let embedded: Awaited<ReturnType<typeof startEmbeddedSimulator>> | undefined;
  if (config.privacyidea.url === undefined) {
    // Loaded only here: a production process against a real privacyIDEA never carries the simulator.
    const { startEmbeddedSimulator } = await import('./dev/embedded-simulator.js');
    embedded = await startEmbeddedSimulator();
    config = { ...config, privacyidea: { ...config.privacyidea, url: embedded.simulator.url, adminUser: embedded.simulator.demoCredentials.admin.username, adminPassword: embedded.simulator.demoCredentials.admin.password } };
  }

  // A person at a terminal reads lines, a log collector reads JSON: pino-pretty only for the former.
  const logStream = process.stdout.isTTY ? (await import('pino-pretty')).default({ translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname', singleLine: true }) : undefined;
  const app = await buildApp({ config, demoUsers: embedded?.demoUsers ?? [], ...(logStream !== undefined ? { logStream } : {}) });
  let address;
  try {
    address = await app.listen({ host: config.host, port: config.port });
  } catch (error) {
    const reason = listenFailure(error, config.host, config.port);
    if (reason === undefined) throw error;
    process.stderr.write(`pi-enroll: ${reason}\n`);
    await app.close();
    await embedded?.simulator.close();
    process.exit(1);
  }
  const url = `${address.replace('[::1]', 'localhost')}${config.basePath}`;
  if (embedded !== undefined) {
    process.stdout.write(
      `\npi-enroll is running at ${url}\n` +
        `  privacyIDEA: embedded simulator at ${embedded.simulator.url} (set PI_URL to use a real server)\n` +
        `  identity: ${config.identity.modes.join(', ')}\n` +
        `  demo users: ${embedded.demoUsers.join(', ')}\n` +
        `  sign-in methods: ${config.enrollment.methods.join(', ')}\n` +
        (config.enrollment.methods.includes('email') ? `  email codes land in ${embedded.simulator.url}/_sim/outbox?user=<name>\n` : '') +
        '\n',
    );
  } else {
    process.stdout.write(`\npi-enroll is running at ${url} against ${config.privacyidea.url}\n  identity: ${config.identity.modes.join(', ')}\n\n`);
  }

  // Stop listening, let the requests in flight finish, then stop the sweeper and close the privacyIDEA pool
  // (app.close runs the plugins' onClose hooks). Whatever is still running after the deadline is abandoned.
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    const deadline = setTimeout(() => {
      app.log.error({ signal, deadlineMs: SHUTDOWN_DEADLINE_MS }, 'shutdown took too long; exiting anyway');
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS);
    deadline.unref();
    const closing = app.close();
    // Node closes the connections that are idle when the listener closes, but a keep-alive connection still
    // answering a request turns idle only afterwards, and would hold the process open for its keep-alive timeout.
    const closeIdle = setInterval(() => app.server.closeIdleConnections(), 100);
    await closing;
    clearInterval(closeIdle);
    await embedded?.simulator.close();
    app.log.info({ signal }, 'stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

/** A listen error an operator fixes in the configuration, as one line; undefined for anything else. */
function listenFailure(error: unknown, host: string, port: number): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const where = `${host}:${String(port)}`;
  if (code === 'EADDRINUSE') return `cannot listen on ${where}: the port is already in use (stop the other process or set PORT)`;
  if (code === 'EACCES') return `cannot listen on ${where}: permission denied (ports below 1024 need privileges; set PORT)`;
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') return `cannot listen on ${where}: no such address on this machine (set HOST)`;
  return undefined;
}

await main();
