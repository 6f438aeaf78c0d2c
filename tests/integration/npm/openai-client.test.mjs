// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
//
// The official `openai` npm client against switchyard-server, which forwards to mock-openai.
// Run by ctest (npm_openai_client) through run-npm-test.sh; by hand:
//   MOCK_OPENAI=build/tests/support/mock-openai SWITCHYARD_SERVER=build/app/switchyard-server \
//     node --test openai-client.test.mjs     (from a folder where `openai` is installed)

import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import OpenAI from 'openai';

const MOCK_OPENAI = process.env.MOCK_OPENAI;
const SWITCHYARD_SERVER = process.env.SWITCHYARD_SERVER;
const REPLY = 'Hello from the mock upstream, routed by Switchyard.';
const TOOL = 'get_weather';
const UPSTREAM_KEY = 'sk-mock-upstream';
const START_TIMEOUT_MS = 15_000;
const STOP_TIMEOUT_MS = 5_000;
const REQUEST_TIMEOUT_MS = 15_000;

const children = [];
let workDir;
let client;
let toolModel = null; // set when mock-openai supports --tool

/// Starts `program args`, resolves with the port from its first "listening on http://…:<port>" line.
function startListening(name, program, args) {
    const child = spawn(program, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const proc = { name, child, output: '', exited: null };
    children.push(proc);
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk) => { proc.output += chunk; });
    return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
            reject(new Error(`${name} printed no "listening on" line within ${START_TIMEOUT_MS} ms:\n`
                + proc.output));
        }, START_TIMEOUT_MS);
        child.stdout.on('data', (chunk) => {
            proc.output += chunk;
            const match = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(proc.output);
            if (match) {
                clearTimeout(timer);
                resolve(Number(match[1]));
            }
        });
        child.on('error', (err) => { clearTimeout(timer); reject(err); });
        child.on('exit', (code, signal) => {
            proc.exited = { code, signal };
            clearTimeout(timer);
            reject(new Error(`${name} exited early (code ${code}, signal ${signal}):\n${proc.output}`));
        });
    });
}

function stop(proc) {
    if (proc.exited) {
        return Promise.resolve(proc.exited);
    }
    return new Promise((resolve) => {
        const kill = setTimeout(() => proc.child.kill('SIGKILL'), STOP_TIMEOUT_MS);
        proc.child.once('exit', (code, signal) => {
            clearTimeout(kill);
            resolve({ code, signal });
        });
        proc.child.kill('SIGTERM');
    });
}

function mockSupportsTools() {
    const help = spawnSync(MOCK_OPENAI, ['--help'], { encoding: 'utf8', timeout: 5_000 });
    return /--tool\b/.test(`${help.stdout}${help.stderr}`);
}

before(async () => {
    assert.ok(MOCK_OPENAI, 'MOCK_OPENAI must name the mock-openai executable');
    assert.ok(SWITCHYARD_SERVER, 'SWITCHYARD_SERVER must name the switchyard-server executable');
    workDir = mkdtempSync(join(tmpdir(), 'switchyard-npm-'));

    const mockPort = await startListening('mock-openai', MOCK_OPENAI,
        ['--port', '0', '--api-key', UPSTREAM_KEY, '--reply', REPLY]);
    const providers = [{ id: 'mock', kind: 'openai', base_url: `http://127.0.0.1:${mockPort}/v1`,
                         api_key: UPSTREAM_KEY }];
    const models = [{ id: 'gpt-4o-mini', provider: 'mock', upstream: 'gpt-4o-mini' }];
    if (mockSupportsTools()) {
        const toolPort = await startListening('mock-openai --tool', MOCK_OPENAI,
            ['--port', '0', '--api-key', UPSTREAM_KEY, '--tool', TOOL]);
        providers.push({ id: 'mock-tools', kind: 'openai',
                         base_url: `http://127.0.0.1:${toolPort}/v1`, api_key: UPSTREAM_KEY });
        models.push({ id: 'gpt-4o-mini-tools', provider: 'mock-tools', upstream: 'gpt-4o-mini',
                      capabilities: ['tools'] });
        toolModel = 'gpt-4o-mini-tools';
    }

    const configPath = join(workDir, 'switchyard.json');
    writeFileSync(configPath, JSON.stringify({
        server: { host: '127.0.0.1', port: 0 },
        providers,
        models,
        routes: [{ name: 'auto', strategy: 'fallback', targets: ['gpt-4o-mini'] }],
        default_route: 'auto',
    }, null, 2));
    const dataDir = join(workDir, 'data');
    const port = await startListening('switchyard-server', SWITCHYARD_SERVER,
        ['--config', configPath, '--port', '0', '--data-dir', dataDir]);

    client = new OpenAI({ baseURL: `http://127.0.0.1:${port}/v1`, apiKey: 'sk-client-anything',
                          timeout: REQUEST_TIMEOUT_MS, maxRetries: 0 });
});

