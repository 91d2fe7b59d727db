import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { runCli } from '../src/cli.js';
import { WEB_CSP, requestPath, startSiteServer, type SiteServer } from '../src/commands/web.js';
import { memorySink } from '../src/io.js';
import { REPO } from './run-cli.js';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Sends `path` exactly as written (no client-side normalising), with an optional Host. */
function get(server: SiteServer, path: string, options: { host?: string; method?: string } = {}) {
  return new Promise<Answer>((resolve, reject) => {
    const headers = { host: options.host ?? `127.0.0.1:${server.port}` };
    const method = options.method ?? 'GET';
    const sent = request(
      { host: '127.0.0.1', port: server.port, path, method, headers },
      (response) => {
        const parts: Buffer[] = [];
        response.on('data', (part: Buffer) => parts.push(part));
        response.on('end', () => {
          const body = Buffer.concat(parts).toString('utf8');
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body });
        });
      },
    );
    sent.on('error', reject);
    sent.end();
  });
}

async function siteFixture() {
  const dir = await mkdtemp(join(tmpdir(), 'evtxhunt-web-'));
  await mkdir(join(dir, 'site', 'samples'), { recursive: true });
  await writeFile(join(dir, 'site', 'index.html'), '<!doctype html><title>t</title>');
  await writeFile(join(dir, 'site', 'app.js'), 'void 0;');
  await writeFile(join(dir, 'site', 'samples', 'a.evtx'), 'ElfFile\0');
  await writeFile(join(dir, 'secret.txt'), 'not for the browser');
  await symlink(join(dir, 'secret.txt'), join(dir, 'site', 'link.txt'));
  const server = await startSiteServer(join(dir, 'site'), 0);
  return {
    server,
    cleanup: async () => (await server.close(), await rm(dir, { recursive: true })),
  };
}

test('startSiteServer serves the page with its CSP and each file with its MIME type', async () => {
  const { server, cleanup } = await siteFixture();
  try {
    const page = await get(server, '/');
    const script = await get(server, '/app.js');
    const sample = await get(server, '/samples/a.evtx');

    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    assert.equal(page.status, 200);
    assert.equal(page.headers['content-type'], 'text/html; charset=utf-8');
    assert.equal(page.headers['content-security-policy'], WEB_CSP);
    assert.equal(page.headers['x-content-type-options'], 'nosniff');
    assert.equal(page.body, '<!doctype html><title>t</title>');
    assert.equal(script.headers['content-type'], 'text/javascript; charset=utf-8');
    assert.equal(sample.headers['content-type'], 'application/octet-stream');
    assert.equal(sample.body, 'ElfFile\0');
  } finally {
    await cleanup();
  }
});

test('startSiteServer refuses paths out of the site, through encoding or a symlink', async () => {
  const { server, cleanup } = await siteFixture();
  try {
    const answers = await Promise.all(
      [
        '/..%2fsecret.txt',
        '/%2e%2e%2fsecret.txt',
        '/samples/..%2f..%2fsecret.txt',
        '/link.txt',
      ].map((path) => get(server, path)),
    );
    const dotted = await get(server, '/../secret.txt');

    assert.deepEqual(
      answers.map((answer) => answer.status),
      [403, 403, 403, 403],
    );
    assert.ok(answers.every((answer) => !answer.body.includes('not for the browser')));
    assert.equal(dotted.status, 404, 'the URL parser folds /../ into the site root');
  } finally {
    await cleanup();
  }
});

test('startSiteServer lists no directory and refuses other methods, hosts and bad paths', async () => {
  const { server, cleanup } = await siteFixture();
  try {
    assert.equal((await get(server, '/samples')).status, 404);
    assert.equal((await get(server, '/samples/')).status, 404);
    assert.equal((await get(server, '/missing.js')).status, 404);
    assert.equal((await get(server, '/%zz')).status, 400);
    assert.equal((await get(server, '/a%00.js')).status, 400);
    assert.equal((await get(server, '/', { method: 'POST' })).status, 405);
    assert.equal((await get(server, '/', { host: 'attacker.example' })).status, 421);
    assert.equal((await get(server, '/', { host: `localhost:${server.port}` })).status, 200);
    const head = await get(server, '/app.js', { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(head.body, '');
  } finally {
    await cleanup();
  }
});

test('requestPath decodes, maps / to the page and rejects malformed paths', () => {
  assert.equal(requestPath('/'), '/index.html');
  assert.equal(requestPath('/a%20b.js?x=1#y'), '/a b.js');
  assert.equal(requestPath('/%E0%A4%A'), undefined);
});

test('WEB_CSP is the policy the page itself carries', async () => {
  const html = await readFile(join(REPO, 'apps/web/static/index.html'), 'utf8');
  const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);

  assert.equal(meta?.[1], WEB_CSP);
});

test('evtxhunt web rejects a bad port and files given to it', async () => {
  const io = { out: memorySink(), err: memorySink(), errIsTty: false };

  assert.equal(await runCli(['web', '--port', '70000'], io), 2);
  assert.equal(await runCli(['web', 'a.evtx'], io), 2);
  assert.match(io.err.text(), /option '--port' needs a number from 0 to 65535, not '70000'/);
  assert.match(io.err.text(), /web takes no files: open them in the page/);
});

test('evtxhunt web --port 0 serves the built app and prints its address', async () => {
  const main = fileURLToPath(new URL('../src/main.js', import.meta.url));
  const child = spawn(process.execPath, [main, 'web', '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (part: Buffer) => {
        out += part.toString('utf8');
        const found = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
        if (found) resolve(found[0]);
      });
      child.on('exit', (status) => reject(new Error(`evtxhunt web exited with ${status}`)));
    });
    const response = await fetch(url);

    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-security-policy'), WEB_CSP);
    assert.match(await response.text(), /<script src="app\.js" defer><\/script>/);
  } finally {
    child.kill();
  }
});
