#!/usr/bin/env node
// A strict OCPP 1.6J central system for tests: ocpp-rpc's RPCServer in strict mode (every CALL and CALLRESULT
// is validated against the OCPP 1.6 JSON schemas bundled with ocpp-rpc, including the security-whitepaper
// messages), listening on 127.0.0.1 on an ephemeral port, driven by JSON lines on stdin and reporting JSON
// lines on stdout (one event per line). The control protocol and the events: ../README.md.
//
// Flags:
//   --password <identity>=<password>   require HTTP Basic auth with this password for this identity (repeatable;
//                                       OCPP 1.6 security whitepaper, security profiles 1 and 2: user = identity)
//   --tls-cert <file> --tls-key <file> serve wss:// with this PEM certificate (chain) and private key
//   --no-subprotocol                    accept upgrades WITHOUT agreeing to a subprotocol (for the client's
//                                       "server refused ocpp1.6" test); strict validation is then off
//   --ping-interval-ms <n>              server-initiated WebSocket pings (default 0: none)
//   --call-timeout-ms <n>               timeout of calls the server makes (default 30000)
//   --heartbeat-interval-s <n>          interval in BootNotification.conf (default 300)
//   --first-transaction-id <n>          first transactionId handed out by StartTransaction.conf (default 1)
'use strict';

const fs = require('fs');
const http = require('http');
const https = require('https');
const readline = require('readline');
const { RPCServer, createRPCError, NOREPLY } = require('ocpp-rpc');

const Protocol = 'ocpp1.6';

// Longest frame text copied into a 'sent'/'received' event, in characters.
const FrameEventMaxChars = 16384;

// ---------------------------------------------------------------------------------------------------------------
// Output: one JSON object per line. process.stdout on a pipe is synchronous on Linux, so each line is out
// (flushed) when write returns.
function emit(event, fields) {
    process.stdout.write(JSON.stringify(Object.assign({ event }, fields)) + '\n');
}

function errorFields(err) {
    if (err == null) {
        return { code: null, message: null };
    }

    return {
        code: err.rpcErrorCode || err.name || 'Error',
        message: err.message || err.rpcErrorMessage || '',
        details: err.details !== undefined ? err.details : null,
    };
}

// ---------------------------------------------------------------------------------------------------------------
// Options.
function parseArgs(argv) {
    const options = {
        passwords: new Map(),
        tlsCert: null,
        tlsKey: null,
        noSubprotocol: false,
        pingIntervalMs: 0,
        callTimeoutMs: 30000,
        heartbeatIntervalS: 300,
        firstTransactionId: 1,
    };

    for (let i = 0; i < argv.length; i++) {
        const flag = argv[i];
        const value = () => {
            if (i + 1 >= argv.length) {
                throw new Error(`${flag} needs a value`);
            }

            return argv[++i];
        };

        switch (flag) {
            case '--password': {
                const text = value();
                const eq = text.indexOf('=');
                if (eq <= 0) {
                    throw new Error(`--password expects <identity>=<password>, got '${text}'`);
                }

                options.passwords.set(text.substring(0, eq), text.substring(eq + 1));
                break;
            }
            case '--tls-cert': options.tlsCert = value(); break;
            case '--tls-key': options.tlsKey = value(); break;
            case '--no-subprotocol': options.noSubprotocol = true; break;
            case '--ping-interval-ms': options.pingIntervalMs = Number(value()); break;
            case '--call-timeout-ms': options.callTimeoutMs = Number(value()); break;
            case '--heartbeat-interval-s': options.heartbeatIntervalS = Number(value()); break;
            case '--first-transaction-id': options.firstTransactionId = Number(value()); break;
            default: throw new Error(`unknown flag '${flag}'`);
        }
    }

    if ((options.tlsCert === null) !== (options.tlsKey === null)) {
        throw new Error('--tls-cert and --tls-key go together');
    }

    return options;
}

// ---------------------------------------------------------------------------------------------------------------
// Default confirmations for every action a charge point initiates (OCPP 1.6 §4 and the security whitepaper),
// each valid against the bundled .conf schema.
function makeDefaultReplies(options) {
    let nextTransactionId = options.firstTransactionId;
    const accepted = () => ({ idTagInfo: { status: 'Accepted' } });
    const now = () => new Date().toISOString();
    return {
        Authorize: () => accepted(),
        BootNotification: () => ({ status: 'Accepted', currentTime: now(), interval: options.heartbeatIntervalS }),
        DataTransfer: () => ({ status: 'Accepted' }),
        DiagnosticsStatusNotification: () => ({}),
        FirmwareStatusNotification: () => ({}),
        Heartbeat: () => ({ currentTime: now() }),
        MeterValues: () => ({}),
        StartTransaction: () => ({ idTagInfo: { status: 'Accepted' }, transactionId: nextTransactionId++ }),
        StatusNotification: () => ({}),
        // idTagInfo is optional (1.6 §6.51) and only meaningful when the request carried an idTag.
        StopTransaction: (params) => (params && params.idTag !== undefined ? accepted() : {}),
        LogStatusNotification: () => ({}),
        SecurityEventNotification: () => ({}),
        SignCertificate: () => ({ status: 'Accepted' }),
        SignedFirmwareStatusNotification: () => ({}),
    };
}

