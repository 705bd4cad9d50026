import { fetchFeed } from '../feeds/fetch-feed.ts';
import { type ParsedFeed, parseFeed } from '../feeds/parse/index.ts';
import { describeError, readInputFile } from './describe-error.ts';

/**
 * `parse <file-or-url…> [--base-url URL]`: the normalized JSON of each feed. One input
 * prints one object; several print JSON Lines in order, `{"file","error"}` for a failure.
 */
export async function parseCommand(inputs: string[], baseUrl: string | undefined): Promise<number> {
  if (inputs.length === 0) {
    console.error('broadsheet parse: give a file or an address');
    return 2;
  }
  let failures = 0;
  for (const input of inputs) {
    try {
      const feed = await parseInput(input, baseUrl);
      process.stdout.write(`${JSON.stringify(feed, null, inputs.length === 1 ? 2 : undefined)}\n`);
    } catch (error) {
      failures++;
      const message = describeError(error);
      if (inputs.length === 1) console.error(`broadsheet parse: ${input}: ${message}`);
      else process.stdout.write(`${JSON.stringify({ file: input, error: message })}\n`);
    }
  }
  return failures > 0 && inputs.length === 1 ? 1 : 0;
}

async function parseInput(input: string, baseUrl: string | undefined): Promise<ParsedFeed> {
  if (/^https?:\/\//i.test(input)) {
    const outcome = await fetchFeed({ url: input });
    if (outcome.kind !== 'ok') throw new Error('the server answered 304 Not Modified');
    return parseFeed(outcome.bytes, { baseUrl: baseUrl ?? outcome.finalUrl, contentType: outcome.contentType ?? undefined });
  }
  return parseFeed(readInputFile(input), { baseUrl });
}
