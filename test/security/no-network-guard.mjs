// Loaded with `node --import` before the app: records every attempt the
// process makes to reach another machine (TCP/TLS connects, UDP sends, DNS
// lookups of anything but localhost) and blocks it. Loopback connections (the
// browser host talking to itself) are allowed. At exit the attempts are
// written to the file named by NO_NETWORK_REPORT.
import dgram from 'node:dgram'
import dns from 'node:dns'
import { writeFileSync } from 'node:fs'
import net from 'node:net'

const attempts = []
const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost|::ffff:127\.\d+\.\d+\.\d+)$/i

function record(kind, target) {
  attempts.push({ kind, target, stack: new Error().stack.split('\n').slice(2, 8).join('\n') })
}

const connect = net.Socket.prototype.connect
net.Socket.prototype.connect = function (...args) {
  const opts = typeof args[0] === 'object' && args[0] !== null ? (Array.isArray(args[0]) ? args[0][0] : args[0]) : { port: args[0], host: args[1] }
  const host = opts?.host ?? (opts?.path ? null : 'localhost')
  if (host !== null && !LOOPBACK.test(String(host))) {
    record('tcp', `${host}:${opts.port}`)
    process.nextTick(() => this.destroy(new Error(`blocked outbound connection to ${host}`)))
    return this
  }
  return connect.apply(this, args)
}

const lookup = dns.lookup
dns.lookup = function (hostname, ...rest) {
  if (!LOOPBACK.test(String(hostname))) record('dns', String(hostname))
  return lookup.call(this, hostname, ...rest)
}
const promisesLookup = dns.promises.lookup
dns.promises.lookup = function (hostname, ...rest) {
  if (!LOOPBACK.test(String(hostname))) record('dns', String(hostname))
  return promisesLookup.call(this, hostname, ...rest)
}
for (const name of ['resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveTxt', 'resolveSrv']) {
  const orig = dns[name]
  dns[name] = function (hostname, ...rest) {
    record('dns', `${name} ${hostname}`)
    return orig.call(this, hostname, ...rest)
  }
}

const send = dgram.Socket.prototype.send
dgram.Socket.prototype.send = function (...args) {
  const address = args.find((a, i) => i > 0 && typeof a === 'string')
  if (!address || !LOOPBACK.test(address)) {
    record('udp', String(address))
    return undefined
  }
  return send.apply(this, args)
}

process.on('exit', () => {
  if (process.env.NO_NETWORK_REPORT) writeFileSync(process.env.NO_NETWORK_REPORT, JSON.stringify(attempts, null, 2))
})
