import { describe, expect, it } from 'vitest';
import { imageSources, parseSrcset } from './image-sources.ts';

const reader = (attrs: Record<string, string>) => (name: string) => attrs[name];

describe('image sources', () => {
  it('prefers the srcset candidate nearest a reading column, then src, all made absolute', () => {
    const sources = imageSources(
      reader({ src: 'small.jpg', srcset: 'a-400.jpg 400w, a-1600.jpg 1600w, a-4000.jpg 4000w' }),
      'https://news.example/world/story.html',
    );
    expect(sources).toEqual([
      'https://news.example/world/a-1600.jpg',
      'https://news.example/world/small.jpg',
      'https://news.example/world/a-4000.jpg',
      'https://news.example/world/a-400.jpg',
    ]);
  });

  it('sees through lazy loading: the data-src address wins over a placeholder', () => {
    const sources = imageSources(reader({ src: 'data:image/gif;base64,R0lGOD', 'data-src': '/img/real.png' }), 'https://n.example/a');
    expect(sources).toEqual(['https://n.example/img/real.png']);
  });

  it('drops what cannot be fetched', () => {
    expect(imageSources(reader({ src: 'javascript:alert(1)' }), null)).toEqual([]);
    expect(imageSources(reader({ src: 'relative.png' }), null)).toEqual([]);
  });

  it('reads density descriptors and URLs with commas', () => {
    expect(parseSrcset('https://c.example/i.jpg?w=1,2 1x, https://c.example/i2.jpg 2x')).toEqual([
      { url: 'https://c.example/i.jpg?w=1,2', width: 800 },
      { url: 'https://c.example/i2.jpg', width: 1600 },
    ]);
  });
});
