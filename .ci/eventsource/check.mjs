// Reads Lede's event streams as a browser app would, with the npm `eventsource` package, across two
// replicas: streams are open on one, every write goes to the other.
//
//   node check.mjs <writer base URL> <reader base URL> <admin token>
//
// Checks: an entry written on the writer arrives on the reader's article stream within a second
// and equals its GET there; the site stream names the entry's keys; a client reconnecting with
// Last-Event-ID is replayed exactly the events it missed, in order, then live ones; heartbeat
// comments arrive (the replicas run with a short heartbeat). Exits 1 with the failures listed.
import { EventSource } from 'eventsource';

const [writer, reader, token] = process.argv.slice(2);
if (!writer || !reader || !token) {
  console.error('usage: node check.mjs <writer base URL> <reader base URL> <admin token>');
  process.exit(2);
}

// Anonymous requests come from an address of their own: the replicas trust X-Forwarded-For, and
// other checks may have spent 127.0.0.1's anonymous rate limit.
const ANONYMOUS = { 'X-Forwarded-For': '203.0.113.77' };
const failures = [];
const check = (ok, what) => {
  if (!ok) {
    failures.push(what);
  }
};

async function call(base, method, path, body, headers = {}) {
  const response = await fetch(base + path, {
    method,
    headers: {
      Authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'Content-Type': method === 'PATCH' ? 'application/merge-patch+json' : 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text };
}

async function expectStatus(promise, status, what) {
  const response = await promise;
  if (response.status !== status) {
    throw new Error(`${what}: ${response.status} ${response.text}`);
  }
  return response;
}

/** Events of one EventSource, queued as they arrive, taken in order by name. */
function open(url, lastEventId) {
  const queue = [];
  const waiters = [];
  const names = ['entry.created', 'entry.updated', 'entry.deleted', 'article.updated', 'changed', 'reset'];
  const source = new EventSource(url, {
    fetch: (input, init) => fetch(input, {
      ...init,
      headers: { ...init.headers, ...ANONYMOUS, ...(lastEventId ? { 'Last-Event-ID': lastEventId } : {}) },
    }),
  });
  const opened = new Promise((resolve, reject) => {
    source.onopen = resolve;
    source.onerror = (error) => reject(new Error(`${url}: ${error.message ?? 'stream error'}`));
  });
  for (const name of names) {
    source.addEventListener(name, (event) => {
      queue.push({ name, id: event.lastEventId, data: event.data, at: Date.now() });
      waiters.splice(0).forEach((wake) => wake());
    });
  }
  async function next(match = () => true, timeoutMs = 5000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = queue.findIndex(match);
      if (index >= 0) {
        return queue.splice(index, 1)[0];
      }
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new Error(`${url}: no matching event within ${timeoutMs} ms`);
      }
      await new Promise((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, left);
      });
    }
  }
  function taken() {
    return queue.splice(0);
  }
  return { source, opened, next, taken };
}

