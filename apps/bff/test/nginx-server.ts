import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const DEPLOY_CONF = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../deploy/nginx-console.conf');

export interface RunningNginx {
  url: string;
  /** One line per request: `method uri status upstream_addr upstream_status` (several addresses when nginx retried). */
  accessLog(): string[];
  stop(): Promise<void>;
}

function nginxBinary(): string {
  const found = spawnSync('sh', ['-c', 'command -v nginx || ls /usr/sbin/nginx'], { encoding: 'utf8' }).stdout.trim().split('\n')[0];
  if (!found) throw new Error('nginx is not installed (apt-get install nginx, or bash scripts/ensure-system-deps.sh)');
  return found;
}

/**
 * nginx running deploy/nginx-console.conf as shipped, with only its addresses templated: the
 * `server` lines of the upstream block become `instances`, the listen address becomes `port`.
 */
export async function startNginx(port: number, instances: number[]): Promise<RunningNginx> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'nginx-ha-'));
  mkdirSync(path.join(dir, 'tmp'));
  const shipped = readFileSync(DEPLOY_CONF, 'utf8');
  const servers = /^(\s*)server 127\.0\.0\.1:\d+ (max_fails=.*)$/gm;
  const template = [...shipped.matchAll(servers)];
  if (template.length === 0) throw new Error('deploy/nginx-console.conf: no upstream server lines to template');
  const [, indent, params] = template[0]!;
  let conf = shipped.replace(servers, '').replace(
    /upstream datasource_console \{\n/,
    `upstream datasource_console {\n${instances.map((p) => `${indent}server 127.0.0.1:${p} ${params}`).join('\n')}\n`,
  );
  conf = conf.replace(/listen 127\.0\.0\.1:\d+;/, `listen 127.0.0.1:${port};`);
  writeFileSync(path.join(dir, 'console.conf'), conf);
  const root = process.getuid?.() === 0;
  writeFileSync(
    path.join(dir, 'nginx.conf'),
    `${root ? 'user root;' : ''}
worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  client_body_temp_path ${dir}/tmp/body;
  proxy_temp_path ${dir}/tmp/proxy;
  fastcgi_temp_path ${dir}/tmp/fastcgi;
  uwsgi_temp_path ${dir}/tmp/uwsgi;
  scgi_temp_path ${dir}/tmp/scgi;
  log_format ha '$request_method $uri $status $upstream_addr $upstream_status';
  access_log ${dir}/access.log ha;
  include ${dir}/console.conf;
}
`,
  );
  const nginx = nginxBinary();
  const args = ['-p', dir, '-e', path.join(dir, 'error.log'), '-c', path.join(dir, 'nginx.conf')];
  const check = spawnSync(nginx, ['-t', '-q', ...args], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`nginx rejected the config: ${check.stderr}`);
  const child: ChildProcess = spawn(nginx, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      await fetch(`${url}/metrics`);
      break;
    } catch {
      if (i > 100 || child.exitCode !== null) throw new Error(`nginx did not start: ${stderr}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return {
    url,
    accessLog: () => readFileSync(path.join(dir, 'access.log'), 'utf8').split('\n').filter(Boolean),
    stop: () =>
      new Promise<void>((resolve) => {
        const done = () => {
          rmSync(dir, { recursive: true, force: true });
          resolve();
        };
        if (child.exitCode !== null) return done();
        child.once('exit', done);
        child.kill('SIGQUIT');
      }),
  };
}
