// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Switchyard developers
//
// The official `openai` and `@anthropic-ai/sdk` npm clients against one switchyard-server that
// fronts mock-openai, mock-anthropic and mock-gemini. Every client × model × (plain, streamed) ×
// (text, tool call) combination goes through the gateway's translation. Run by ctest (npm_clients)
// through run-npm-test.sh; by hand, from a folder where both packages are installed:
//   MOCK_OPENAI=… MOCK_ANTHROPIC=… MOCK_GEMINI=… SWITCHYARD_SERVER=… node --test clients.test.mjs

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';

import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';

const START_TIMEOUT_MS = 15_000;
const STOP_TIMEOUT_MS = 5_000;
const REQUEST_TIMEOUT_MS = 15_000;
const TEST_TIMEOUT_MS = 30_000;

const TOOL = 'get_weather';
const TOOL_ARGS = { city: 'Paris' };

// One upstream per provider kind; the text set answers with `reply`, the tool set (provider id
// `<kind>-tools`) with a single tool call. Every provider has its own upstream key.
const UPSTREAMS = [
    { kind: 'openai', env: 'MOCK_OPENAI', model: 'gpt-4o-mini', path: '/v1',
      reply: 'Hello from mock-openai, routed by Switchyard.' },
    { kind: 'anthropic', env: 'MOCK_ANTHROPIC', model: 'claude-haiku-4-5', path: '/v1',
      reply: 'Hello from mock-anthropic, routed by Switchyard.' },
    { kind: 'gemini', env: 'MOCK_GEMINI', model: 'gemini-2.5-flash', path: '/v1beta',
      reply: 'Hello from mock-gemini, routed by Switchyard.' },
];
const upstreamKey = (provider) => `sk-upstream-${provider}-7f3a9c`;
const ALL_KEYS = UPSTREAMS.flatMap((u) => [upstreamKey(u.kind), upstreamKey(`${u.kind}-tools`)]);

const children = [];
const seenPayloads = []; // every response the clients received, checked for leaked keys
let workDir;
let gatewayPort;

/// Starts `program args`, resolves with the port from its first "listening on http://…:<port>" line.
function startListening(name, program, args) {
    const child = spawn(program, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const proc = { name, child, output: '', exited: null };
    children.push(proc);
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk) => { proc.output += chunk; });
    child.on('exit', (code, signal) => { proc.exited = { code, signal }; });
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

async function startMock(upstream, providerId, toolSet) {
    const program = process.env[upstream.env];
    assert.ok(program, `${upstream.env} must name the mock-${upstream.kind} executable`);
    const args = ['--port', '0', '--api-key', upstreamKey(providerId)];
    if (toolSet) {
        args.push('--reply', '', '--tool', TOOL, '--tool-args', JSON.stringify(TOOL_ARGS));
    } else {
        args.push('--reply', upstream.reply);
    }
    const port = await startListening(`mock-${providerId}`, program, args);
    return { id: providerId, kind: upstream.kind, base_url: `http://127.0.0.1:${port}${upstream.path}`,
             api_key: upstreamKey(providerId) };
}

before(async () => {
    assert.ok(process.env.SWITCHYARD_SERVER, 'SWITCHYARD_SERVER must name the switchyard-server executable');
    workDir = mkdtempSync(join(tmpdir(), 'switchyard-npm-'));
    const providers = await Promise.all(UPSTREAMS.flatMap((u) => [
        startMock(u, u.kind, false),
        startMock(u, `${u.kind}-tools`, true),
    ]));
    const configPath = join(workDir, 'switchyard.json');
    writeFileSync(configPath, JSON.stringify({
        server: { host: '127.0.0.1', port: 0 },
        resilience: { breaker_failures: 0 },
        providers,
        // The tool set is reached as "<kind>-tools/<model>" (provider-qualified, outside the catalog).
        models: UPSTREAMS.map((u) => ({ id: u.model, provider: u.kind, upstream: u.model })),
        routes: [{ name: 'auto', strategy: 'fallback', targets: ['gpt-4o-mini'] }],
        default_route: 'auto',
    }, null, 2));
    gatewayPort = await startListening('switchyard-server', process.env.SWITCHYARD_SERVER,
        ['--config', configPath, '--port', '0', '--data-dir', join(workDir, 'data')]);
});

