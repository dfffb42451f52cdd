import { Feed } from 'feed';
import { escapeHtml, type Html } from '../reader/html';

export const ATOM_TYPE = 'application/atom+xml; charset=utf-8';

/** How many entries a feed holds: the newest. */
export const FEED_SIZE = 50;

/** One entry: its text is plain text (escaped here); its content markup built by `html`. */
export interface FeedEntry {
  /** A stable, unique IRI: what feed readers key entries on. */
  id: string;
  title: string;
  link: string;
  published: Date;
  updated: Date;
  /** Plain text, or markup already escaped. */
  summary: string | Html;
  content: Html;
  author: string | null;
  category?: { term: string; label: string; scheme: string };
}

export interface FeedMeta {
  title: string;
  subtitle: string;
  /** This feed's path, and the path of the page it follows (both under the public url). */
  path: string;
  pagePath: string;
}

/** Characters XML 1.0 cannot carry at all, even escaped: a text holding one would break the feed. */
const NOT_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function xmlText(text: string): string {
  return text.replace(NOT_XML, '\ufffd');
}

/**
 * Text for the feed package's `type="html"` fields: escaped, so readers show it as the words it
 * is, never as markup; and `]]>`, which would end the CDATA section, cannot survive escaping.
 */
function asHtml(text: string): string {
  return escapeHtml(xmlText(text));
}

/**
 * An Atom feed of `entries` (newest first, at most FEED_SIZE): the one builder every feed
 * (fact-checks, corrections, a claimant's, a topic's) goes through.
 */
export function atomFeed(
  publicUrl: string,
  organisation: string,
  meta: FeedMeta,
  entries: readonly FeedEntry[],
): string {
  const shown = entries.slice(0, FEED_SIZE);
  const newest = shown.reduce<Date | null>((at, entry) => (at && at >= entry.updated ? at : entry.updated), null);
  const feed = new Feed({
    id: `${publicUrl}${meta.path}`,
    title: xmlText(meta.title),
    description: xmlText(meta.subtitle),
    link: `${publicUrl}${meta.pagePath}`,
    feedLinks: { atom: `${publicUrl}${meta.path}` },
    updated: newest ?? new Date(0),
    author: { name: xmlText(organisation), link: publicUrl },
    generator: false,
  });
  for (const entry of shown)
    feed.addItem({
      id: entry.id,
      title: asHtml(entry.title),
      link: entry.link,
      date: entry.updated,
      published: entry.published,
      description: typeof entry.summary === 'string' ? asHtml(entry.summary) : xmlText(entry.summary.value),
      content: xmlText(entry.content.value).replace(/]]>/g, ']]&gt;'),
      author: entry.author ? [{ name: xmlText(entry.author) }] : undefined,
      category: entry.category
        ? [{ term: entry.category.term, name: xmlText(entry.category.label), scheme: entry.category.scheme }]
        : undefined,
    });
  return feed.atom1();
}
