#!/usr/bin/env node
// Starts the simulator for QA and demos: `npm run sim -- --port 5001 [--host 127.0.0.1] [--config file.json]`.
import { parseArgs } from 'node:util';
import { credentialsOf, defaultSimulatorConfig, loadSimulatorConfig, SimulatorConfigError } from './simulator-config.js';
import { startSimulator } from './simulator-server.js';
import { isPrivacyIdeaVersion, PRIVACYIDEA_VERSIONS } from './version-profiles.js';

const DEFAULT_PORT = 5001;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      config: { type: 'string' },
      version: { type: 'string' },
      'no-control': { type: 'boolean', default: false },
    },
  });
  const portText = values.port ?? process.env['PI_SIM_PORT'] ?? String(DEFAULT_PORT);
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new SimulatorConfigError(`--port / PI_SIM_PORT: expected a port number, got "${portText}"`);
  }
  const host = values.host ?? process.env['PI_SIM_HOST'] ?? '127.0.0.1';
  const configPath = values.config ?? process.env['PI_SIM_CONFIG'];
  const config = configPath === undefined || configPath === '' ? defaultSimulatorConfig() : loadSimulatorConfig(configPath);

  const versionText = values.version ?? process.env['PI_SIM_VERSION'];
  if (versionText !== undefined && versionText !== '' && !isPrivacyIdeaVersion(versionText)) {
    throw new SimulatorConfigError(`--version / PI_SIM_VERSION: expected one of ${PRIVACYIDEA_VERSIONS.join(', ')}, got "${versionText}"`);
  }
  const version = isPrivacyIdeaVersion(versionText) ? versionText : undefined;
  const simulator = await startSimulator({ config, port, host, control: !values['no-control'], ...(version === undefined ? {} : { version }) });
  const lines = [
    `privacyIDEA simulator (${simulator.version().versionnumber}) listening on ${simulator.url}`,
    `config: ${configPath ?? 'built-in demo (realm "example")'}`,
    ...config.realms.map(
      (realm) =>
        `realm ${realm.name}${realm.default === true ? ' (default)' : ''}: ` +
        `verify_enrollment ${simulator.policies(realm.name).verifyEnrollment ? 'on' : 'off'}, ` +
        `passOnNoToken ${simulator.policies(realm.name).passOnNoToken ? 'on' : 'off'}`,
    ),
    'credentials:',
    ...credentialsOf(config).admins.map((a) => `  admin ${a.username} / ${a.password}`),
    ...credentialsOf(config).users.map((u) => `  user  ${u.username}@${u.realm} / ${u.password}`),
    values['no-control'] ? 'control API off' : `control API: ${simulator.url}/_sim/ (clock, tokens, faults, requests, policies, version, admin-policies, hardening)`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`${signal}: stopping the simulator\n`);
    simulator.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof SimulatorConfigError ? error.message : error);
  process.exit(1);
});
