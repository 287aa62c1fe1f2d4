/** The base path: normalized once from BASE_PATH, and joined with site paths in one way. */
import { describe, expect, test } from 'vitest';
import { basePath, joinBase } from '../../src/site/base-path.ts';
import { chapterUrl, permalink, url } from '../../src/site/urls.ts';

describe('basePath', () => {
  test('with or without slashes, one form', () => {
    expect(basePath('reports/shili-2024')).toBe('/reports/shili-2024/');
    expect(basePath(' /reports/shili-2024/ ')).toBe('/reports/shili-2024/');
  });

  test('nothing is the root', () => {
    expect(basePath(undefined)).toBe('/');
    expect(basePath('/')).toBe('/');
  });

  test('characters a URL path cannot hold are refused, in Chinese', () => {
    expect(() => basePath('/报告 2024/')).toThrow(/BASE_PATH “\/报告 2024\/” 含有不能用于网址路径的字符/);
  });
});

describe('joinBase', () => {
  test('one slash between, whichever side has it', () => {
    for (const base of ['/reports/shili-2024', '/reports/shili-2024/'])
      for (const path of ['about/', '/about/']) expect(joinBase(base, path)).toBe('/reports/shili-2024/about/');
  });

  test('the root and an empty path', () => {
    expect(joinBase('/', 'glossary/#gdp')).toBe('/glossary/#gdp');
    expect(joinBase('/reports/x/')).toBe('/reports/x/');
  });
});

test('url() joins the build’s base (here /) the same way', () => {
  expect(import.meta.env.BASE_URL).toBe('/');
  expect(url('about/')).toBe('/about/');
  expect(chapterUrl('part-1')).toBe('/part-1/');
  expect(permalink(7)).toBe('/p/7/');
});
