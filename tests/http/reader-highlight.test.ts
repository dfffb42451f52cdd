import { describe, expect, it } from 'vitest';
import { type HighlightClaim, paragraphRanges, renderBody } from '../../src/http/reader/highlight';
import { escapeHtml, html, jsonForScript, safeHref } from '../../src/http/reader/html';
import { Verdict } from '../../src/modules/annotation/verdict';

/** Highlighting an article body from claim offsets, and the escaping helpers (no server). */

function claim(claimId: number, body: string, quote: string, from = 0): HighlightClaim {
  const start = body.indexOf(quote, from);
  if (start < 0) throw new Error(`not in body: ${quote}`);
  return {
    claimId,
    start,
    end: start + quote.length,
    verdict: Verdict.TRUE,
    stale: false,
    anchorId: `claim-${claimId}`,
    noteId: `note-${claimId}`,
    labelId: `label-${claimId}`,
  };
}

/** Checks that tags open and close in order, and returns the tags seen. */
function checkWellFormed(markup: string): string[] {
  const stack: string[] = [];
  const seen: string[] = [];
  for (const match of markup.matchAll(/<(\/?)([a-z]+)\b[^>]*>/g)) {
    const [, closing, name] = match;
    if (name === 'br') continue;
    seen.push(`${closing}${name}`);
    if (!closing) {
      // Marks and links never nest (the HTML parser would break nested <a>).
      if (name === 'a' || name === 'mark') expect(stack).not.toContain(name);
      stack.push(name);
    } else {
      expect(stack.pop()).toBe(name);
    }
  }
  expect(stack).toEqual([]);
  return seen;
}

const decode = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
const textOf = (markup: string) => decode(markup.replace(/<br>/g, '\n').replace(/<[^>]*>/g, ''));

/** Text of each claim's marks, joined in order. */
function markedText(markup: string): Map<string, string> {
  const texts = new Map<string, string>();
  for (const match of markup.matchAll(/<mark\b[^>]*><a [^>]*data-note="(note-\d+)"[^>]*>([\s\S]*?)<\/a><\/mark>/g)) {
    texts.set(match[1], (texts.get(match[1]) ?? '') + textOf(match[2]));
  }
  return texts;
}