// ---------------------------------------------------------------------------------------------------------------
// The server.
async function main() {
    const options = parseArgs(process.argv.slice(2));
    const defaults = makeDefaultReplies(options);

    // Reply overrides: key "<identity>\n<action>" (one identity) or "*\n<action>" (everyone).
    const overrides = new Map();
    // Connected clients by identity (the newest connection of an identity wins).
    const clients = new Map();

    const server = new RPCServer({
        protocols: [Protocol],
        strictMode: true,
        pingIntervalMs: options.pingIntervalMs,
        callTimeoutMs: options.callTimeoutMs,
    });

    server.auth((accept, reject, handshake) => {
        const identity = handshake.identity;
        const required = options.passwords.get(identity);
        if (required !== undefined) {
            const given = handshake.password;
            if (!given || !given.equals(Buffer.from(required, 'utf8'))) {
                // upgradeAborted reports the rejection.
                reject(401, 'Unauthorized');
                return;
            }
        }

        const session = { authorization: handshake.headers.authorization || null };
        if (options.noSubprotocol) {
            // protocol false: answer 101 without Sec-WebSocket-Protocol.
            accept(session, false);
        } else {
            // Explicitly ocpp1.6: a bare accept() would let in a client that offered no subprotocol, and
            // strict validation would silently be off for it. A client that did not offer it gets 400.
            accept(session, Protocol);
        }
    });

    server.on('upgradeAborted', ({ error, request, identity }) => {
        emit('rejected', {
            identity,
            status: error && typeof error.code === 'number' ? error.code : 500,
            reason: error ? error.message : null,
            authorization: request && request.headers ? request.headers.authorization || null : null,
        });
    });

    server.on('client', (client) => attachClient(client));

    function attachClient(client) {
        const identity = client.identity;
        clients.set(identity, client);
        const actions = new Map(); // messageId of an incoming CALL -> action, for the 'replied' event

        emit('connected', {
            identity,
            protocol: client.protocol || null,
            authorization: client.session.authorization,
        });

        // Every frame on the wire, as text. Long frames are reported cut to FrameEventMaxChars (flagged), so a
        // test that floods the connection does not flood this process's stdout.
        client.on('message', ({ message, outbound }) => {
            const text = message.toString();
            emit(outbound ? 'sent' : 'received', {
                identity,
                text: text.length > FrameEventMaxChars ? text.substring(0, FrameEventMaxChars) : text,
                length: text.length,
                cut: text.length > FrameEventMaxChars,
            });
        });

        client.on('call', ({ outbound, payload }) => {
            if (!outbound) {
                const [, messageId, action, params] = payload;
                actions.set(messageId, action);
                emit('call', { identity, messageId, action, payload: params === undefined ? null : params });
            }
        });

        client.on('response', ({ outbound, payload }) => {
            if (!outbound) {
                return;
            }

            const messageId = payload[1];
            const action = actions.get(messageId) || null;
            actions.delete(messageId);
            if (payload[0] === 3) {
                emit('replied', { identity, messageId, action, mode: 'payload', payload: payload[2] });
            } else {
                emit('replied', {
                    identity, messageId, action, mode: 'error',
                    code: payload[2], description: payload[3], details: payload[4],
                });
            }
        });

        client.on('badMessage', ({ buffer, error, response }) => {
            emit('badMessage', {
                identity,
                text: buffer.toString(),
                error: errorFields(error),
                response: response || null,
            });
        });

        // The oracle: emitted on the connection's client object, never on the server.
        client.on('strictValidationFailure', (f) => {
            emit('strictValidationFailure', {
                identity,
                messageId: f.messageId,
                action: f.method,
                params: f.params === undefined ? null : f.params,
                result: f.result === undefined ? null : f.result,
                outbound: f.outbound,
                isCall: f.isCall,
                error: errorFields(f.error),
            });
        });

        client.on('disconnect', ({ code, reason }) => {
            if (clients.get(identity) === client) {
                clients.delete(identity);
            }

            emit('disconnected', { identity, code, reason: reason ? reason.toString() : '' });
        });

        // Every incoming CALL (strict validation of the request has already passed when this runs).
        client.handle(async ({ messageId, method, params }) => {
            const override = overrides.get(identity + '\n' + method) || overrides.get('*\n' + method);
            if (override) {
                if (override.delayMs > 0) {
                    await new Promise((resolve) => setTimeout(resolve, override.delayMs));
                }

                switch (override.mode) {
                    case 'payload':
                        return override.payload;
                    case 'error':
                        throw createRPCError(override.code, override.description || '', override.details || {});
                    case 'none':
                        emit('replied', { identity, messageId, action: method, mode: 'none' });
                        return NOREPLY;
                }
            }

            const reply = defaults[method];
            if (!reply) {
                throw createRPCError('NotImplemented', `Unable to handle '${method}' calls`, {});
            }

            return reply(params);
        });
    }

    // Listen on 127.0.0.1, ephemeral port.
    let httpServer;
    if (options.tlsCert !== null) {
        httpServer = https.createServer({
            cert: fs.readFileSync(options.tlsCert, 'utf8'),
            key: fs.readFileSync(options.tlsKey, 'utf8'),
            minVersion: 'TLSv1.2',
        }, (req, res) => {
            res.statusCode = 404;
            res.end();
        });
        httpServer.on('upgrade', server.handleUpgrade);
        httpServer.on('tlsClientError', (err) => emit('tlsError', { message: err.message, code: err.code || null }));
        await new Promise((resolve, reject) => {
            httpServer.once('error', reject);
            httpServer.listen(0, '127.0.0.1', () => resolve());
        });
    } else {
        httpServer = await server.listen(0, '127.0.0.1');
    }

    emit('listening', { port: httpServer.address().port, tls: options.tlsCert !== null, noSubprotocol: options.noSubprotocol });

    let stopping = false;
    async function stop(exitCode) {
        if (stopping) {
            return;
        }

        stopping = true;
        try {
            await Promise.race([
                server.close({ code: 1001, reason: 'Server stopping' }),
                new Promise((resolve) => setTimeout(resolve, 2000)),
            ]);
        } catch (err) {
            // Exiting anyway.
        }

        httpServer.close();
        emit('stopped', {});
        process.exit(exitCode);
    }

    function requireClient(identity) {
        const client = clients.get(identity);
        if (!client) {
            throw new Error(`no connection for identity '${identity}'`);
        }

        return client;
    }

    async function runCommand(command) {
        switch (command.cmd) {
            case 'call': {
                const client = requireClient(command.identity);
                const callOptions = command.timeoutMs ? { callTimeoutMs: command.timeoutMs } : {};
                client.call(command.action, command.payload === undefined ? {} : command.payload, callOptions)
                    .then((result) => emit('callResult', { id: command.id, identity: command.identity, action: command.action, result }))
                    .catch((err) => emit('callError', Object.assign({ id: command.id, identity: command.identity, action: command.action }, errorFields(err))));
                break;
            }
            case 'sendRaw':
                requireClient(command.identity).sendRaw(command.text);
                break;
            case 'setReply': {
                const key = (command.identity || '*') + '\n' + command.action;
                if (command.mode === 'default') {
                    overrides.delete(key);
                } else if (command.mode === 'payload' || command.mode === 'error' || command.mode === 'none') {
                    overrides.set(key, {
                        mode: command.mode,
                        payload: command.payload === undefined ? {} : command.payload,
                        code: command.code || 'GenericError',
                        description: command.description,
                        details: command.details,
                        delayMs: command.delayMs || 0,
                    });
                } else {
                    throw new Error(`setReply: unknown mode '${command.mode}'`);
                }

                break;
            }
            case 'close': {
                const client = requireClient(command.identity);
                // force: drop the TCP connection without a close frame.
                client.close({ code: command.code, reason: command.reason, force: !!command.force });
                break;
            }
            case 'setPassword':
                if (command.password === null || command.password === undefined) {
                    options.passwords.delete(command.identity);
                } else {
                    options.passwords.set(command.identity, command.password);
                }

                break;
            case 'stop':
                await stop(0);
                break;
            default:
                throw new Error(`unknown command '${command.cmd}'`);
        }
    }

    const input = readline.createInterface({ input: process.stdin, terminal: false });
    input.on('line', (line) => {
        if (!line.trim()) {
            return;
        }

        let command;
        try {
            command = JSON.parse(line);
        } catch (err) {
            emit('error', { message: `not JSON: ${err.message}`, line });
            return;
        }

        runCommand(command).then(
            () => emit('ack', { cmd: command.cmd, id: command.id === undefined ? null : command.id }),
            (err) => emit('error', { cmd: command.cmd, id: command.id === undefined ? null : command.id, message: err.message }));
    });
    // The test process went away (or closed our stdin): stop.
    input.on('close', () => stop(0));

    process.on('SIGTERM', () => stop(0));
}

main().catch((err) => {
    emit('fatal', { message: err.message });
    process.stderr.write(String(err && err.stack ? err.stack : err) + '\n');
    process.exit(2);
});
