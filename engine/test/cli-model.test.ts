// The model from the environment: TRELLIS_MODEL_BASE_URL, TRELLIS_MODEL and TRELLIS_MODEL_API_KEY
// point agents at an OpenAI-compatible server (here a local fake); the key is sent but never shown.
// Ctrl-C cancels a run waiting on the model.
import { rmSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, FIXTURES, spawnTrellis, tempDir, trellis } from './cli-helpers.js';
import { FakeOpenAIServer, hang, json, sse, streamOf } from './fake-openai-server.js';

const KEY = 'sk-test-very-secret-4711';
let dir: string;
let server: FakeOpenAIServer;

beforeAll(async () => {
  await ensureBuilt();
  dir = tempDir(FIXTURES);
}, 120_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

afterEach(async () => {
  await server.close();
});

function modelEnv(): Record<string, string> {
  return { TRELLIS_MODEL_BASE_URL: server.baseUrl, TRELLIS_MODEL: 'fake-model', TRELLIS_MODEL_API_KEY: KEY };
}

describe('trellis run with a model from the environment', () => {
  it('streams the server reply, says which model it uses, and never prints the key', async () => {
    server = await FakeOpenAIServer.start();
    server.reply(sse([streamOf(['Drive ', 'further, ', 'pay less.'])]));
    const result = await trellis(['run', 'agent.workflow.yaml', '--input', 'Write a slogan'], { cwd: dir, env: modelEnv() });
    expect(result.stderr).toContain(`model fake-model at ${server.baseUrl} (with an API key)`);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^ {2}Drive further, pay less\.$/m);
    expect(result.stdout).toMatch(/Outputs \(1\):\n {2}Drive further, pay less\.\n/);
    expect(`${result.stdout}${result.stderr}`).not.toContain(KEY);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(server.requests[0]!.body).toMatchObject({ model: 'fake-model', stream: true });
  });

  it('exits 3 when the server refuses, without showing the key', async () => {
    server = await FakeOpenAIServer.start();
    server.reply(json(401, { error: { message: `Incorrect API key provided: ${KEY}` } }));
    const result = await trellis(['run', 'agent.workflow.yaml', '--input', 'hi', '--json'], { cwd: dir, env: modelEnv() });
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/401/);
    expect(`${result.stdout}${result.stderr}`).not.toContain(KEY);
  });

  it('Ctrl-C cancels the run waiting on the model and exits 130', async () => {
    server = await FakeOpenAIServer.start();
    server.reply(hang());
    const { child, done } = spawnTrellis(['run', 'agent.workflow.yaml', '--input', 'hi'], { cwd: dir, env: modelEnv() });
    const deadline = Date.now() + 5_000;
    while (server.requests.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    child.kill('SIGINT');
    const result = await done;
    expect(result.code).toBe(130);
    expect(result.stderr).toMatch(/Cancelling/);
    expect(result.stdout).toMatch(/State: cancelled/);
  });
});