describe('article body highlighting', () => {
  it('splits paragraphs on blank lines and keeps single line breaks', () => {
    const body = 'One.\nStill one.\n\n\nTwo.\r\n  \r\nThree.\n\n';
    expect(paragraphRanges(body).map((range) => body.slice(range.start, range.end))).toEqual([
      'One.\nStill one.',
      'Two.',
      'Three.',
    ]);
    expect(renderBody(body, []).html.value).toBe('<p>One.<br>Still one.</p>\n<p>Two.</p>\n<p>Three.</p>');
  });

  it('marks each claim once with its id on the mark and a link to its note', () => {
    const body = 'Alpha beta gamma.\n\nDelta epsilon.';
    const { html: out, marked } = renderBody(body, [claim(1, body, 'beta'), claim(2, body, 'epsilon')]);
    expect(out.value).toBe(
      '<p>Alpha <mark class="claim v-true" id="claim-1"><a class="claim-link" href="#note-1" data-note="note-1" aria-describedby="label-1">beta</a></mark> gamma.</p>\n' +
        '<p>Delta <mark class="claim v-true" id="claim-2"><a class="claim-link" href="#note-2" data-note="note-2" aria-describedby="label-2">epsilon</a></mark>.</p>',
    );
    expect([...marked]).toEqual([1, 2]);
  });

  it('splits overlapping and nested claims into flat pieces, never nesting marks or links', () => {
    const body = 'The quick brown fox jumps over the lazy dog.';
    const claims = [
      claim(1, body, 'quick brown fox jumps'),
      claim(2, body, 'brown fox'),
      claim(3, body, 'jumps over the lazy'),
      claim(4, body, 'quick brown fox jumps'),
    ];
    const { html: out, marked, covered } = renderBody(body, claims);
    checkWellFormed(out.value);
    expect(textOf(out.value)).toBe(body);
    expect([...marked].sort()).toEqual([1, 2, 3]);
    // Identical to claim 1: no words of its own, so only its anchor, where its words begin.
    expect([...covered]).toEqual([4]);
    expect(out.value).toContain(
      'The <span class="claim-anchor" id="claim-4"></span><mark class="claim v-true overlap" id="claim-1">',
    );
    const texts = markedText(out.value);
    // The innermost claim (starting last) owns each stretch: 2 inside 1; 3 from where it starts.
    expect(texts.get('note-2')).toBe('brown fox');
    expect(texts.get('note-3')).toBe('jumps over the lazy');
    // Identical ranges: the lower id owns the words left.
    expect(texts.get('note-1')).toBe('quick  ');
    expect(texts.has('note-4')).toBe(false);
    // Each claim's id is on its first piece only; later pieces are out of the tab order.
    expect(out.value.match(/id="claim-1"/g)).toHaveLength(1);
    expect(out.value).toMatch(/<mark class="claim v-true cont overlap"><a [^>]*data-note="note-1"[^>]*tabindex="-1">/);
  });

  it('keeps the anchor of a claim split into two sub-claims that own all its words', () => {
    const body = 'Prices rose and wages fell last year.';
    const {
      html: out,
      marked,
      covered,
    } = renderBody(body, [
      claim(1, body, 'Prices rose and wages fell'),
      claim(2, body, 'Prices rose '),
      claim(3, body, 'and wages fell'),
    ]);
    checkWellFormed(out.value);
    expect([...marked]).toEqual([2, 3]);
    expect([...covered]).toEqual([1]);
    expect(
      out.value.startsWith(
        '<p><span class="claim-anchor" id="claim-1"></span><mark class="claim v-true overlap" id="claim-2">',
      ),
    ).toBe(true);
  });

  it('splits a claim that spans a paragraph break and skips claims with unusable offsets', () => {
    const body = 'First part ends here.\n\nSecond part starts here.';
    const spanning = claim(1, body, 'ends here.\n\nSecond part');
    const bad = [
      { ...claim(2, body, 'First'), start: -1 },
      { ...claim(3, body, 'First'), end: body.length + 5 },
      { ...claim(4, body, 'First'), end: 0 },
    ];
    const { html: out, marked } = renderBody(body, [spanning, ...bad]);
    checkWellFormed(out.value);
    expect([...marked]).toEqual([1]);
    expect(out.value.match(/<mark /g)).toHaveLength(2);
    expect(markedText(out.value).get('note-1')).toBe('ends here.Second part');
  });

  it('takes offsets in UTF-16 code units (astral characters count twice) and escapes every piece', () => {
    const body = 'Emoji 🎉🎉 <b>"bold"</b> & \'quoted\' 😀 end';
    const quote = '<b>"bold"</b> & \'quoted\' 😀';
    const { html: out } = renderBody(body, [claim(1, body, quote)]);
    expect(body.indexOf(quote)).toBe(11);
    checkWellFormed(out.value);
    expect(out.value).not.toContain('<b>');
    expect(out.value).toContain('&lt;b&gt;&quot;bold&quot;&lt;/b&gt; &amp; &#39;quoted&#39; 😀');
    expect(markedText(out.value).get('note-1')).toBe(quote);
  });
});

describe('escaping helpers', () => {
  it('escapes interpolated values but keeps nested html', () => {
    const payload = `"><img src=x onerror=alert(1)>'`;
    expect(escapeHtml(payload)).toBe('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&#39;');
    expect(html`<p title="${payload}">${payload}${html`<br>`}${[payload, 1]}${null}${false}</p>`.value).toBe(
      `<p title="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&#39;">&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&#39;<br>&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&#39;1</p>`,
    );
  });

  it('writes JSON for a script element that cannot close it, and parses back unchanged', () => {
    const value = { text: '</script><script>alert(2)</script><!-- & \u2028' };
    const out = jsonForScript(value).value;
    expect(out).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(out)).toEqual(value);
  });

  it('links only to http(s) urls', () => {
    expect(safeHref('https://example.org/a?b=1')).toBe('https://example.org/a?b=1');
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('data:text/html,<script>alert(1)</script>')).toBeNull();
    expect(safeHref('not a url')).toBeNull();
    expect(safeHref(null)).toBeNull();
  });
});