async function awaitReadable(base, path) {
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline) {
    const response = await fetch(base + path, { headers: ANONYMOUS });
    if (response.status === 200) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${base}${path} never became readable`);
}

async function heartbeatArrives(url) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 5000);
  try {
    const response = await fetch(url, { headers: { ...ANONYMOUS, Accept: 'text/event-stream' }, signal: controller.signal });
    const decoder = new TextDecoder();
    let text = '';
    for await (const chunk of response.body) {
      text += decoder.decode(chunk, { stream: true });
      if (/^:\s?heartbeat$/m.test(text)) {
        return true;
      }
    }
    return false;
  } catch (error) {
    return false;
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}

async function main() {
  const blog = JSON.parse((await expectStatus(call(writer, 'POST', '/v1/articles', {
    headline: 'Ferry strike, live',
    section: 'eventsource-check',
    language: 'en',
    status: 'published',
    live: { status: 'live' },
    body: [{ type: 'paragraph', text: 'Crews stay ashore while talks go on.' }],
  }), 201, 'create the live blog')).text).id;
  await awaitReadable(reader, `/v1/articles/${blog}`);

  const live = open(`${reader}/v1/articles/${blog}/live`);
  const site = open(`${reader}/v1/events`);
  await Promise.all([live.opened, site.opened]);

  // 1. An entry written on the writer reaches the reader's stream within a second and equals its GET.
  const written = Date.now();
  const first = JSON.parse((await expectStatus(call(writer, 'POST', `/v1/articles/${blog}/entries`, {
    body: [{ type: 'paragraph', text: 'Talks resume at noon.' }],
  }), 201, 'post the first entry')).text);
  const created = await live.next((event) => event.name === 'entry.created');
  check(created.at - written < 1000, `the entry took ${created.at - written} ms to reach the other replica's stream`);
  const get = await fetch(`${reader}/v1/articles/${blog}/entries/${first.id}`, { headers: ANONYMOUS })
    .then(async (response) => ({ status: response.status, text: await response.text() }));
  check(get.status === 200 && get.text === created.data, `the streamed entry differs from its GET: ${created.data} vs ${get.text}`);
  const changed = await site.next((event) => event.data.includes(`entries-${blog}`));
  check(changed.name === 'changed' && Array.isArray(JSON.parse(changed.data).keys), `the site stream's event: ${JSON.stringify(changed)}`);
  live.source.close();
  site.source.close();

  // 2. Missed while away: two entries, an edit, a deletion; a reconnection replays exactly those.
  const second = await expectStatus(call(writer, 'POST', `/v1/articles/${blog}/entries`, {
    body: [{ type: 'paragraph', text: 'A first ferry leaves.' }],
  }), 201, 'post the second entry');
  await expectStatus(call(writer, 'POST', `/v1/articles/${blog}/entries`, {
    body: [{ type: 'paragraph', text: 'The harbour fills.' }],
  }), 201, 'post the third entry');
  const secondId = JSON.parse(second.text).id;
  await expectStatus(call(writer, 'PATCH', `/v1/articles/${blog}/entries/${secondId}`, { keyEvent: true },
    { 'If-Match': second.headers.get('etag') }), 200, 'patch the second entry');
  await expectStatus(call(writer, 'DELETE', `/v1/articles/${blog}/entries/${first.id}`), 204, 'delete the first entry');

  const again = open(`${reader}/v1/articles/${blog}/live`, created.id);
  await again.opened;
  const replayed = [];
  for (let i = 0; i < 4; i++) {
    replayed.push(await again.next());
  }
  const names = replayed.map((event) => event.name).join(',');
  check(names === 'entry.created,entry.created,entry.updated,entry.deleted', `replayed after Last-Event-ID ${created.id}: ${names}`);
  const ids = replayed.map((event) => Number(event.id));
  check(ids.every((id, i) => id === Number(created.id) + 1 + i), `replayed ids are not the next ones in order: ${ids}`);
  check(JSON.parse(replayed[3].data).id === first.id, `the deletion event names ${replayed[3].data}`);
  await expectStatus(call(writer, 'POST', `/v1/articles/${blog}/entries`, {
    body: [{ type: 'paragraph', text: 'Strike called off.' }],
  }), 201, 'post the last entry');
  const after = await again.next();
  check(after.name === 'entry.created' && Number(after.id) === ids[3] + 1, `after the replay: ${JSON.stringify(after)}`);
  check(again.taken().length === 0, 'events arrived twice after the replay');
  again.source.close();

  // 3. Heartbeat comments keep idle streams open through proxies.
  check(await heartbeatArrives(`${reader}/v1/articles/${blog}/live`), 'no heartbeat comment within 5 s');
}

try {
  await main();
} catch (error) {
  failures.push(error.message);
}
if (failures.length > 0) {
  console.error(failures.map((failure) => `FAIL ${failure}`).join('\n'));
  process.exit(1);
}
console.log('eventsource check passed');
