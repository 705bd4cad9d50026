import { Parser } from 'htmlparser2';
import { absoluteHttpUrl, imageSources } from '../../shared/image-sources.ts';

/** At most this many pictures per article are kept: galleries of hundreds would swamp the cache. */
const MAX_IMAGES_PER_ARTICLE = 30;

/**
 * The pictures an article shows: for each <img> and <picture> source the one address
 * the cache should keep (see image-sources.ts), plus its thumbnail. Absolute, in order,
 * without repeats.
 */
export function articleImageUrls(html: string, baseUrl: string | null, thumbnailUrl: string | null): string[] {
  const urls = new Set<string>();
  const thumbnail = thumbnailUrl ? absoluteHttpUrl(thumbnailUrl, baseUrl) : null;
  if (thumbnail) urls.add(thumbnail);
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name !== 'img' && name !== 'source') return;
        const best = imageSources((attribute) => attributes[attribute], baseUrl)[0];
        if (best && urls.size < MAX_IMAGES_PER_ARTICLE) urls.add(best);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  return [...urls];
}