after(async () => {
    const results = await Promise.all(children.map(stop));
    if (workDir) {
        rmSync(workDir, { recursive: true, force: true });
    }
    const payloads = JSON.stringify(seenPayloads);
    for (const key of ALL_KEYS) {
        for (const proc of children) {
            assert.ok(!proc.output.includes(key), `${proc.name} printed an upstream API key`);
        }
        assert.ok(!payloads.includes(key), 'a response to a client contained an upstream API key');
    }
    const server = children.findIndex((proc) => proc.name === 'switchyard-server');
    if (server >= 0) {
        assert.notEqual(results[server].signal, 'SIGKILL', 'switchyard-server did not stop on SIGTERM in time');
    }
});

const openaiClient = () => new OpenAI({ baseURL: `http://127.0.0.1:${gatewayPort}/v1`, apiKey: 'sk-client-anything',
                                        timeout: REQUEST_TIMEOUT_MS, maxRetries: 0 });
const anthropicClient = () => new Anthropic({ baseURL: `http://127.0.0.1:${gatewayPort}`, apiKey: 'sk-ant-anything',
                                              timeout: REQUEST_TIMEOUT_MS, maxRetries: 0 });

const OPENAI_TOOLS = [{
    type: 'function',
    function: { name: TOOL, description: 'Current weather for a city',
                parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } },
}];
const ANTHROPIC_TOOLS = [{
    name: TOOL, description: 'Current weather for a city',
    input_schema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
}];

function assertRoutedTo(response, providerId) {
    assert.equal(response.headers.get('x-switchyard-provider'), providerId);
    assert.ok(response.headers.get('x-switchyard-request-id'), 'no x-switchyard-request-id header');
}

/// Sums OpenAI chat.completion.chunk deltas into { text, calls, finish }.
function accumulateOpenAi(acc, chunk) {
    assert.equal(chunk.object, 'chat.completion.chunk');
    acc.chunks += 1;
    const choice = chunk.choices[0];
    if (!choice) {
        return;
    }
    acc.text += choice.delta?.content ?? '';
    for (const delta of choice.delta?.tool_calls ?? []) {
        const call = acc.calls.get(delta.index) ?? { id: '', name: '', args: '' };
        call.id += delta.id ?? '';
        call.name += delta.function?.name ?? '';
        call.args += delta.function?.arguments ?? '';
        acc.calls.set(delta.index, call);
    }
    acc.finish = choice.finish_reason ?? acc.finish;
}

async function openaiCase(upstream, streamed, tools) {
    const client = openaiClient();
    const providerId = tools ? `${upstream.kind}-tools` : upstream.kind;
    const params = {
        model: tools ? `${providerId}/${upstream.model}` : upstream.model,
        messages: [{ role: 'user', content: tools ? 'What is the weather in Paris?' : 'Say hello.' }],
        ...(tools ? { tools: OPENAI_TOOLS } : {}),
    };
    let message;
    let finish;
    if (!streamed) {
        const { data, response } = await client.chat.completions.create(params).withResponse();
        seenPayloads.push(data);
        assertRoutedTo(response, providerId);
        assert.equal(data.object, 'chat.completion');
        assert.equal(data.choices.length, 1);
        assert.ok(data.usage.completion_tokens > 0, `no usage: ${JSON.stringify(data.usage)}`);
        message = data.choices[0].message;
        finish = data.choices[0].finish_reason;
    } else {
        // The SDK's stream helper: raw chunks while iterating, the assembled completion at the end.
        const stream = client.chat.completions.stream(params);
        const acc = { chunks: 0, text: '', calls: new Map(), finish: null };
        for await (const chunk of stream) {
            seenPayloads.push(chunk);
            accumulateOpenAi(acc, chunk);
        }
        const final = await stream.finalChatCompletion();
        seenPayloads.push(final);
        assert.ok(acc.chunks > 1, `expected several chunks, got ${acc.chunks}`);
        message = final.choices[0].message;
        finish = final.choices[0].finish_reason;
        assert.equal(acc.finish, finish);
        assert.equal(acc.text, message.content ?? '');
        if (tools) {
            assert.equal(acc.calls.size, 1, `deltas carried ${acc.calls.size} tool calls`);
            const [call] = acc.calls.values();
            assert.equal(call.name, TOOL);
            assert.deepEqual(JSON.parse(call.args), TOOL_ARGS);
        }
    }
    assert.equal(message.role, 'assistant');
    if (tools) {
        assert.equal(finish, 'tool_calls');
        assert.equal(message.tool_calls?.length, 1, `tool_calls: ${JSON.stringify(message.tool_calls)}`);
        const [call] = message.tool_calls;
        assert.equal(call.type, 'function');
        assert.ok(call.id, 'tool call has no id');
        assert.equal(call.function.name, TOOL);
        assert.deepEqual(JSON.parse(call.function.arguments), TOOL_ARGS);
    } else {
        assert.equal(finish, 'stop');
        assert.equal(message.content, upstream.reply);
        assert.ok(!message.tool_calls?.length, 'unexpected tool calls');
    }
}

