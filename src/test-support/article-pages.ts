/**
 * Article pages as publishers serve them — the article wrapped in navigation, share
 * bars, "trending" lists, related links, comments and footers — for the extraction
 * quality test, the offline e2e and the capture benchmark. Each layout follows a
 * common publishing platform's markup.
 */

export interface PageContent {
  section: string;
  headline: string;
  /** The article's own body, as the publisher wrote it. */
  bodyHtml: string;
  /** Other stories' headlines, for trending and related lists. */
  otherHeadlines: string[];
  /** Where the page's pictures live (absolute or page-relative). */
  heroImage?: string;
}

export type PageLayout = 'news-site' | 'wordpress-blog' | 'magazine' | 'minimal';
export const PAGE_LAYOUTS: readonly PageLayout[] = ['news-site', 'wordpress-blog', 'magazine', 'minimal'];

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function articlePage(layout: PageLayout, content: PageContent): string {
  const head = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(content.headline)} | The Daily Loopback</title>
<meta property="og:title" content="${escapeHtml(content.headline)}">${content.heroImage ? `<meta property="og:image" content="${content.heroImage}">` : ''}<script>window.dataLayer=[];function track(){}</script>
<style>body{font-family:serif}</style></head>`;
  switch (layout) {
    case 'news-site':
      return `${head}<body>${siteHeader()}<main><article>
<a class="section-label" href="/section/${encodeURIComponent(content.section)}">${escapeHtml(content.section)}</a>
<h1>${escapeHtml(content.headline)}</h1>${shareBar()}
${content.heroImage ? `<figure><img src="${content.heroImage}" alt="" width="800" height="450"></figure>` : ''}
<div class="article-body">${content.bodyHtml}</div></article>
<aside class="trending"><h2>Trending</h2><ul>${content.otherHeadlines
        .slice(0, 8)
        .map((h, i) => `<li>-<a href="/story/${i}"><span>Politics</span><span>${i + 1} days ago</span><h3>${escapeHtml(h)}</h3></a></li>`)
        .join('')}</ul></aside></main>${newsletter()}${siteFooter()}</body></html>`;
    case 'wordpress-blog':
      return `${head}<body class="post-template-default single"><div id="page" class="site"><header id="masthead"><p class="site-title"><a href="/">A Loopback Blog</a></p>
<nav id="site-navigation"><ul><li><a href="/">Home</a></li><li><a href="/about">About</a></li><li><a href="/archive">Archive</a></li></ul></nav></header>
<div id="content"><div id="primary" class="content-area"><main id="main"><article class="post type-post hentry">
<header class="entry-header"><h1 class="entry-title">${escapeHtml(content.headline)}</h1><div class="entry-meta">Posted in <a href="/category/x" rel="category tag">${escapeHtml(content.section)}</a></div></header>
<div class="entry-content">${content.heroImage ? `<p><img class="wp-image-1" src="${content.heroImage}" srcset="${content.heroImage} 800w" alt=""></p>` : ''}${content.bodyHtml}</div>
<footer class="entry-footer"><span class="tags-links">Tagged <a href="/tag/a">news</a>, <a href="/tag/b">notes</a></span></footer></article>
<nav class="post-navigation"><a href="/prev" rel="prev">Previous post: ${escapeHtml(content.otherHeadlines[0] ?? '')}</a><a href="/next" rel="next">Next post: ${escapeHtml(content.otherHeadlines[1] ?? '')}</a></nav>
<div id="comments" class="comments-area"><h2 class="comments-title">3 thoughts on this post</h2><ol class="comment-list">
<li class="comment"><div class="comment-author">Sam</div><div class="comment-content"><p>Great write-up, thanks for sharing this with everyone.</p></div></li>
<li class="comment"><div class="comment-author">Alex</div><div class="comment-content"><p>I disagree with the second point but enjoyed reading it.</p></div></li>
<li class="comment"><div class="comment-author">Kim</div><div class="comment-content"><p>Bookmarked for later, very useful.</p></div></li></ol>
<div id="respond"><h3>Leave a Reply</h3><form><textarea name="comment"></textarea><button>Post Comment</button></form></div></div>
</main></div><aside id="secondary" class="widget-area"><section class="widget"><h2>Recent Posts</h2><ul>${content.otherHeadlines
        .slice(2, 7)
        .map((h, i) => `<li><a href="/p/${i}">${escapeHtml(h)}</a></li>`)
        .join('')}</ul></section>
