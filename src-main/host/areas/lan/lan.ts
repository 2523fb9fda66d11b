/**
 * Listening on the LAN only while it is needed: the browser host always listens on loopback, and
 * additionally on the computer's LAN addresses while a meeting is open for joining or residents'
 * intake is open (or always, when started with --lan). Listening on each LAN address with the same
 * port as loopback (rather than on 0.0.0.0, which would clash with the loopback listener) keeps
 * the port in the join URL the same as the chair's own.
 */
import { networkInterfaces } from 'node:os';

/** The host's own LAN IPv4 addresses (not loopback). */
export function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((entry) => entry && entry.family === 'IPv4' && !entry.internal)
    .map((entry) => entry!.address);
}

/** What the access handlers need to know of the network side (absent where a host has no server, as in tests). */
export interface LanInfo {
  /** Addresses participants can reach the host at. */
  addresses(): string[];
  /** The port the host listens on. */
  port(): number | null;
  /** Whether the host is reachable from the LAN now. */
  isOpen(): boolean;
}

export interface LanListeners {
  listenOn(address: string): Promise<void>;
  stopListening(address: string): Promise<void>;
  listeningOn(): string[];
  port: number;
}

/** Starts or stops the LAN listeners to match what is wanted; serialised so two changes never race. */
export class LanSwitch implements LanInfo {
  private queue: Promise<void> = Promise.resolve();
  private server: LanListeners | null = null;

  constructor(
    private readonly options: {
      /** --lan: listening on every interface from the start, nothing to switch. */
      always: boolean;
      addresses?: () => string[];
      log?: (message: string) => void;
    },
  ) {}

  attach(server: LanListeners): void {
    this.server = server;
  }

  addresses(): string[] {
    return (this.options.addresses ?? lanAddresses)();
  }

  port(): number | null {
    return this.server?.port ?? null;
  }

  isOpen(): boolean {
    return this.options.always || (this.server?.listeningOn().length ?? 0) > 0;
  }

  sync(wanted: boolean): Promise<void> {
    this.queue = this.queue.then(() => this.apply(wanted)).catch((error: unknown) => {
      this.options.log?.(`局域网监听切换失败：${(error as Error).message}`);
    });
    return this.queue;
  }

  private async apply(wanted: boolean): Promise<void> {
    const server = this.server;
    if (!server || this.options.always) return;
    const current = new Set(server.listeningOn());
    const target = new Set(wanted ? this.addresses() : []);
    for (const address of current) if (!target.has(address)) await server.stopListening(address);
    for (const address of target) {
      if (current.has(address)) continue;
      await server.listenOn(address);
      this.options.log?.(`已在局域网开放 / Open on the LAN: http://${address}:${server.port}/`);
    }
    if (!wanted && current.size > 0) this.options.log?.('局域网已关闭，只允许本机访问。 / LAN closed.');
  }
}
