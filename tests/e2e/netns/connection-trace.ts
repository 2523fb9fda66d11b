/**
 * Records every attempt a process tree makes to reach an address (strace: connect, sendto,
 * sendmsg, sendmmsg, with -f for every thread and child) and reads the record back.
 *
 * A UDP packet can leave without connect() (WebRTC's STUN goes out by sendto/sendmsg to an
 * address), so the send calls are traced too; a send on a connected socket names no address and
 * was already seen at its connect.
 */
import { readFileSync } from 'node:fs';

export const tracedCalls = 'connect,sendto,sendmsg,sendmmsg';

/** The command line that runs `command` under strace, writing to `file`. */
export function stracePrefix(file: string): string[] {
  return ['strace', '-f', '-qq', '-yy', '-s', '0', '-e', `trace=${tracedCalls}`, '-e', 'signal=none', '-o', file];
}

export interface Attempt {
  pid: number;
  call: string;
  /** The socket's protocol as strace -yy names it: TCP, TCPv6, UDP, UDPv6 (empty when unknown). */
  protocol: string;
  family: 'AF_INET' | 'AF_INET6';
  address: string;
  port: number;
  line: string;
}

export interface TraceSummary {
  /** Every call that named an internet address. */
  attempts: Attempt[];
  /** Calls to a unix socket or the kernel (netlink), and sends on sockets connected before (seen at their connect). */
  other: number;
}

const inet = /sa_family=AF_INET, sin_port=htons\((\d+)\), sin_addr=inet_addr\("([^"]+)"\)/g;
const inet6 = /sa_family=AF_INET6, sin6_port=htons\((\d+)\),[^}]*?inet_pton\(AF_INET6, "([^"]+)"/g;
const otherFamily = /sa_family=(AF_UNIX|AF_NETLINK|AF_UNSPEC|AF_PACKET)/;

export function readTrace(file: string): TraceSummary {
  return parseTrace(readFileSync(file, 'utf8'));
}

export function parseTrace(text: string): TraceSummary {
  const attempts: Attempt[] = [];
  let other = 0;
  for (const line of text.split('\n')) {
    const call = /^(\d+)\s+(connect|sendto|sendmsg|sendmmsg)\(\d+(?:<([A-Za-z0-9]+):)?/.exec(line);
    if (!call) continue;
    const protocol = call[3] ?? '';
    const found: Attempt[] = [];
    for (const match of line.matchAll(inet)) {
      found.push({ pid: Number(call[1]), call: call[2]!, protocol, family: 'AF_INET', address: match[2]!, port: Number(match[1]), line });
    }
    for (const match of line.matchAll(inet6)) {
      found.push({ pid: Number(call[1]), call: call[2]!, protocol, family: 'AF_INET6', address: match[2]!, port: Number(match[1]), line });
    }
    if (found.length) attempts.push(...found);
    else if (otherFamily.test(line) || !line.includes('sa_family=')) other += 1;
    else throw new Error(`an address family this check does not know: ${line}`);
  }
  return { attempts, other };
}

/**
 * A UDP connect() sends nothing: it asks the kernel which route and source address a datagram
 * would take. libwebrtc does this towards 8.8.8.8 and 2001:4860:4860::8888 (port 53) to find the
 * default local address, and Chromium's resolver towards 2001:4860:4860::8888 (port 443) to see
 * whether IPv6 is reachable. These, and only these, are route probes; any datagram actually sent
 * names its address in sendto/sendmsg (traced) or goes out on a connected socket, which needs a
 * connect() that succeeded (in a loopback-only namespace these fail with ENETUNREACH).
 */
export function isRouteProbe(attempt: Attempt): boolean {
  return (
    attempt.call === 'connect' &&
    attempt.protocol.startsWith('UDP') &&
    (attempt.address === '8.8.8.8' || attempt.address === '2001:4860:4860::8888') &&
    (attempt.port === 53 || attempt.port === 443) &&
    !/\) = 0$/.test(attempt.line)
  );
}

/** This computer: 127.0.0.1, ::1 (and ::ffff:127.0.0.1, the same in IPv6 form). */
export function isLoopback(address: string): boolean {
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}
