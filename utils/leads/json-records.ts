// Incremental reader of a JSON backup: finds each record of its leads array as text, chunk by chunk, so a file of any size is read without holding it whole.

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const LBRACE = 0x7b;
const RBRACE = 0x7d;
const LBRACKET = 0x5b;
const RBRACKET = 0x5d;
const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0xfeff;

/**
 * Splits a JSON document into records without parsing them: either a
 * backup object `{"app": …, "version": …, "leads": [record, …]}` (its other
 * top-level values land in {@link header}) or a bare array `[record, …]`
 * (what `npm run extract` prints). It only tracks strings, escapes and
 * nesting depth; each record's text is then parsed by the caller with the
 * native `JSON.parse`, which is both faster than a JavaScript tokenizer and
 * the one place that decides what valid JSON is. Chunks may end anywhere,
 * even inside a string or an escape.
 */
export class JsonRecordScanner {
  /** Top-level values of a backup object other than its leads, once read. */
  readonly header: Record<string, unknown> = {};
  /** `[` for a bare array, `{` for a backup object, '' before the first character. */
  root: '' | '{' | '[' = '';
  /** Whether a `leads` array was found in a backup object. */
  sawLeads = false;
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** Depth of the array whose items are records (1 for a bare array, 2 for a backup's leads), 0 outside it. */
  private recordDepth = 0;
  /** In the top-level object: what comes next. */
  private phase: 'key' | 'colon' | 'value' | 'after' = 'key';
  private key = '';
  private keyText: string | null = null;
  private capture: { kind: 'record' | 'header'; text: string; tooLong?: boolean } | null = null;
  private done = false;
  /** Next quote or backslash (per scanner: it keeps its position in lastIndex). */
  private readonly stringStop = /["\\]/g;

  /**
   * @param limits a record longer than `recordChars` is not kept in memory
   *   (its callback gets `undefined`); a top-level value other than the leads
   *   longer than `headerChars` means the file is no backup (an error).
   */
  constructor(private readonly limits: { recordChars?: number; headerChars?: number } = {}) {}

  /**
   * Reads the next piece of text; `onRecord` gets the text of each record
   * completed in it (`undefined` for a record over the size limit). Throws on text that cannot start a JSON object or array,
   * or on a backup header value that is not valid JSON.
   */
  push(chunk: string, onRecord: (text: string | undefined) => void): void {
    let capFrom = this.capture ? 0 : -1;
    let keyFrom = this.keyText !== null ? 0 : -1;
    for (let i = 0; i < chunk.length; i++) {
      if (this.inString && !this.escaped) {
        // Most of a backup is string content: jump to the next quote or backslash natively.
        this.stringStop.lastIndex = i;
        const stop = this.stringStop.exec(chunk);
        if (!stop) break;
        i = stop.index;
      }
      const c = chunk.charCodeAt(i);
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === BACKSLASH) this.escaped = true;
        else if (c === QUOTE) {
          this.inString = false;
          if (this.keyText !== null) {
            this.key = JSON.parse(this.keyText + chunk.slice(keyFrom, i + 1)) as string;
            this.keyText = null;
            this.phase = 'colon';
          }
        }
        continue;
      }
      if (isSpace(c)) continue;
      if (this.done) throw new SyntaxError('unexpected text after the end of the JSON');
      // A captured value ends at the separator or bracket of the container holding it.
      if (this.capture && this.depth === (this.capture.kind === 'record' ? this.recordDepth : 1) && (c === COMMA || c === RBRACKET || c === RBRACE)) {
        const text = this.capture.text + chunk.slice(capFrom, i);
        const { kind, tooLong } = this.capture;
        this.capture = null;
        if (kind === 'record') onRecord(tooLong ? undefined : text);
        else this.header[this.key] = JSON.parse(text);
      }
      if (!this.capture) {
        if (this.recordDepth && this.depth === this.recordDepth && c !== COMMA && c !== RBRACKET) {
          this.capture = { kind: 'record', text: '' };
          capFrom = i;
        } else if (this.root === '{' && this.depth === 1 && this.phase === 'value') {
          this.phase = 'after';
          if (this.key === 'leads' && c === LBRACKET) {
            this.sawLeads = true;
            this.recordDepth = 2;
          } else {
            this.capture = { kind: 'header', text: '' };
            capFrom = i;
          }
        }
      }
      switch (c) {
        case QUOTE:
          this.inString = true;
          if (this.root === '{' && this.depth === 1 && this.phase === 'key') {
            this.keyText = '';
            keyFrom = i;
          }
          break;
        case LBRACE:
        case LBRACKET:
          if (this.depth === 0) {
            this.root = c === LBRACE ? '{' : '[';
            if (c === LBRACKET) this.recordDepth = 1;
            this.phase = 'key';
          }
          this.depth++;
          break;
        case RBRACE:
        case RBRACKET:
          if (this.depth === 0) throw new SyntaxError('unexpected closing bracket');
          this.depth--;
          if (this.depth < this.recordDepth) this.recordDepth = 0;
          if (this.depth === 0) this.done = true;
          break;
        case COLON:
          if (this.root === '{' && this.depth === 1 && this.phase === 'colon') this.phase = 'value';
          break;
        case COMMA:
          if (this.root === '{' && this.depth === 1) this.phase = 'key';
          break;
        default:
          if (this.depth === 0) throw new SyntaxError('the file does not start with { or [');
      }
    }
    if (this.capture && !this.capture.tooLong) {
      this.capture.text += chunk.slice(capFrom);
      const max = this.capture.kind === 'record' ? (this.limits.recordChars ?? Infinity) : (this.limits.headerChars ?? Infinity);
      if (this.capture.text.length > max) {
        if (this.capture.kind === 'header') throw new SyntaxError(`its "${this.key}" value is over ${max.toLocaleString('en')} characters`);
        this.capture = { ...this.capture, text: '', tooLong: true };
      }
    }
    if (this.keyText !== null) this.keyText += chunk.slice(keyFrom);
  }

  /** Whether the document ended: its outermost bracket was closed. */
  get complete(): boolean {
    return this.done;
  }
}
