/**
 * The reading of strace records behind the no-outside-contact test (tests/e2e/no-outside-contact.spec.ts):
 * lines recorded by `strace -f -qq -yy` in a loopback-only namespace, one of each kind that matters.
 */
import { describe, expect, it } from 'vitest';
import { isLoopback, isRouteProbe, parseTrace } from '../e2e/netns/connection-trace';

const recorded = `11431 connect(3<UDP:[419449]>, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr("8.8.8.8")}, 16) = -1 ENETUNREACH (Network is unreachable)
11431 connect(4<TCP:[419456]>, {sa_family=AF_INET, sin_port=htons(443), sin_addr=inet_addr("93.184.216.34")}, 16) = -1 ENETUNREACH (Network is unreachable)
11431 sendto(5<UDPv6:[419459]>, ""..., 1, 0, {sa_family=AF_INET6, sin6_port=htons(53), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "2001:4860:4860::8888", &sin6_addr), sin6_scope_id=0}, 28) = -1 ENETUNREACH (Network is unreachable)
11431 sendto(6<UDP:[419462]>, ""..., 1, 0, {sa_family=AF_INET, sin_port=htons(9), sin_addr=inet_addr("127.0.0.1")}, 16) = 1
32490 connect(27<UNIX:[1234]>, {sa_family=AF_UNIX, sun_path="/run/dbus/system_bus_socket"}, 29) = -1 ENOENT (No such file or directory)
32549 sendto(61<UDP:[5]>, ""..., 96, 0, {sa_family=AF_INET, sin_port=htons(46917), sin_addr=inet_addr("127.0.0.1")}, 16 <unfinished ...>
32549 sendmsg(40<UNIX-STREAM:[6]>, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=""..., iov_len=8}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, MSG_NOSIGNAL) = 8
12 connect(7<TCPv6:[8]>, {sa_family=AF_INET6, sin6_port=htons(4820), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "::1", &sin6_addr), sin6_scope_id=0}, 28) = 0`;

describe('reading strace records of connection attempts', () => {
  const trace = parseTrace(recorded);

  it('finds every call that names an internet address, with its protocol, address and port', () => {
    expect(trace.attempts.map((a) => `${a.call} ${a.protocol} ${a.address}:${a.port}`)).toEqual([
      'connect UDP 8.8.8.8:53',
      'connect TCP 93.184.216.34:443',
      'sendto UDPv6 2001:4860:4860::8888:53',
      'sendto UDP 127.0.0.1:9',
      'sendto UDP 127.0.0.1:46917',
      'connect TCPv6 ::1:4820',
    ]);
    expect(trace.other).toBe(2);
  });

  it('counts only a failed UDP connect to the known probe addresses as a route probe: a TCP connect or a sent datagram never', () => {
    const outside = trace.attempts.filter((a) => !isLoopback(a.address));
    expect(outside.filter(isRouteProbe).map((a) => a.address)).toEqual(['8.8.8.8']);
    expect(outside.filter((a) => !isRouteProbe(a)).map((a) => `${a.call} ${a.address}`)).toEqual(['connect 93.184.216.34', 'sendto 2001:4860:4860::8888']);
    const succeeded = parseTrace(recorded.split('\n')[0]!.replace('= -1 ENETUNREACH (Network is unreachable)', '= 0')).attempts[0]!;
    expect(isRouteProbe(succeeded)).toBe(false);
  });

  it('refuses an address family it does not know rather than passing it', () => {
    expect(() => parseTrace('1 connect(3<X:[1]>, {sa_family=AF_BLUETOOTH, ...}, 10) = 0')).toThrow(/AF_BLUETOOTH/);
  });
});
