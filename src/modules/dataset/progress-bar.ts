/** Where the bar is drawn: stderr, or anything with `write` in tests. */
export interface ProgressStream {
  write(text: string): unknown;
}

const WIDTH = 30;
/** Redrawing more often than this only costs time. */
const INTERVAL_MS = 100;

/**
 * A one-line progress bar redrawn in place with a carriage return. Messages go through `log`
 * so that they do not land in the middle of the bar. Disabled, it only passes messages on.
 */
export class ProgressBar {
  private drawn = '';
  private lastDraw = 0;

  constructor(
    private readonly stream: ProgressStream,
    /** The position at 100 %, or null when unknown (then only the detail is shown). */
    private readonly total: number | null,
    private readonly enabled: boolean,
    private readonly now: () => number = Date.now,
  ) {}

  update(position: number, detail: string, force = false): void {
    if (!this.enabled) return;
    const time = this.now();
    if (!force && time - this.lastDraw < INTERVAL_MS) return;
    this.lastDraw = time;
    this.draw(this.render(position, detail));
  }

  /** Writes a line of its own (a failure, a warning) and puts the bar back under it. */
  log(message: string): void {
    if (this.drawn) this.stream.write('\r\x1b[K');
    this.stream.write(`${message}\n`);
    if (this.drawn) this.stream.write(this.drawn);
  }

  /** Draws the final state and ends the bar's line. */
  finish(position: number, detail: string): void {
    if (!this.enabled) return;
    this.draw(this.render(position, detail));
    this.stream.write('\n');
    this.drawn = '';
  }

  private render(position: number, detail: string): string {
    if (this.total === null || this.total <= 0) return detail;
    const fraction = Math.min(1, Math.max(0, position / this.total));
    const filled = Math.round(fraction * WIDTH);
    const percent = String(Math.floor(fraction * 100)).padStart(3);
    return `[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${percent}% ${detail}`;
  }

  private draw(text: string): void {
    this.drawn = text;
    this.stream.write(`\r\x1b[K${text}`);
  }
}
