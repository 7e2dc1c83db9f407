import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './config/load-config.js';
import { startEmbeddedSimulator } from './dev/embedded-simulator.js';

/** Starts and stops the BFF. Everything else is built in app.ts. */
async function main(): Promise<void> {
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
    embedded = await startEmbeddedSimulator();
    config = { ...config, privacyidea: { ...config.privacyidea, url: embedded.simulator.url, adminUser: embedded.simulator.demoCredentials.admin.username, adminPassword: embedded.simulator.demoCredentials.admin.password } };
  }

  const app = await buildApp({ config, demoUsers: embedded?.demoUsers ?? [] });
  const address = await app.listen({ host: config.host, port: config.port });
  const url = `${address.replace('[::1]', 'localhost')}${config.basePath}`;
  if (embedded !== undefined) {
    process.stdout.write(
      `\npi-enroll is running at ${url}\n` +
        `  privacyIDEA: embedded simulator at ${embedded.simulator.url} (set PI_URL to use a real server)\n` +
        `  demo users: ${embedded.demoUsers.join(', ')}\n\n`,
    );
  } else {
    process.stdout.write(`\npi-enroll is running at ${url} against ${config.privacyidea.url}\n\n`);
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    const deadline = setTimeout(() => process.exit(1), 10_000);
    deadline.unref();
    await app.close();
    await embedded?.simulator.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

await main();
