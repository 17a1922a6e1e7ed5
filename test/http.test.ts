import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { buildApp } from '../src/app.js';
import { Client, startServer, type TestServer } from './helpers.js';

describe('OpenAPI document and operations endpoints', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer({ demoData: false });
  });
  after(() => server.close());

  it('generates OpenAPI 3 from the zod schemas, with Chinese descriptions', async () => {
    const c = new Client(server.baseUrl);
    const doc = (await c.get('/api/docs/json')).body;
    assert.equal(doc.openapi, '3.0.3');
    for (const path of ['/api/v1/units', '/api/v1/units/{id}', '/api/v1/users', '/api/v1/auth/login', '/api/v1/audit']) assert.ok(doc.paths[path], path);
    assert.equal(doc.paths['/api/v1/auth/login'].post.summary, '登录');
    const loginBody = doc.paths['/api/v1/auth/login'].post.requestBody.content['application/json'].schema;
    assert.deepEqual(loginBody.required.sort(), ['password', 'username']);
    assert.ok(doc.paths['/api/v1/users'].get.responses['403'], 'error responses are documented');
    assert.equal(doc.paths['/xxgk'], undefined, 'HTML pages stay out of the API document');
    const ui = await c.get('/api/docs');
    assert.ok([200, 302].includes(ui.status));
  });

  it('reports health with the database in use', async () => {
    const res = await new Client(server.baseUrl).get('/healthz');
    assert.deepEqual(res.body, { status: 'ok', database: 'sqlite' });
  });

  it('sends a 401 to anonymous writes before anything changes', async () => {
    const c = new Client(server.baseUrl);
    assert.equal((await c.post('/api/v1/auth/password', { currentPassword: 'a', newPassword: 'b' })).status, 401);
    assert.equal((await c.post('/api/v1/units', { parentId: null, name: '某市人民政府', kind: 'government', level: 'city' })).status, 401);
    assert.equal((await c.post('/api/v1/users', { username: 'abc', displayName: 'x', unitId: 1, roles: ['editor'], password: 'Strong#Pass1' })).status, 401);
  });

  it('finishes a request in flight when the server shuts down', async () => {
    const app = await buildApp(server.ctx, { logger: false });
    let started!: () => void;
    const inFlight = new Promise<void>((resolve) => { started = resolve; });
    app.get('/slow-for-test', async () => {
      started();
      await sleep(400);
      return { done: true };
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const pending = fetch(`http://127.0.0.1:${port}/slow-for-test`);
    // Shut down only once the request is being handled (a fixed wait lost the race on a loaded CI machine).
    await inFlight;
    await app.close();
    const res = await pending;
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { done: true });
  });
});
