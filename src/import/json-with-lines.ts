/**
 * A strict JSON parser that also remembers the line on which every value starts, so
 * validation errors in JSON import files can name a line like CSV errors do.
 */

export class JsonSyntaxError extends Error {
  constructor(message: string, public readonly line: number) {
    super(message);
    this.name = 'JsonSyntaxError';
  }
}

export type JsonPath = (string | number)[];

export interface JsonWithLines {
  value: unknown;
  /** Line (1-based) where the value at `path` starts, or undefined when absent. */
  lineOf(path: JsonPath): number | undefined;
}

/** Parses `text` as JSON (RFC 8259) and records value start lines by path. */
export function parseJsonWithLines(text: string): JsonWithLines {
  const lines = new Map<string, number>();
  let i = 0;
  let line = 1;
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;

  const fail = (msg: string): never => {
    throw new JsonSyntaxError(msg, line);
  };
  const ws = () => {
    for (;;) {
      const c = src[i];
      if (c === '\n') line++;
      else if (c !== ' ' && c !== '\t' && c !== '\r') return;
      i++;
    }
  };
  const expect = (ch: string) => {
    if (src[i] !== ch) fail(`expected '${ch}' but found ${src[i] === undefined ? 'end of file' : `'${src[i]}'`}`);
    i++;
  };
  const str = (): string => {
    expect('"');
    let out = '';
    for (;;) {
      const c = src[i++];
      if (c === undefined) fail('unterminated string');
      if (c === '"') return out;
      if (c === '\n') fail('line break inside a string');
      if (c === '\\') {
        const e = src[i++];
        const map: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e === 'u') {
          const hex = src.slice(i, i + 4);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('bad \\u escape');
          out += String.fromCharCode(parseInt(hex, 16));
          i += 4;
        } else if (e in map) out += map[e];
        else fail(`bad escape '\\${e}'`);
      } else out += c;
    }
  };
  const value = (path: JsonPath): unknown => {
    ws();
    lines.set(JSON.stringify(path), line);
    const c = src[i];
    if (c === '{') {
      i++;
      const obj: Record<string, unknown> = {};
      ws();
      if (src[i] === '}') {
        i++;
        return obj;
      }
      for (;;) {
        ws();
        const key = str();
        ws();
        expect(':');
        obj[key] = value([...path, key]);
        ws();
        if (src[i] === ',') {
          i++;
          continue;
        }
        expect('}');
        return obj;
      }
    }
    if (c === '[') {
      i++;
      const arr: unknown[] = [];
      ws();
      if (src[i] === ']') {
        i++;
        return arr;
      }
      for (;;) {
        arr.push(value([...path, arr.length]));
        ws();
        if (src[i] === ',') {
          i++;
          continue;
        }
        expect(']');
        return arr;
      }
    }
    if (c === '"') return str();
    const m = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(src.slice(i, i + 64));
    if (!m) return fail(c === undefined ? 'unexpected end of file' : `unexpected character '${c}'`);
    i += m[0].length;
    return m[0] === 'true' ? true : m[0] === 'false' ? false : m[0] === 'null' ? null : Number(m[0]);
  };

  const result = value([]);
  ws();
  if (i < src.length) fail(`unexpected '${src[i]}' after the end of the document`);
  return { value: result, lineOf: (path) => lines.get(JSON.stringify(path)) };
}
