import { describe, expect, it } from 'vitest';
import { htmlToText } from './text.ts';

describe('htmlToText', () => {
  it.each([
    ['<p>One</p><p>Two</p>', 'One Two'],
    ['A<br>B<br/>C', 'A B C'],
    ['<b>bold</b>face', 'boldface'],
    ['Tom &amp; Jerry&nbsp;&mdash; ok', 'Tom & Jerry — ok'],
    ['before<script>alert("<p>x</p>")</script>after', 'before after'],
    ['<style>p { color: red }</style>text', 'text'],
    ['a <!-- hidden <p> --> b', 'a b'],
    ['1 < 2 and 3 > 2', '1 < 2 and 3 > 2'],
    ['x <unclosed', 'x <unclosed'],
    ['<dl><dt>Time</dt><dd>21:42</dd></dl>', 'Time 21:42'],
    ['  spaced \n\t out  ', 'spaced out'],
    ['<IMG SRC="a.png">caption', 'caption'],
  ])('%j → %j', (html, text) => {
    expect(htmlToText(html)).toBe(text);
  });
});
