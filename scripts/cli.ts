/**
 * How the edition's commands end: with their work done, or with a message a person can act on
 * (the file, the line, what is wrong, how to fix it) and an exit code. Never with a stack
 * trace: an error the command did not foresee is reported as one, in a line, and its trace is
 * shown only with DEBUG=1.
 */
import { ContentError } from '../src/edition/content-error.ts';
import { ReportParseError } from '../src/report/parse-report.ts';

/** Exit codes: 1 for content that must be fixed, 2 for a wrong command line, 70 for a fault of the program. */
export const EXIT = { content: 1, usage: 2, internal: 70 } as const;

/** A wrong command line, with the usage to show. */
export class UsageError extends Error {}

/** Runs `main` and sets the exit code; see the module comment. */
export async function runCli(main: () => Promise<void>, usage: string): Promise<void> {
  try {
    await main();
  } catch (error) {
    if (error instanceof ContentError) {
      console.error(`${error.file}:${error.line}: ${error.reason}\n  修改方法 (fix): ${error.fix}`);
      process.exitCode = EXIT.content;
    } else if (error instanceof UsageError) {
      console.error(`${error.message}\n用法 (usage): ${usage}`);
      process.exitCode = EXIT.usage;
    } else {
      console.error(`内部错误 (internal error): ${(error as Error)?.message ?? String(error)}\n  这是本程序的缺陷，不是报告的问题。请连同报告文件一并反馈；设置 DEBUG=1 可看到详细信息。`);
      if (process.env.DEBUG) console.error(error);
      process.exitCode = EXIT.internal;
    }
  }
}

/** A report parse error as a content error of `file`. */
export function inFile(file: string, error: unknown): never {
  if (error instanceof ReportParseError) throw new ContentError(file, error.line, error.reason, error.hint);
  throw error;
}