after(async () => {
    const results = await Promise.all(children.map(stop));
    const server = children.findIndex((proc) => proc.name === 'switchyard-server');
    if (workDir) {
        rmSync(workDir, { recursive: true, force: true });
    }
    for (const proc of children) {
        assert.ok(!proc.output.includes(UPSTREAM_KEY), `${proc.name} printed the upstream API key`);
    }
    if (server >= 0) {
        assert.notEqual(results[server].signal, 'SIGKILL',
            'switchyard-server did not stop on SIGTERM in time');
    }
});

test('non-streamed chat completion through route auto', { timeout: 30_000 }, async () => {
    const completion = await client.chat.completions.create({
        model: 'auto',
        messages: [{ role: 'user', content: 'Say hello.' }],
    });
    assert.equal(completion.object, 'chat.completion');
    assert.equal(completion.choices.length, 1);
    assert.equal(completion.choices[0].message.role, 'assistant');
    assert.equal(completion.choices[0].message.content, REPLY);
    assert.equal(completion.choices[0].finish_reason, 'stop');
});

test('streamed chat completion by model name', { timeout: 30_000 }, async () => {
    const stream = await client.chat.completions.create({
        model: 'gpt-4o-mini',
        messages: [{ role: 'user', content: 'Say hello, slowly.' }],
        stream: true,
    });
    let text = '';
    let finish = null;
    let chunks = 0;
    for await (const chunk of stream) {
        assert.equal(chunk.object, 'chat.completion.chunk');
        chunks += 1;
        const choice = chunk.choices[0];
        if (choice) {
            text += choice.delta?.content ?? '';
            finish = choice.finish_reason ?? finish;
        }
    }
    // Reaching here means the SSE stream ended ([DONE] / connection closed) within the timeout.
    assert.ok(chunks > 1, `expected several chunks, got ${chunks}`);
    assert.equal(text, REPLY);
    assert.equal(finish, 'stop');
});

test('streamed tool call', { timeout: 30_000 }, async (t) => {
    if (!toolModel) {
        t.skip('mock-openai has no --tool option');
        return;
    }
    const stream = await client.chat.completions.create({
        model: toolModel,
        messages: [{ role: 'user', content: 'What is the weather in Berlin?' }],
        tools: [{
            type: 'function',
            function: {
                name: TOOL,
                description: 'Current weather for a city',
                parameters: { type: 'object', properties: { city: { type: 'string' } },
                              required: ['city'] },
            },
        }],
        stream: true,
    });
    const calls = new Map();
    let finish = null;
    for await (const chunk of stream) {
        const choice = chunk.choices[0];
        if (!choice) {
            continue;
        }
        for (const delta of choice.delta?.tool_calls ?? []) {
            const call = calls.get(delta.index) ?? { id: '', name: '', args: '' };
            call.id += delta.id ?? '';
            call.name += delta.function?.name ?? '';
            call.args += delta.function?.arguments ?? '';
            calls.set(delta.index, call);
        }
        finish = choice.finish_reason ?? finish;
    }
    assert.equal(calls.size, 1);
    const call = calls.get(0);
    assert.equal(call.name, TOOL);
    assert.ok(call.id.length > 0, 'tool call has no id');
    assert.doesNotThrow(() => JSON.parse(call.args), `arguments are not JSON: ${call.args}`);
    assert.equal(finish, 'tool_calls');
});
