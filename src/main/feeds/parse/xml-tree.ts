import { decodeHTML, decodeHTMLAttribute } from 'entities';
import { Parser } from 'htmlparser2';
import { canonicalPrefix } from './namespaces.ts';
import { FeedParseError } from './types.ts';

/**
 * A forgiving XML reader for feeds. Real feeds are often not well-formed (HTML
 * entities, unescaped ampersands, unclosed tags), so this builds a tree from
 * htmlparser2's tolerant tokenizer instead of rejecting the document. DTDs are never
 * read, so entity-expansion and external-entity attacks have nothing to work with.
 */
export interface XmlElement {
  /** Canonical namespace prefix ('' for RSS's own elements, 'atom', 'dc', …). */
  ns: string;
  /** Local name, lower-cased. */
  name: string;
  /** The name as written, for re-serializing inline XHTML. */
  rawName: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  /** Namespace URI of the element, lower-cased ('' when none). */
  nsUri: string;
  parent: XmlElement | null;
}
export type XmlNode = XmlElement | string;

interface Scope {
  prefixes: Map<string, string>;
}

/** libxml2's default nesting limit, which feedparser inherits: deeper elements are read as text. */
const MAX_DEPTH = 256;
/** Past this, the document is refused. */
const MAX_NESTING = 10_000;

export function parseXml(text: string): XmlElement {
  const root: XmlElement = { ns: '', name: '#document', rawName: '', attrs: {}, children: [], nsUri: '', parent: null };
  let current = root;
  const scopes: Scope[] = [{ prefixes: new Map([['xml', 'http://www.w3.org/xml/1998/namespace']]) }];
  let inCdata = false;

  const lookup = (prefix: string): string | undefined => {
    for (let i = scopes.length - 1; i >= 0; i--) {
      const uri = scopes[i]?.prefixes.get(prefix);
      if (uri !== undefined) return uri;
    }
    return undefined;
  };

  // Deeper elements are read as their text only: real feeds nest a dozen levels, and a
  // document nested a million deep must cost neither the stack nor quadratic time.
  let depth = 0;
  let tooDeep = 0;
  const parser = new Parser(
    {
      onopentag(rawName, rawAttrs) {
        if (depth >= MAX_DEPTH) {
          // The XML parser's own bookkeeping grows with the square of the nesting: refuse
          // the hostile case early rather than spend minutes on it.
          if (++tooDeep > MAX_NESTING)
            throw new FeedParseError(`not a feed: its elements nest more than ${MAX_NESTING.toLocaleString('en')} deep`);
          return;
        }
        depth++;
        const prefixes = new Map<string, string>();
        const attrs: Record<string, string> = {};
        for (const [key, value] of Object.entries(rawAttrs)) {
          const decoded = decodeHTMLAttribute(value);
          if (key === 'xmlns') prefixes.set('', decoded.toLowerCase());
          else if (key.startsWith('xmlns:')) prefixes.set(key.slice(6).toLowerCase(), decoded.toLowerCase());
          else attrs[attrName(key)] = decoded;
        }
        scopes.push({ prefixes });
        const colon = rawName.indexOf(':');
        const prefix = colon > 0 ? rawName.slice(0, colon).toLowerCase() : '';
        const local = (colon > 0 ? rawName.slice(colon + 1) : rawName).toLowerCase();
        const nsUri = lookup(prefix) ?? '';
        const ns = nsUri ? canonicalPrefix(nsUri, prefix) : prefix;
        const element: XmlElement = { ns, name: local, rawName, attrs, children: [], nsUri, parent: current };
        current.children.push(element);
        current = element;
      },
      onclosetag() {
        if (tooDeep > 0) {
          tooDeep--;
          return;
        }
        depth--;
        scopes.pop();
        if (current.parent) current = current.parent;
      },
      ontext(data) {
        current.children.push(inCdata ? data : decodeHTML(data));
      },
      oncdatastart() {
        inCdata = true;
      },
      oncdataend() {
        inCdata = false;
      },
    },
    { xmlMode: true, decodeEntities: false, recognizeCDATA: true, recognizeSelfClosing: true },
  );
  parser.end(text);
  return root;
}

/** Attribute names keep a prefix only for xml:base / xml:lang, the two feeds rely on. */
function attrName(key: string): string {
  const lower = key.toLowerCase();
  if (lower === 'xml:base' || lower === 'xml:lang') return lower;
  const colon = lower.indexOf(':');
  return colon > 0 && !lower.startsWith('rdf:') ? lower : lower.replace(/^rdf:/, '');
}

export function childElements(element: XmlElement): XmlElement[] {
  return element.children.filter((c): c is XmlElement => typeof c !== 'string');
}

export function firstChild(element: XmlElement, ns: string, name: string): XmlElement | undefined {
  for (const c of element.children) if (typeof c !== 'string' && c.ns === ns && c.name === name) return c;
  return undefined;
}

export function allChildren(element: XmlElement, ns: string, name: string): XmlElement[] {
  return element.children.filter((c): c is XmlElement => typeof c !== 'string' && c.ns === ns && c.name === name);
}

/** The element's text content (all descendant text, tags dropped). */
export function textOf(element: XmlElement | undefined): string {
  if (!element) return '';
  let out = '';
  for (const c of element.children) out += typeof c === 'string' ? c : textOf(c);
  return out;
}

/**
 * The element's content as markup. Children that are elements (inline XHTML, or HTML
 * a publisher forgot to escape) are serialized back; text is escaped only when the
 * element also holds elements, because escaped HTML in text is itself the markup.
 */
export function innerMarkup(element: XmlElement): string {
  const hasElements = element.children.some((c) => typeof c !== 'string');
  if (!hasElements) return textOf(element);
  return element.children.map((c) => (typeof c === 'string' ? escapeText(c) : outerMarkup(c))).join('');
}

const VOID = new Set(['br', 'img', 'hr', 'input', 'meta', 'link', 'source', 'wbr', 'col', 'area', 'base', 'embed', 'track']);

function outerMarkup(element: XmlElement): string {
  const name = element.ns === 'xhtml' || element.nsUri === '' ? element.name : element.rawName;
  const attrs = Object.entries(element.attrs)
    .map(([k, v]) => ` ${k}="${v.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`)
    .join('');
  if (VOID.has(element.name) && element.children.length === 0) return `<${name}${attrs}>`;
  return `<${name}${attrs}>${element.children.map((c) => (typeof c === 'string' ? escapeText(c) : outerMarkup(c))).join('')}</${name}>`;
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
