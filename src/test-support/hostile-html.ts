/**
 * Article bodies that try to run script, leave the app or call home, each setting the
 * sentinel `window.__pwned` (or asking `tripwire`, a server that must hear nothing) if
 * it ever works. For the sanitizers' unit tests and the reader's end-to-end test.
 */
export function hostilePayloads(tripwire: string): { name: string; html: string }[] {
  const set = 'window.__pwned=1';
  return [
    { name: 'script tag', html: `<p>Before</p><script>${set}</script><p>After</p>` },
    { name: 'event handler', html: `<img src="x" onerror="${set}"><p onclick="${set}">Click</p>` },
    { name: 'javascript link', html: `<a href="javascript:${set}">one</a> <a href="  java&#x09;script:${set}">two</a>` },
    { name: 'data link', html: `<a href="data:text/html,<script>${set}</script>">open</a>` },
    { name: 'svg script', html: `<svg><script>${set}</script><a xlink:href="javascript:${set}"><text>t</text></a></svg>` },
    { name: 'svg onload', html: `<svg onload="${set}"></svg><p>text</p>` },
    { name: 'svg style mutation', html: `<svg><p><style><img src=x onerror="${set}"></style></p></svg>` },
    { name: 'math mutation', html: `<math><mtext><table><mglyph><style><img src=x onerror="${set}">` },
    { name: 'noscript mutation', html: `<noscript><p title="</noscript><img src=x onerror=${set}>"></noscript>` },
    { name: 'srcdoc', html: `<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>` },
    { name: 'base', html: `<base href="javascript:/"><a href="x">relative</a>` },
    { name: 'meta refresh', html: `<meta http-equiv="refresh" content="0;url=javascript:${set}">` },
    { name: 'form', html: `<form action="javascript:${set}"><input autofocus onfocus="${set}"><button>Go</button></form>` },
    { name: 'object and embed', html: `<object data="javascript:${set}"></object><embed src="javascript:${set}">` },
    { name: 'media handlers', html: `<video><source onerror="${set}" src="x"></video><details open ontoggle="${set}">d</details>` },
    {
      name: 'css urls',
      html: `<div style="background:url(${tripwire}/bg.png)">styled</div><style>@import url(${tripwire}/import.css);</style>`,
    },
    { name: 'remote stylesheet', html: `<link rel="stylesheet" href="${tripwire}/style.css"><p>linked</p>` },
    { name: 'tracking pixel', html: `<p>Read on.</p><img src="${tripwire}/pixel.gif" width="1" height="1">` },
    { name: 'template', html: `<template><img src=x onerror="${set}"></template>` },
  ];
}
