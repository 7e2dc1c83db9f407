// `npm run dev`: the BFF (embedded simulator, restarts on change) and Vite's dev server (hot reload) side by
// side. Vite proxies /api to the BFF. Ctrl-C stops both.
import { spawn } from 'node:child_process';

const bffPort = process.env.PORT ?? '3000';
const children = [
  spawn('npx', ['tsx', 'watch', '--conditions=@pi-enroll/source', 'apps/bff/src/server.ts'], {
    stdio: 'inherit',
    env: { ...process.env, PORT: bffPort },
  }),
  spawn('npm', ['run', 'dev', '-w', '@pi-enroll/web'], {
    stdio: 'inherit',
    env: { ...process.env, BFF_URL: `http://127.0.0.1:${bffPort}` },
  }),
];

const stop = () => {
  for (const child of children) child.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of children) {
  child.on('exit', (code) => {
    stop();
    process.exitCode = code ?? 0;
  });
}
