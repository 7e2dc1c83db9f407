import { spawn } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Child, freePort, waitFor } from '@pi-enroll/test-processes';

export interface Nginx {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  child: Child;
  errorLog(): Promise<string>;
  stop(): Promise<void>;
}

/**
 * nginx in the foreground with a generated config in a temp dir: round robin over `upstreams` (loopback
 * host:port), the public Host passed on (the BFF's origin check compares it with Origin), and the replica that
 * answered named in `X-Upstream`. A replica that refuses connections is skipped, as in production.
 */
export async function startNginx(upstreams: string[]): Promise<Nginx> {
  const dir = await mkdtemp(join(tmpdir(), 'pi-enroll-nginx-'));
  // nginx's workers may run as another user than the master (root): let them into the temp dir.
  await chmod(dir, 0o755);
  const port = await freePort();
  const config = `
daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log info;
events { worker_connections 256; }
http {
  access_log ${dir}/access.log;
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  upstream pi_enroll {
${upstreams.map((upstream) => `    server ${upstream} max_fails=1 fail_timeout=30s;`).join('\n')}
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://pi_enroll;
      proxy_http_version 1.1;
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_connect_timeout 2s;
      proxy_read_timeout 30s;
      proxy_next_upstream error timeout;
      add_header X-Upstream $upstream_addr always;
    }
  }
}
`;
  await writeFile(join(dir, 'nginx.conf'), config);
  const child = new Child('nginx', spawn('nginx', ['-p', dir, '-e', join(dir, 'error.log'), '-c', join(dir, 'nginx.conf')], { stdio: ['ignore', 'pipe', 'pipe'] }));
  const url = `http://127.0.0.1:${port}`;
  const errorLog = () => readFile(join(dir, 'error.log'), 'utf8').catch(() => '');
  try {
    await waitFor(
      async () => {
        if (child.spawnError !== undefined) throw new Error(`cannot run nginx (is it installed? .ci/run installs it): ${child.spawnError.message}`);
        if (child.hasExited) throw new Error(`nginx exited:\n${child.transcript()}\n${await errorLog()}`);
        return fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1000) }).then(
          (response) => (response.status === 200 ? true : undefined),
          () => undefined,
        );
      },
      { timeoutMs: 10_000, what: 'nginx to proxy /healthz', intervalMs: 50 },
    );
  } catch (error) {
    await child.stop(1000);
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url,
    child,
    errorLog,
    stop: async () => {
      // SIGQUIT: nginx's graceful stop.
      await child.stop(5000, 'SIGQUIT');
      await rm(dir, { recursive: true, force: true });
    },
  };
}