async function anthropicCase(upstream, streamed, tools) {
    const client = anthropicClient();
    const providerId = tools ? `${upstream.kind}-tools` : upstream.kind;
    const params = {
        model: tools ? `${providerId}/${upstream.model}` : upstream.model,
        max_tokens: 256,
        messages: [{ role: 'user', content: tools ? 'What is the weather in Paris?' : 'Say hello.' }],
        ...(tools ? { tools: ANTHROPIC_TOOLS } : {}),
    };
    let message;
    if (!streamed) {
        const { data, response } = await client.messages.create(params).withResponse();
        assertRoutedTo(response, providerId);
        message = data;
        assert.ok(message.usage.output_tokens > 0, `no usage: ${JSON.stringify(message.usage)}`);
    } else {
        // The SDK's MessageStream: raw events while iterating, the assembled message at the end.
        const stream = client.messages.stream(params);
        const { response } = await stream.withResponse();
        assertRoutedTo(response, providerId);
        let text = '';
        let json = '';
        let events = 0;
        for await (const event of stream) {
            seenPayloads.push(event);
            events += 1;
            if (event.type === 'content_block_delta' && event.delta.type === 'text_delta') {
                text += event.delta.text;
            } else if (event.type === 'content_block_delta' && event.delta.type === 'input_json_delta') {
                json += event.delta.partial_json;
            }
        }
        message = await stream.finalMessage();
        assert.ok(events > 2, `expected several events, got ${events}`);
        if (tools) {
            assert.deepEqual(JSON.parse(json), TOOL_ARGS);
        } else {
            assert.equal(text, upstream.reply);
        }
    }
    seenPayloads.push(message);
    assert.equal(message.type, 'message');
    assert.equal(message.role, 'assistant');
    if (tools) {
        assert.equal(message.stop_reason, 'tool_use');
        const uses = message.content.filter((block) => block.type === 'tool_use');
        assert.equal(uses.length, 1, `content: ${JSON.stringify(message.content)}`);
        assert.ok(uses[0].id, 'tool_use block has no id');
        assert.equal(uses[0].name, TOOL);
        assert.deepEqual(uses[0].input, TOOL_ARGS);
    } else {
        assert.equal(message.stop_reason, 'end_turn');
        const texts = message.content.filter((block) => block.type === 'text').map((block) => block.text);
        assert.equal(texts.join(''), upstream.reply);
        assert.ok(!message.content.some((block) => block.type === 'tool_use'), 'unexpected tool_use');
    }
}

const CLIENTS = [
    { name: 'openai client on /v1', run: openaiCase },
    { name: 'anthropic client on the root', run: anthropicCase },
];

for (const client of CLIENTS) {
    describe(client.name, () => {
        for (const upstream of UPSTREAMS) {
            for (const streamed of [false, true]) {
                for (const tools of [false, true]) {
                    const title = `${upstream.model} (${upstream.kind}) ${streamed ? 'streamed' : 'plain'} `
                        + (tools ? 'tool call' : 'text');
                    test(title, { timeout: TEST_TIMEOUT_MS }, () => client.run(upstream, streamed, tools));
                }
            }
        }
    });
}