<section class="widget"><h2>Archives</h2><ul><li><a href="/2024/05">May 2024</a></li><li><a href="/2024/04">April 2024</a></li></ul></section>
<section class="widget widget_tag_cloud"><h2>Tags</h2><a href="/t/1">apple</a> <a href="/t/2">code</a> <a href="/t/3">web</a></section></aside></div>
<footer id="colophon"><p>Proudly powered by WordPress</p></footer></div></body></html>`;
    case 'magazine':
      return `${head}<body><div class="cookie-banner" role="dialog"><p>We use cookies to improve your experience. By continuing you accept our cookie policy.</p><button>Accept all</button></div>
${siteHeader()}<div class="story-wrapper"><header class="story-header"><p class="kicker">${escapeHtml(content.section)}</p><h1>${escapeHtml(content.headline)}</h1>
<p class="byline">By Staff Reporter · 6 min read</p></header>
${content.heroImage ? `<figure class="hero"><img class="lazyload" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="${content.heroImage}" alt=""><figcaption>Photograph: Loopback Agency</figcaption></figure>` : ''}
<section class="story-body">${withInlineRelated(content.bodyHtml, content.otherHeadlines)}</section>
<div class="paywall-nudge"><p>Enjoying our journalism? Subscribe for unlimited access.</p><a href="/subscribe">Subscribe</a></div>
<section class="more-stories"><h2>More from the magazine</h2>${content.otherHeadlines
        .slice(3, 9)
        .map((h, i) => `<div class="card"><a href="/m/${i}"><img src="/thumbs/${i}.jpg" alt=""><h3>${escapeHtml(h)}</h3></a></div>`)
        .join('')}</section></div>${siteFooter()}</body></html>`;
    case 'minimal':
      return `${head}<body><nav><a href="/">Home</a> · <a href="/posts">Posts</a> · <a href="/feed.xml">RSS</a></nav>
<h1>${escapeHtml(content.headline)}</h1>${content.heroImage ? `<img src="${content.heroImage}" alt="">` : ''}${content.bodyHtml}
<hr><p class="footer">© The author. <a href="/">Back to the index</a></p></body></html>`;
  }
}

function siteHeader(): string {
  const sections = ['World', 'Africa', 'Politics', 'Business', 'Tech', 'Science', 'Lifestyle', 'Sport', 'Opinion'];
  return `<header class="site-header"><a class="logo" href="/">The Daily Loopback</a><nav aria-label="Sections"><ul>${sections
    .map((s) => `<li><a href="/section/${s.toLowerCase()}">${s}</a></li>`)
    .join('')}</ul></nav><form class="search"><input name="q" placeholder="Search"></form><a href="/login">Sign in</a></header>`;
}

function shareBar(): string {
  return '<div class="share"><a href="/share/fb">Share on Facebook</a><a href="/share/x">Share on X</a><a href="/share/mail">Email</a></div>';
}

function newsletter(): string {
  return '<section class="newsletter"><h2>Get the morning briefing</h2><p>The day\'s top stories in your inbox.</p><form><input name="email"><button>Sign up</button></form></section>';
}

function siteFooter(): string {
  return `<footer class="site-footer"><nav><a href="/about">About us</a><a href="/contact">Contact</a><a href="/privacy">Privacy policy</a><a href="/terms">Terms of use</a><a href="/advertise">Advertise</a></nav><p>© 2026 The Daily Loopback. All rights reserved.</p></footer>`;
}

/** News sites break the body with "Related" boxes after a few paragraphs. */
function withInlineRelated(bodyHtml: string, headlines: string[]): string {
  let count = 0;
  return bodyHtml.replace(/<\/p>/gi, (end) => {
    count++;
    if (count !== 2 || headlines.length < 3) return end;
    return `${end}<aside class="related"><h4>Related</h4><ul>${headlines
      .slice(0, 3)
      .map((h, i) => `<li><a href="/r/${i}">${escapeHtml(h)}</a></li>`)
      .join('')}</ul></aside>`;
  });
}
