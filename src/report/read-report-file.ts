/**
 * Reads a report's plain-text file for the importer. Government offices often save text as
 * GBK; read as UTF-8 it would become replacement characters, silently. So the bytes are decoded
 * strictly, and a file that is not UTF-8 is refused with the line of the first bad byte and the
 * command that converts it.
 */
import { readFileSync, statSync } from 'node:fs';
import { ContentError } from '../edition/content-error.ts';

/** Larger than any report; a file past this is not a report's text. */
export const MAX_REPORT_BYTES = 20 * 1024 * 1024;

/** The file's bytes and its text; a `ContentError` names the file, the line and the fix. */
export function readReportFile(file: string): { bytes: Buffer; text: string } {
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) throw new ContentError(file, 1, '这不是一个文件。', '给出报告纯文本文件（.txt）的路径。');
    size = stat.size;
  } catch (error) {
    if (error instanceof ContentError) throw error;
    throw new ContentError(file, 1, `无法读取：${(error as NodeJS.ErrnoException).code ?? (error as Error).message}。`, '检查文件路径和读取权限。');
  }
  if (size > MAX_REPORT_BYTES)
    throw new ContentError(file, 1, `文件有 ${(size / 1024 / 1024).toFixed(1)} MB，超过 ${MAX_REPORT_BYTES / 1024 / 1024} MB，不像是一份报告的纯文本。`, '确认给出的是报告的 .txt 文件，而不是 Word、PDF 或压缩包。');
  const bytes = readFileSync(file);
  try {
    return { bytes, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    // Decoded leniently, the first bad byte is the first replacement character.
    const lenient = new TextDecoder('utf-8').decode(bytes);
    const at = lenient.indexOf('\uFFFD');
    const before = lenient.slice(0, Math.max(0, at));
    const line = before.split(/\r\n|\r|\n/).length;
    throw new ContentError(
      file,
      line,
      `不是 UTF-8 编码的文本（第 ${Buffer.byteLength(before) + 1} 个字节起无法按 UTF-8 读取；中文 Windows 常把文本存为 GBK）。`,
      `转成 UTF-8 后再导入，例如：iconv -f GBK -t UTF-8 "${file}" > report-utf8.txt；或在记事本中“另存为”，编码选 UTF-8。`,
    );
  }
}
