/**
 * Escaping for the reader pages. Every value interpolated into `html` is escaped unless it is
 * already Html (built by `html` itself); nothing else becomes markup.
 */

/** Markup that is safe to insert as is. Only `html` and `joinHtml` make it. */
export class Html {
  constructor(readonly value: string) {}

  toString(): string {
    return this.value;
  }
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and for quoted attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char]);
}

export type HtmlValue = Html | string | number | null | undefined | false | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

/** Tagged template: `html\`<p>${text}</p>\`` escapes `text`; nested Html and arrays of it stay markup. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0];
  values.forEach((value, i) => {
    out += render(value) + strings[i + 1];
  });
  return new Html(out);
}

export function joinHtml(parts: readonly HtmlValue[], separator: Html | string = ''): Html {
  return new Html(parts.map(render).join(render(separator)));
}

/** Text with its line breaks kept as <br>. */
export function textWithBreaks(text: string): Html {
  return joinHtml(text.split(/\r?\n/), new Html('<br>'));
}

/**
 * JSON for a <script type="application/ld+json"> block: `<`, `>` and `&` as \u escapes, so no
 * text can close the element or open a comment; U+2028/9 escaped for old parsers.
 */
export function jsonForScript(value: unknown): Html {
  return new Html(
    JSON.stringify(value)
      .replace(/</g, '\\u003c')
      .replace(/>/g, '\\u003e')
      .replace(/&/g, '\\u0026')
      .replace(/\u2028/g, '\\u2028')
      .replace(/\u2029/g, '\\u2029'),
  );
}

/** An external link target: only http(s) urls; anything else (javascript:, data:) gives null. */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}
