/**
 * Site URLs under the configured base path. Every internal link goes through `url()`, so the
 * site works under any sub-path (`BASE_PATH=/reports/shili-2024/`).
 */
import { joinBase } from './base-path.ts';

/** `url('about/')` → `/reports/shili-2024/about/` under that base. */
export function url(path = ''): string {
  return joinBase(import.meta.env.BASE_URL, path);
}

/** The chapter page of a slug. */
export function chapterUrl(slug: string): string {
  return url(`${slug}/`);
}

/** The permalink page of ¶n: a citation contract. */
export function permalink(n: number): string {
  return url(`p/${n}/`);
}
