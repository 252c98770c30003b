/**
 * Prints the file:// URL of the built app and opens it in the default browser when the system has an
 * opener (xdg-open, open, start). With --serve it instead serves dist/ on http://127.0.0.1 for people
 * who prefer http (the app needs no server either way).
 * Usage: node tests/tools/openBuilt.mjs [--serve] [--port N] [--no-open]
 */
import { spawn, spawnSync } from 'node:child_process';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DIST = join(REPO, 'dist');
const FILE = 'hmail-triage.html';
const args = process.argv.slice(2);
const serve = args.includes('--serve');
const noOpen = args.includes('--no-open');
const portArg = args.indexOf('--port');
const port = portArg >= 0 ? Number(args[portArg + 1]) : 5199;

/** The opener for this platform if it is installed; null when there is none (e.g. a headless server). */
function opener() {
  if (process.platform === 'darwin') return ['open', []];
  if (process.platform === 'win32') return ['cmd', ['/c', 'start', '']];
  const found = spawnSync('sh', ['-c', 'command -v xdg-open'], { encoding: 'utf8' });
  return found.status === 0 ? ['xdg-open', []] : null;
}

function open(url) {
  const command = noOpen ? null : opener();
  if (!command) {
    console.log('Open that address in a browser (Chromium, Firefox or Safari).');
    return;
  }
  const [file, prefix] = command;
  const child = spawn(file, [...prefix, url], { stdio: 'ignore', detached: true });
  child.on('error', () => console.log('Could not start a browser; open that address yourself.'));
  child.unref();
}

function startServer() {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const target = join(DIST, path === '/' ? FILE : decodeURIComponent(path));
    if (!target.startsWith(DIST + sep) || !existsSync(target) || !statSync(target).isFile()) {
      response.writeHead(404).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': target.endsWith('.html') ? 'text/html; charset=utf-8' : 'application/octet-stream' });
    createReadStream(target).pipe(response);
  });
  server.listen(port, '127.0.0.1', () => {
    const url = `http://127.0.0.1:${port}/`;
    console.log(`Serving ${DIST} at ${url} (Ctrl+C to stop)`);
    open(url);
  });
}

if (!existsSync(join(DIST, FILE))) {
  console.error(`${join(DIST, FILE)} does not exist: run "npm run build" first.`);
  process.exitCode = 1;
} else if (serve) {
  startServer();
} else {
  const url = pathToFileURL(join(DIST, FILE)).href;
  console.log(url);
  open(url);
}
