/**
 * Local edits on their way to the host (`minutes:push`), kept until the host has them: when the
 * host cannot be reached (the wifi drops, the host restarts) they wait and are sent again, merged,
 * so the host ends up with every word typed here. Sent one batch at a time, in order.
 */
import * as Y from 'yjs';
import { toBase64 } from 'lib0/buffer';

/** A batch stays well under the contract's 1 MB limit for one update. */
const maxBatchBytes = 600_000;
const retryDelays = [500, 1000, 2000, 4000];

export type PushResult = { ok: true } | { ok: false; retry: boolean; message: string };

export class Outbox {
  private pending: Uint8Array[] = [];
  private sending = false;
  private failures = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;
  /** The last refusal that retrying cannot fix (e.g. the minutes were signed meanwhile). */
  error: string | null = null;
  /** False while the host is unreachable. */
  reachable = true;

  constructor(
    private readonly push: (updateBase64: string) => Promise<PushResult>,
    private readonly onChange: () => void,
  ) {}

  get size(): number {
    return this.pending.length;
  }

  add(update: Uint8Array): void {
    this.pending.push(update);
    this.onChange();
    this.flush();
  }

  /** Sends now (e.g. when the browser is back online), skipping any wait. */
  flush(): void {
    if (this.stopped || this.sending || this.pending.length === 0) return;
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    void this.sendBatch();
  }

  private async sendBatch(): Promise<void> {
    this.sending = true;
    let taken = 0;
    let bytes = 0;
    while (taken < this.pending.length && (taken === 0 || bytes + this.pending[taken]!.length <= maxBatchBytes)) {
      bytes += this.pending[taken]!.length;
      taken += 1;
    }
    const batch = this.pending.slice(0, taken);
    const update = batch.length === 1 ? batch[0]! : Y.mergeUpdates(batch);
    const result = await this.push(toBase64(update));
    this.sending = false;
    if (this.stopped) return;
    if (result.ok) {
      this.pending.splice(0, taken);
      this.failures = 0;
      this.reachable = true;
      this.error = null;
      this.onChange();
      this.flush();
      return;
    }
    if (!result.retry) {
      this.error = result.message;
      this.onChange();
      return;
    }
    this.reachable = false;
    this.onChange();
    const delay = retryDelays[Math.min(this.failures, retryDelays.length - 1)]!;
    this.failures += 1;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.flush();
    }, delay);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }
}
