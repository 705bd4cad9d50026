import { describe, expect, it } from 'vitest';
import { hostilePayloads } from '../../test-support/hostile-html.ts';
import { sanitizeStoredHtml } from './sanitize-stored-html.ts';

const TRIPWIRE = 'http://127.0.0.1:9/tripwire';

describe('article HTML as it is stored', () => {
  for (const { name, html } of hostilePayloads(TRIPWIRE)) {
    it(`${name}: nothing that runs or calls home survives`, () => {
      const stored = sanitizeStoredHtml(html);
      expect(stored).not.toMatch(/<script|<svg|<math|<iframe|<object|<embed|<style|<link|<meta|<base|<form|<input|<template|<noscript/i);
      expect(stored).not.toMatch(/\son\w+\s*=/i);
      expect(stored).not.toMatch(/javascript:|data:text|srcdoc|style=/i);
      expect(stored).not.toContain(TRIPWIRE);
      // Sanitizing what was stored changes nothing: the output is its own fixed point.
      expect(sanitizeStoredHtml(stored)).toBe(stored);
    });
  }

  it('keeps what an article is made of: text, structure, links, pictures (lazy and responsive), media, tables', () => {
    const html =
      '<h2 id="x">Heading</h2><p class="lead">A <strong>bold</strong> &amp; <em>fine</em> <a href="https://e.com/a?b=1&amp;c=2" target="_blank">link</a>.</p>' +
      '<figure><picture><source srcset="https://e.com/a.webp 1x, https://e.com/a@2x.webp 2x" type="image/webp"><img src="https://e.com/a.jpg" alt="A &quot;quoted&quot; alt" width="640" height="360"></picture><figcaption>Caption</figcaption></figure>' +
      '<img data-src="https://e.com/lazy.jpg" alt=""><blockquote cite="https://e.com/q">Quote</blockquote>' +
      '<table><tr><th scope="col">H</th><td colspan="2">D</td></tr></table><audio controls src="https://e.com/ep.mp3"></audio><pre>a &lt; b</pre>';
    expect(sanitizeStoredHtml(html)).toBe(
      '<h2>Heading</h2><p>A <strong>bold</strong> &amp; <em>fine</em> <a href="https://e.com/a?b=1&amp;c=2">link</a>.</p>' +
        '<figure><picture><source srcset="https://e.com/a.webp 1x, https://e.com/a@2x.webp 2x" type="image/webp"><img src="https://e.com/a.jpg" alt="A &quot;quoted&quot; alt" width="640" height="360"></picture><figcaption>Caption</figcaption></figure>' +
        '<img data-src="https://e.com/lazy.jpg" alt=""><blockquote cite="https://e.com/q">Quote</blockquote>' +
        '<table><tr><th scope="col">H</th><td colspan="2">D</td></tr></table><audio controls="" src="https://e.com/ep.mp3"></audio><pre>a &lt; b</pre>',
    );
  });

  it('keeps markup nested past 256 levels as its text', () => {
    const deep = sanitizeStoredHtml(`${'<b>'.repeat(200_000)}kept${'</b>'.repeat(200_000)}`);
    expect(deep).toBe(`${'<b>'.repeat(256)}kept${'</b>'.repeat(256)}`);
  });

  it('closes what a truncated body left open, and keeps inline raster images', () => {
    expect(sanitizeStoredHtml('<p>One <b>two')).toBe('<p>One <b>two</b></p>');
    expect(sanitizeStoredHtml('<img src="data:image/png;base64,iVBORw0KGgo=">')).toBe('<img src="data:image/png;base64,iVBORw0KGgo=">');
    expect(sanitizeStoredHtml('<img src="data:image/svg+xml;base64,PHN2Zz4=">')).toBe('<img>');
  });
});
