/**
 * Prints the file:// URL of the built app and opens it in the default browser when the system has an
 * opener (xdg-open, open, start) and a display; otherwise it says why not and how to open the file. With --serve it instead serves dist/ on http://127.0.0.1 for people
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

/** The opener for this platform, or why none can show a page (the reason is printed as is). */
function opener() {
  if (noOpen) return { reason: '--no-open was given' };
  if (process.platform === 'darwin') return { command: ['open', []] };
  if (process.platform === 'win32') return { command: ['cmd', ['/c', 'start', '']] };
  // xdg-open is often installed on servers too, where it fails without a word: check for a display first.
  if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { reason: 'this machine has no graphical display (neither DISPLAY nor WAYLAND_DISPLAY is set: SSH, a container or a server)' };
  }
  const found = spawnSync('sh', ['-c', 'command -v xdg-open'], { encoding: 'utf8' });
  return found.status === 0 ? { command: ['xdg-open', []] } : { reason: 'xdg-open, which opens the default browser, is not installed' };
}

function explain(url, reason) {
  console.log(`No browser was opened: ${reason}.`);
  if (url.startsWith('file:')) {
    console.log(`To use the app, open ${url} in Chromium, Firefox or Safari, or copy ${join(DIST, FILE)}`);
    console.log('to a machine with a browser and open it there: it needs no server and no network.');
    console.log('To serve it over http instead, run: node tests/tools/openBuilt.mjs --serve [--port N]');
  } else {
    console.log(`Open ${url} in a browser on this machine (or through an SSH tunnel to port ${port}).`);
  }
}

function open(url) {
  const found = opener();
  if (!found.command) {
    explain(url, found.reason);
    return;
  }
  const [file, prefix] = found.command;
  const child = spawn(file, [...prefix, url], { stdio: 'ignore', detached: true });
  child.on('error', (e) => explain(url, `${file} could not be started (${e.message})`));
  child.on('exit', (code) => {
    if (code) explain(url, `${file} failed with exit code ${code}`);
  });
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
