/**
 * The projector bench's baseline, run as its own process as the host is: a bare page, and a bare
 * Node HTTP server that, on a POST to /change, sends the posted title to every open event stream
 * and answers. Nothing of the app is in it. Prints `bare <url>` once it listens; ends on SIGTERM.
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

const page = `<!doctype html><meta charset="utf-8"><title>bare</title>
<main class="projector-matter"><h2>—</h2></main>
<script>
  const events = new EventSource('/events');
  events.onmessage = (event) => { document.querySelector('h2').textContent = JSON.parse(event.data).title; };
  events.onopen = () => { document.body.dataset.open = 'yes'; };
</script>`;

const streams = new Set<ServerResponse>();
const server = createServer((request, response) => {
  if (request.url === '/events') {
    response.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
    response.write(': open\n\n');
    streams.add(response);
    request.on('close', () => streams.delete(response));
    return;
  }
  if (request.method === 'POST' && request.url === '/change') {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      const { title } = JSON.parse(body) as { title: string };
      for (const stream of streams) stream.write(`data: ${JSON.stringify({ title })}\n\n`);
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ ok: true, value: { title } }));
    });
    return;
  }
  response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
  response.end(page);
});
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  console.log(`bare http://127.0.0.1:${port}/`);
});
process.on('SIGTERM', () => {
  for (const stream of streams) stream.end();
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
