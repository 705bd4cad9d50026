import { FetchError, fetchFeed } from '../feeds/fetch-feed.ts';

/** A larger file is a poster or a download, not an article's picture. */
const MAX_IMAGE_BYTES = 15 * 1024 * 1024;
const IMAGE_TIMEOUT_MS = 20_000;

/** What the cache keeps and serves: raster formats and SVG (which never runs script inside <img>). */
const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/avif', 'image/svg+xml', 'image/bmp', 'image/x-icon'];

export type ImageFetchResult =
  | { kind: 'ok'; bytes: Uint8Array; contentType: string }
  | { kind: 'failed'; message: string; offline: boolean; networkDown?: boolean };

/** Downloads one image; the type comes from its bytes when the server's label is missing or generic. */
export async function fetchImage(url: string, signal?: AbortSignal, timeoutMs = IMAGE_TIMEOUT_MS): Promise<ImageFetchResult> {
  try {
    const outcome = await fetchFeed({
      url,
      subject: 'image',
      accept: 'image/avif,image/webp,image/*;q=0.8',
      maxBytes: MAX_IMAGE_BYTES,
      timeoutMs,
      signal,
    });
    if (outcome.kind !== 'ok' || outcome.bytes.byteLength === 0)
      return { kind: 'failed', message: 'the server sent no image', offline: false };
    const declared = outcome.contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
    const contentType = IMAGE_TYPES.includes(declared) ? declared : sniffImageType(outcome.bytes);
    if (!contentType) return { kind: 'failed', message: `not an image (${declared || 'no type'})`, offline: false };
    return { kind: 'ok', bytes: outcome.bytes, contentType };
  } catch (error) {
    if (error instanceof FetchError)
      return { kind: 'failed', message: error.message, offline: error.offline, networkDown: error.networkDown };
    return { kind: 'failed', message: String(error), offline: false };
  }
}

export function sniffImageType(bytes: Uint8Array): string | null {
  const starts = (...signature: number[]) => signature.every((byte, i) => bytes[i] === byte);
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47)) return 'image/png';
  if (starts(0x47, 0x49, 0x46, 0x38)) return 'image/gif';
  if (starts(0x52, 0x49, 0x46, 0x46) && bytes[8] === 0x57 && bytes[9] === 0x45) return 'image/webp';
  if (bytes[4] === 0x66 && bytes[5] === 0x74 && bytes[6] === 0x79 && bytes[7] === 0x70) return 'image/avif';
  return null;
}
