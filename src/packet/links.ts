/**
 * What a link in a packet opens. A link is evidence only when it opens something outside the
 * packet that a reviewer can check: a web page on a real host, or a file of the repository.
 * URLs are read as a browser reads them: tabs and newlines removed anywhere, control characters
 * and spaces trimmed at the ends (character references are decoded before this: by the Markdown
 * parser, or by `decodeHtmlAttribute` for `<a href>`).
 */
import { decodeString } from 'micromark-util-decode-string';

/** Where a link leads. */
export type LinkTarget =
  /** A web page on a real host. */
  | { readonly kind: 'web' }
  /** A path in the repository (resolved from the packet's folder), to be found in its files. */
  | { readonly kind: 'file'; readonly path: string }
  /** Nothing a reviewer can open; `why` says so in a few words. */
  | { readonly kind: 'none'; readonly why: string };

/** Hosts reserved for documentation and tests (RFC 2606, RFC 6761) or this machine. */
const EXAMPLE_HOST = /(^|\.)example\.(com|org|net)$/;
const RESERVED_TLD = /(^|\.)(test|example|invalid|localhost|local)$/;
const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|0\.0\.0\.0|\[::1?\]|\[0*(:0*)*:?0*1?\])$/;

/** Markers of a URL not filled in yet: `.../pull/XXX`, `TODO`, an ellipsis as a path segment. */
const URL_PLACEHOLDER = /\b(TODO|TBD|FIXME|XXX)\b|(^|\/)(\.{3}|…)(\/|$)|<[^>]*>/;

/**
 * A relative link written as a word from a template: `(url)`, `(link)`, `(TODO)`, `(...)`; not
 * `(..)`, the folder above, which a browser opens as any other folder.
 */
const WORD_PLACEHOLDER =
  /^(url|link|links|here|todo|tbd|tba|tbc|xxx|fixme|placeholder|path|pr|issue|\.{3,}|…)$/i;

/** Schemes that are not web pages, in the words a reader understands. */
const SCHEMES: Readonly<Record<string, string>> = {
  mailto: 'an email address is not evidence',
  tel: 'a phone number is not evidence',
  javascript: 'the link runs a script and opens nothing',
  vbscript: 'the link runs a script and opens nothing',
  data: 'the link holds data instead of pointing at evidence',
  file: "the link points at a file on the author's own disk",
  about: 'the link opens an empty browser page',
  blob: 'the link points at data in the author’s browser',
};

/** Decodes character references (`&#9;`, `&amp;`) and escapes in an HTML attribute value. */
export function decodeHtmlAttribute(value: string): string {
  return decodeString(value);
}

/** `href` values of `<a>` tags in a piece of HTML, decoded. */
export function htmlHrefs(html: string): string[] {
  const out: string[] = [];
  for (const tag of html.matchAll(/<a\s[^>]*>/gi)) {
    const href = /\shref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/i.exec(tag[0]);
    if (href) out.push(decodeHtmlAttribute(href[1] ?? href[2] ?? href[3] ?? ''));
  }
  return out;
}

/** The URL as a browser reads it: tabs and newlines removed, controls and spaces trimmed. */
export function browserUrl(url: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: a browser trims them; so do we.
  return url.replace(/[\t\n\r]/g, '').replace(/^[\x00-\x20]+|[\x00-\x20]+$/g, '');
}

/** Where `raw` (a link destination) leads from the packet at `packetPath`. */
export function linkTarget(raw: string, packetPath: string): LinkTarget {
  const url = browserUrl(raw);
  if (url === '' || url === '#') return { kind: 'none', why: 'the link is empty' };
  if (url.startsWith('#')) return { kind: 'none', why: 'the link points inside the packet' };
  if (url.startsWith('//')) return webTarget(`https:${url}`, packetPath);
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme === 'http' || scheme === 'https') return webTarget(url, packetPath);
  if (scheme !== undefined && scheme.length > 1)
    return { kind: 'none', why: SCHEMES[scheme] ?? 'the link is not a web address' };
  return fileTarget(url, packetPath);
}

function webTarget(url: string, packetPath: string): LinkTarget {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { kind: 'none', why: 'the link is not a valid web address' };
  }
  const host = parsed.hostname.toLowerCase().replace(/\.+$/, '');
  if (host === '') return { kind: 'none', why: 'the web address has no host' };
  if (EXAMPLE_HOST.test(host)) return { kind: 'none', why: 'the link points at an example domain' };
  if (LOOPBACK.test(host) || RESERVED_TLD.test(host))
    return { kind: 'none', why: 'the link points at a local or test address nobody else can open' };
  if (URL_PLACEHOLDER.test(safeDecode(url)))
    return { kind: 'none', why: 'the link is a placeholder' };
  if (host === 'github.com' || host === 'www.github.com') {
    // `github.com/<owner>/<repo>/blob/<ref>/<path>`: the packet itself, at some revision.
    const path = safeDecode(parsed.pathname);
    if (
      /^\/[^/]+\/[^/]+\/(blob|tree|raw|blame|edit)\//.test(path) &&
      path.endsWith(`/${packetPath}`)
    )
      return { kind: 'none', why: 'the link points at the packet itself' };
  }
  return { kind: 'web' };
}

function fileTarget(url: string, packetPath: string): LinkTarget {
  const end = url.search(/[?#]/);
  const written = safeDecode(end === -1 ? url : url.slice(0, end));
  if (WORD_PLACEHOLDER.test(written) || URL_PLACEHOLDER.test(written))
    return { kind: 'none', why: 'the link is a placeholder' };
  const folder = packetPath.includes('/') ? packetPath.slice(0, packetPath.lastIndexOf('/')) : '';
  const segments = written.startsWith('/') ? [] : folder.split('/').filter((s) => s !== '');
  for (const segment of written.replace(/\\/g, '/').split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (segments.length === 0)
        return { kind: 'none', why: 'the link leads out of the repository' };
      segments.pop();
    } else segments.push(segment);
  }
  const path = segments.join('/');
  if (path === '')
    return { kind: 'none', why: 'the link points at the repository, not a document' };
  if (path === packetPath) return { kind: 'none', why: 'the link points at the packet itself' };
  return { kind: 'file', path };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
