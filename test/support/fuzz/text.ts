// The fuzzer's own copy of a document: offsets <-> LSP positions written here rather than taken
// from vscode-languageserver-textdocument, so a server that applies a change differently (CRLF,
// a lone CR, a surrogate pair) ends up with other text than the CLI reads, and the oracle sees it.
// LSP: line breaks are \n, \r\n and \r; characters count UTF-16 code units.

export interface Pos {
  line: number;
  character: number;
}
export interface Rng {
  start: Pos;
  end: Pos;
}
/** One entry of didChange's contentChanges: a ranged edit, or the whole text. */
export type ContentChange = { range: Rng; text: string } | { text: string };

export class FuzzText {
  private starts: number[] = [0];
  /** Where the last edit left the cursor (after the text it typed). */
  cursor = 0;

  constructor(private value: string) {
    this.index();
  }

  get text(): string {
    return this.value;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  private index(): void {
    this.starts = [0];
    const t = this.value;
    for (let i = 0; i < t.length; i++) {
      const c = t.charCodeAt(i);
      if (c === 13 /* \r */) {
        if (t.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      } else if (c === 10) this.starts.push(i + 1);
    }
  }

  /** The line's text without its line break. */
  line(n: number): string {
    const start = this.starts[n];
    const end = n + 1 < this.starts.length ? this.starts[n + 1] : this.value.length;
    return this.value.slice(start, end).replace(/\r?\n$|\r$/, '');
  }

  lineStart(n: number): number {
    return this.starts[n];
  }

  positionAt(offset: number): Pos {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - this.starts[lo] };
  }

  /** Whether a position lies in the text (at most at the end of its line, before the break). */
  contains(p: Pos): boolean {
    return (
      Number.isInteger(p.line) &&
      Number.isInteger(p.character) &&
      p.line >= 0 &&
      p.line < this.starts.length &&
      p.character >= 0 &&
      p.character <= this.line(p.line).length
    );
  }

  /** An offset an editor's cursor can take: not inside a surrogate pair nor between \r and \n. */
  isBoundary(offset: number): boolean {
    if (offset <= 0 || offset >= this.value.length) return offset === 0 || offset === this.value.length;
    const before = this.value.charCodeAt(offset - 1);
    const after = this.value.charCodeAt(offset);
    if (before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff) return false;
    return !(before === 13 && after === 10);
  }

  /** Moves an offset back to the nearest boundary. */
  boundary(offset: number): number {
    let o = Math.max(0, Math.min(offset, this.value.length));
    while (!this.isBoundary(o)) o--;
    return o;
  }

  /** Replaces [start, end) and returns the LSP change that says so (positions in the text before). */
  replace(start: number, end: number, text: string): ContentChange {
    const change = { range: { start: this.positionAt(start), end: this.positionAt(end) }, text };
    this.value = this.value.slice(0, start) + text + this.value.slice(end);
    this.cursor = start + text.length;
    this.index();
    return change;
  }

  /** A change without a range: the whole text replaced. */
  replaceAll(text: string): ContentChange {
    this.value = text;
    this.cursor = 0;
    this.index();
    return { text };
  }
}
