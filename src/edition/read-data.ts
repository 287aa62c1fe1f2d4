/**
 * The one parser for an edition's data: its settings, its YAML data files and the front matter
 * of its glossary entries. Each is YAML read with js-yaml's core schema (a date stays the text it
 * is, `2024-01-10`, never a Date), CRLF or LF alike, and checked against a zod schema. A mistake
 * becomes a `ContentError` with the file, the line of the offending key (or of the mapping a
 * missing key belongs in), what is wrong in Chinese, and the fix: the schema's own message where
 * it has one, the field's `.describe()` text as the fix where it has one.
 *
 * ```ts
 * const { data } = readData('content/data-checks.yaml', dataChecksSchema);
 * const { data, body } = readFrontMatter(file, text, glossaryEntrySchema(levels));
 * ```
 */
import { readFileSync } from 'node:fs';
import { z, type ZodErrorMap, type ZodIssue, type ZodTypeAny } from 'astro/zod';
import yaml from 'js-yaml';
import { ContentError, lineOf } from './content-error.ts';

export type DataPath = readonly (string | number)[];

export interface DataOptions {
  /** Lines of the file before the YAML (1 for front matter, after its opening `---`). Default: 0. */
  lineOffset?: number;
  /** What a key is called in messages: 设置项 in the settings. Default: 字段. */
  keyNoun?: string;
  /** The fix for an issue where the schema describes none; `undefined` for the default. */
  fix?: (path: DataPath, issue: ZodIssue) => string | undefined;
}

export interface ParsedData<T> {
  data: T;
  /** The YAML text as read. */
  text: string;
  /** The 1-based line of the file where the value at `path` is written. */
  lineAt: (path: DataPath) => number;
}

/** Reads a YAML file and checks it against `schema`; see the module comment. */
export function readData<S extends ZodTypeAny>(file: string, schema: S, options: DataOptions = {}): ParsedData<z.output<S>> {
  return parseData(file, readFileSync(file, 'utf8'), schema, options);
}

/** Parses YAML text read from `file` and checks it against `schema`. */
export function parseData<S extends ZodTypeAny>(file: string, text: string, schema: S, options: DataOptions = {}): ParsedData<z.output<S>> {
  const { data, lineAt } = parseYaml(file, text, options.lineOffset ?? 0);
  const parsed = schema.safeParse(data ?? {}, { errorMap: chineseErrors });
  if (!parsed.success) {
    // A misspelt key also makes its field missing: name the typo, the cause, first.
    const issues = parsed.error.issues;
    throw issueError(file, issues.find((i) => i.code === 'unrecognized_keys') ?? issues[0]!, schema, lineAt, options);
  }
  return { data: parsed.data, text, lineAt };
}

/** The YAML front matter of a Markdown file (between `---` lines) checked against `schema`, and the body after it. */
export function readFrontMatter<S extends ZodTypeAny>(
  file: string,
  text: string,
  schema: S,
  options: DataOptions = {},
): ParsedData<z.output<S>> & { body: string } {
  const match = /^\uFEFF?---[ \t]*\r?\n(?:([\s\S]*?)\r?\n)?---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!match) throw new ContentError(file, 1, '没有 frontmatter。', '文件应以一行 --- 开头，写明各字段，再以一行 --- 结束，正文写在其后。');
  const parsed = parseData(file, match[1] ?? '', schema, { ...options, lineOffset: 1 });
  return { ...parsed, body: text.slice(match[0].length) };
}

/** YAML with the core schema, and a way to find the line of a value in it. */
function parseYaml(file: string, text: string, offset: number): { data: unknown; lineAt: (path: DataPath) => number } {
  /** Mappings and lists by the 0-based line they open on. */
  const opened = new WeakMap<object, number>();
  const open: number[] = [];
  let data: unknown;
  try {
    data = yaml.load(text, {
      schema: yaml.CORE_SCHEMA,
      filename: file,
      // js-yaml reports each node as it opens and closes: the opening line is where an editor looks.
      listener(event, state) {
        if (event === 'open') open.push(state.line);
        else {
          const line = open.pop()!;
          if (state.result !== null && typeof state.result === 'object') opened.set(state.result as object, line);
        }
      },
    });
  } catch (error) {
    const mark = (error as { mark?: { line: number } }).mark;
    throw new ContentError(file, (mark?.line ?? 0) + 1 + offset, `不是有效的 YAML：${(error as Error).message.split('\n')[0]}`, '检查引号、冒号和缩进。');
  }
  const lines = text.split(/\r?\n/);
  const lineAt = (path: DataPath): number => {
    let node = data;
    let line = 0;
    for (const [i, step] of path.entries()) {
      if (node === null || typeof node !== 'object') break;
      line = opened.get(node) ?? line;
      const child = (node as Record<string | number, unknown>)[step];
      if (child !== null && typeof child === 'object') {
        node = child;
        continue;
      }
      // A missing value: the line of the mapping it is missing from.
      if (child === undefined) return line + 1 + offset;
      // A scalar: the line of its key, or the item of a block list (a flow list is one line).
      if (typeof step === 'string') return lineOf(text, `${step}:`, line + 1, line + 1) + offset;
      if (i === path.length - 1 && !lines[line]!.includes('[')) {
        let seen = -1;
        for (let l = line; l < lines.length; l++) if (/^\s*-(\s|$)/.test(lines[l]!) && ++seen === step) return l + 1 + offset;
      }
      return line + 1 + offset;
    }
    return (node !== null && typeof node === 'object' ? (opened.get(node) ?? line) : line) + 1 + offset;
  };
  return { data, lineAt };
}

/** A path as an editor reads it: `rows 第 3 项 value`. */
function label(path: DataPath): string {
  return path.map((step) => (typeof step === 'number' ? `第 ${step + 1} 项` : step)).join(' ');
}

/** The zod issue as a content error: the line of the key, the reason in Chinese, the fix. */
function issueError(file: string, issue: ZodIssue, schema: ZodTypeAny, lineAt: (path: DataPath) => number, options: DataOptions): ContentError {
  const noun = options.keyNoun ?? '字段';
  const described = describedAt(schema, issue.path);
  const fix = (fallback: string) => described ?? options.fix?.(issue.path, issue) ?? fallback;
  if (issue.code === 'unrecognized_keys') {
    const where = issue.path.length ? `${label(issue.path)}：` : '';
    const known = Object.keys(objectAt(schema, issue.path)?.shape ?? {});
    return new ContentError(
      file,
      lineAt([...issue.path, issue.keys[0]!]),
      `${where}不认识的${noun}：${issue.keys.join('、')}。`,
      [`可用的${noun}：${known.join('、')}。`, options.fix?.(issue.path, issue)].filter(Boolean).join(''),
    );
  }
  const missing = issue.code === 'invalid_type' && issue.received === 'undefined';
  const where = missing ? issue.path.slice(0, -1) : issue.path;
  const reason = `${where.length ? `${label(where)}：` : ''}${issue.message}`;
  return new ContentError(file, lineAt(issue.path), reason, fix('按数据文件开头的说明和本版其他条目的写法修改。'));
}

/** zod's messages, in Chinese, for issues the schema gives no message of its own. */
const TYPES: Record<string, string> = {
  string: '文字',
  number: '数字',
  integer: '整数',
  float: '数字',
  boolean: 'true 或 false',
  array: '列表',
  object: '映射（键: 值）',
  null: '空值',
  date: '日期',
};
const chineseErrors: ZodErrorMap = (issue, context) => {
  // A message the schema gives (required_error, an enum's errorMap…) is the schema's to keep.
  if (context.defaultError !== z.defaultErrorMap(issue, { ...context, defaultError: '' }).message) return { message: context.defaultError };
  const key = issue.path.at(-1);
  switch (issue.code) {
    case z.ZodIssueCode.invalid_type:
      if (issue.received === 'undefined') return { message: `缺少 ${typeof key === 'string' ? key : '此项'}。` };
      return { message: `应为${TYPES[issue.expected] ?? issue.expected}，这里是${TYPES[issue.received] ?? issue.received}。` };
    case z.ZodIssueCode.invalid_enum_value:
      return { message: `须为以下之一：${issue.options.join('、')}；这里是“${String(issue.received)}”。` };
    case z.ZodIssueCode.too_small:
      if (issue.type === 'array') return { message: `至少 ${issue.minimum} 项。` };
      if (issue.type === 'string') return { message: Number(issue.minimum) === 1 ? '不能为空。' : `至少 ${issue.minimum} 个字。` };
      return { message: `不能小于 ${issue.minimum}。` };
    case z.ZodIssueCode.too_big:
      if (issue.type === 'array') return { message: `最多 ${issue.maximum} 项。` };
      if (issue.type === 'string') return { message: `最多 ${issue.maximum} 个字。` };
      return { message: `不能大于 ${issue.maximum}。` };
    case z.ZodIssueCode.not_multiple_of:
      return { message: `应为 ${issue.multipleOf} 的倍数。` };
    case z.ZodIssueCode.invalid_string:
      return { message: '格式不对。' };
    case z.ZodIssueCode.invalid_union:
      return { message: '写法不对。' };
    default:
      return { message: context.defaultError };
  }
};

/** The schema without optional, default, refine and pipe wrappers. */
function unwrap(schema: ZodTypeAny): ZodTypeAny {
  let s = schema;
  while (unwrapOnce(s) !== s) s = unwrapOnce(s);
  return s;
}

/** The schemas along `path`, from the root; shorter than the path where the path leaves the schema. */
function schemaAt(schema: ZodTypeAny, path: DataPath): ZodTypeAny[] {
  const chain = [schema];
  let s: ZodTypeAny | undefined = schema;
  for (const step of path) {
    const inner = unwrap(s);
    if (inner instanceof z.ZodObject) s = (inner.shape as Record<string, ZodTypeAny>)[step];
    else if (inner instanceof z.ZodArray) s = inner.element;
    else if (inner instanceof z.ZodRecord) s = inner.valueSchema;
    else s = undefined;
    if (!s) break;
    chain.push(s);
  }
  return chain;
}

function objectAt(schema: ZodTypeAny, path: DataPath): z.AnyZodObject | undefined {
  const inner = unwrap(schemaAt(schema, path).at(-1)!);
  return inner instanceof z.ZodObject ? inner : undefined;
}

/** The `.describe()` text of the value at `path` (through its wrappers): the fix the schema gives for it. */
function describedAt(schema: ZodTypeAny, path: DataPath): string | undefined {
  const chain = schemaAt(schema, path);
  if (chain.length !== path.length + 1) return undefined;
  for (let s = chain.at(-1)!; ; s = unwrapOnce(s)) {
    if (s.description) return s.description;
    if (unwrapOnce(s) === s) return undefined;
  }
}

/** One wrapper off: optional, nullable, default, refine or pipe. */
function unwrapOnce(s: ZodTypeAny): ZodTypeAny {
  if (s instanceof z.ZodOptional || s instanceof z.ZodNullable) return s.unwrap();
  if (s instanceof z.ZodDefault) return s.removeDefault();
  if (s instanceof z.ZodEffects) return s.innerType();
  if (s instanceof z.ZodPipeline) return s._def.in;
  return s;
}
